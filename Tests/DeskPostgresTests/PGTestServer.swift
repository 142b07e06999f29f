import Foundation
import XCTest

/// The private test cluster `make test` starts (scripts/with-test-postgres): `VSSDESK_TEST_PG` is the URI of its
/// `vssdesk` database as the cluster's superuser. Each test takes a database of its own.
enum PGTestServer {
    static var uri: String? {
        guard let v = ProcessInfo.processInfo.environment["VSSDESK_TEST_PG"], !v.isEmpty, v != "none" else { return nil }
        return v
    }

    /// Skips the test with a message when no server was started for the run.
    static func requireURI() throws -> String {
        guard let uri else { throw XCTSkip("no PostgreSQL test server (run through `make test`, or set VSSDESK_TEST_PG)") }
        return uri
    }

    /// The URI of a new, empty database on the test server.
    static func freshDatabase() throws -> String {
        let base = try requireURI()
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try psql(base, "CREATE DATABASE \(name)")
        return base.replacingOccurrences(of: "postgresql:///vssdesk?", with: "postgresql:///\(name)?")
    }

    /// Runs SQL through the stock psql as the superuser; its output.
    @discardableResult
    static func psql(_ uri: String, _ sql: String, user: String? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        p.arguments = [uri, "-v", "ON_ERROR_STOP=1", "-qAtc", sql]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(domain: "psql", code: Int(p.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: String(decoding: e, as: UTF8.self)])
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
