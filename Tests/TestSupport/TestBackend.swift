import Foundation
import Testing

/// The engine the service and end-to-end suites run on: SQLite by default; PostgreSQL with
/// `VSSDESK_TEST_BACKEND=postgres`, each test on fresh databases of the server `VSSDESK_TEST_PG` names (the private
/// cluster `make test` starts). One suite, two engines.
public enum TestBackend {
    public static let isPostgres = ProcessInfo.processInfo.environment["VSSDESK_TEST_BACKEND"] == "postgres"

    /// The server's URI (its `vssdesk` database, as the cluster's superuser).
    public static func serverURI() throws -> String {
        guard let uri = ProcessInfo.processInfo.environment["VSSDESK_TEST_PG"], !uri.isEmpty, uri != "none" else {
            throw Failure(message: "VSSDESK_TEST_BACKEND=postgres needs a server: run through `make test` or scripts/with-test-postgres")
        }
        return uri
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// The URI of a new, empty database; inside a suite marked `.freshDatabases` it is dropped when the test ends.
    public static func freshDatabase() throws -> String {
        let base = try serverURI()
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try psql(base, "CREATE DATABASE \(name)")
        made?.add(name)
        return base.replacingOccurrences(of: "postgresql:///vssdesk?", with: "postgresql:///\(name)?")
    }

    /// Runs SQL through the stock psql; its output, or the error it printed.
    @discardableResult
    public static func psql(_ uri: String, _ sql: String) throws -> String {
        try output(of: "/usr/bin/psql", [uri, "-v", "ON_ERROR_STOP=1", "-qAtc", sql]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What `program` prints on stdout; a failure with what it printed on stderr when it exits non-zero.
    public static func output(of program: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(message: "\((program as NSString).lastPathComponent): " + String(decoding: e, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The databases the running test made (set by `FreshDatabases`).
    @TaskLocal static var made: MadeDatabases?
}

/// Database names, added from the test's threads.
final class MadeDatabases: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func add(_ name: String) { lock.lock(); names.append(name); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return names }
}

/// Drops the databases each test of the suite made once it has ended (with FORCE: a connection the test left open
/// goes too), so that a run over hundreds of tests does not keep hundreds of databases on disk.
public struct FreshDatabases: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        guard TestBackend.isPostgres, testCase != nil else { return try await function() }
        let made = MadeDatabases()
        defer { made.dropAll() }
        try await TestBackend.$made.withValue(made) { try await function() }
    }
}

extension TestBackend {
    /// Runs `body` (an XCTest case's `invokeTest`) and drops the databases it made.
    public static func droppingDatabases(madeDuring body: () -> Void) {
        let made = MadeDatabases()
        defer { made.dropAll() }
        $made.withValue(made, operation: body)
    }
}

extension MadeDatabases {
    func dropAll() {
        guard let base = try? TestBackend.serverURI() else { return }
        for name in all { _ = try? TestBackend.psql(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }
}

extension Trait where Self == FreshDatabases {
    /// Each test's PostgreSQL databases are dropped when it ends.
    public static var freshDatabases: Self { FreshDatabases() }
}

extension Trait where Self == ConditionTrait {
    /// The test is about SQLite itself (its file, its pages, its own SQL): skipped on PostgreSQL, saying why.
    public static func sqliteOnly(_ why: Comment) -> Self {
        .disabled(if: TestBackend.isPostgres, why)
    }
}
