import Foundation
import XCTest
import DeskTestSupport

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
        _ = try requireURI()
        return try TestBackend.freshDatabase()
    }

    /// Runs SQL through the stock psql as the superuser; its output.
    @discardableResult
    static func psql(_ uri: String, _ sql: String, user: String? = nil) throws -> String {
        try TestBackend.psql(uri, sql)
    }
}
