import CLibpq
import Foundation

/// One synchronous libpq connection (https://www.postgresql.org/docs/current/libpq.html): statements prepared once
/// per connection and reused (`PQprepare`/`PQexecPrepared`), values only as parameters, errors typed by SQLSTATE.
/// The conninfo is libpq's own, so `PG*` variables, `~/.pgpass`, `pg_service.conf` and multi-host URIs with
/// `target_session_attrs=read-write` work as in psql.
public final class PGConnection {
    private(set) var handle: OpaquePointer?
    private let conninfo: String
    private var setup: [String]
    /// SQL text → the name it was prepared under on this connection.
    private var prepared: [String: String] = [:]
    /// Statements sent once, unprepared: a statement is prepared the second time it is sent, so a one-shot
    /// `vssdesk -c …` pays one round trip for each of its statements, not two (parse, then execute).
    private var sentOnce: Set<String> = []
    /// Nesting depth of `transaction`; only the outermost call sends BEGIN/COMMIT.
    private var depth = 0

    /// Connects; `setup` statements (SET …) run on this connection and again after a reconnect.
    public init(_ conninfo: String, setup: [String] = []) throws {
        self.conninfo = conninfo
        self.setup = setup
        try connect()
    }

    deinit { PQfinish(handle) }

    private func connect() throws {
        PQfinish(handle)
        prepared = [:]
        sentOnce = []
        handle = PQconnectdb(conninfo)
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let message = handle.map { Self.trimmed(PQerrorMessage($0)) } ?? "out of memory"
            throw PGError(sqlState: "08006", message: message, statement: nil)
        }
        PQsetClientEncoding(handle, "UTF8")
        // All in one round trip (the simple protocol runs several statements as one).
        if !setup.isEmpty { try execSimple(setup.joined(separator: "; ")) }
    }

    /// Runs `statement` now and again after every reconnect (who the session acts as, with `--as`).
    public func keep(_ statement: String) throws {
        try execSimple(statement)
        setup.append(statement)
    }

    /// A connection left in an unknown state (a pipeline cut short) is replaced by a new one; the server rolls back
    /// whatever the old one had not committed.
    func reconnectAfterBrokenPipeline() {
        try? connect()
    }

    /// The server's process id for this connection (tests, and `pg_terminate_backend`).
    public var backendPID: Int32 { PQbackendPID(handle) }

    /// The role this connection acts as (the operator's login on a shared server).
    public func sessionUser() throws -> String {
        try query("SELECT session_user::text").first?.string(0) ?? ""
    }

    /// An identifier quoted by libpq (`PQescapeIdentifier`), for the few statements that take a role name and no
    /// parameters (SET SESSION AUTHORIZATION, CREATE ROLE, GRANT).
    public func quotedIdentifier(_ name: String) throws -> String {
        guard let p = PQescapeIdentifier(handle, name, name.utf8.count) else { throw connectionError("identifier") }
        defer { PQfreemem(p) }
        return String(cString: p)
    }

    /// Rows of a statement.
    public func query(_ sql: String, _ params: [PGValue] = []) throws -> [PGRow] {
        try withRetryForReads(sql) { try execute(sql, params).rows }
    }

    /// Calls a server function that writes (`SELECT vssdesk_…(…)`, which reads like a query): after a lost
    /// connection the call is reported, never made again, since the server may have committed it.
    @discardableResult
    public func callWriting(_ sql: String, _ params: [PGValue] = []) throws -> [PGRow] {
        try withRetryForReads(sql, read: false) { try execute(sql, params).rows }
    }

    /// The first row, if any.
    public func queryOne(_ sql: String, _ params: [PGValue] = []) throws -> PGRow? {
        try query(sql, params).first
    }

    /// Runs a statement that returns no rows; the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ params: [PGValue] = []) throws -> Int {
        try withRetryForReads(sql) { try execute(sql, params).changed }
    }

    /// Streams rows of a large result one at a time (single-row mode), without holding the whole result.
    public func forEach(_ sql: String, _ params: [PGValue] = [], _ body: (PGRow) throws -> Void) throws {
        var delivered = 0
        do {
            try stream(sql, params) { delivered += 1; try body($0) }
        } catch let e as PGError where e.isConnectionLoss && delivered == 0 && depth == 0 && Self.isRead(sql) {
            // As `query`: a read the server never answered is asked once more on a new connection.
            try connect()
            try stream(sql, params, body)
        }
    }

    private func stream(_ sql: String, _ params: [PGValue], _ body: (PGRow) throws -> Void) throws {
        try sendDeferred()
        let wire = params.map { $0.wire }
        let sent: Int32 = withParams(wire) { values, count in
            PQsendQueryParams(handle, sql, count, nil, values, nil, nil, 0)
        }
        guard sent == 1 else { throw connectionError(sql) }
        PQsetSingleRowMode(handle)
        var failure: Error?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status == PGRES_SINGLE_TUPLE, failure == nil {
                do { try body(Self.row(result, 0)) } catch { failure = error }
            } else if status != PGRES_TUPLES_OK, failure == nil {
                failure = resultError(result, sql)
            }
        }
        if let failure { throw failure }
    }

    /// Runs `body` in one transaction: commits whole, or rolls back when it throws. Nested calls join the outer one.
    /// `commit` ends it instead of a plain COMMIT (one that sends more statements with it, `pipeline`); it throws
    /// only when the transaction did not commit.
    public func transaction<T>(commit: (() throws -> Void)? = nil, _ body: () throws -> T) throws -> T {
        if depth > 0 {
            depth += 1
            defer { depth -= 1 }
            return try body()
        }
        // BEGIN goes with the transaction's first statement, in the same round trip (`deferred`).
        deferred = [PGStatement("BEGIN")]
        depth = 1
        do {
            let value = try body()
            depth = 0
            // A statement the body caught an error from has aborted the transaction: COMMIT would only roll it back.
            if PQtransactionStatus(handle) == PQTRANS_INERROR {
                throw PGError(sqlState: "25P02", message: "the transaction failed earlier and was rolled back", statement: "COMMIT")
            }
            if let commit { try commit() } else { try commitPlain() }
            return value
        } catch {
            depth = 0
            deferred = []
            if PQstatus(handle) == CONNECTION_OK, PQtransactionStatus(handle) != PQTRANS_IDLE { try? execSimple("ROLLBACK") }
            throw error
        }
    }

    public var inTransaction: Bool { depth > 0 }

    /// `COPY … FROM STDIN` with rows given as COPY text lines (tab-separated, `\N` for NULL, escaped).
    public func copyIn(_ sql: String, rows: (( [String?]) throws -> Void) throws -> Void) throws {
        try sendDeferred()
        let start = PQexec(handle, sql)
        defer { PQclear(start) }
        guard PQresultStatus(start) == PGRES_COPY_IN else { throw resultError(start, sql) }
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 16)
        func flush() throws {
            guard !buffer.isEmpty else { return }
            let ok = buffer.withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { PQputCopyData(handle, $0, Int32(p.count)) }
            }
            buffer.removeAll(keepingCapacity: true)
            if ok != 1 { throw connectionError(sql) }
        }
        do {
            try rows { fields in
                for (i, field) in fields.enumerated() {
                    if i > 0 { buffer.append(9) }
                    if let field { Self.appendCopyEscaped(field, to: &buffer) } else { buffer.append(contentsOf: [92, 78]) }
                }
                buffer.append(10)
                if buffer.count > 60_000 { try flush() }
            }
            try flush()
        } catch {
            PQputCopyEnd(handle, "aborted by the client")
            while let r = PQgetResult(handle) { PQclear(r) }
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw connectionError(sql) }
        var failure: Error?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil { failure = resultError(result, sql) }
            PQclear(result)
        }
        if let failure { throw failure }
    }

    // MARK: - Execution

    private struct Outcome { var rows: [PGRow]; var changed: Int }

    private func execute(_ sql: String, _ params: [PGValue]) throws -> Outcome {
        if !deferred.isEmpty {
            switch try pipeline([[PGStatement(sql, params)]])[0] {
            case .rows(let rows, let changed): return Outcome(rows: rows, changed: changed)
            case let outcome: throw outcome.error!
            }
        }
        let name = try preparedNameIfRepeated(sql, count: params.count)
        let wire = params.map { $0.wire }
        let result = withParams(wire) { values, count in
            name.map { PQexecPrepared(handle, $0, count, values, nil, nil, 0) } ?? PQexecParams(handle, sql, count, nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK:
            let n = Int(PQntuples(result))
            return Outcome(rows: (0..<n).map { Self.row(result!, Int32($0)) }, changed: n)
        case PGRES_COMMAND_OK:
            return Outcome(rows: [], changed: Int(String(cString: PQcmdTuples(result))) ?? 0)
        default:
            if sqlStateOf(result) == "26000" { prepared[sql] = nil }   // the server forgot it (DISCARD ALL)
            throw resultError(result, sql)
        }
    }

    /// Statements of the open transaction not sent yet (its BEGIN, writes whose answer nobody reads): they go in
    /// the same round trip as the next statement that needs an answer, or the COMMIT.
    var deferred: [PGStatement] = []

    /// Inside a transaction, sends `sql` with the next statement that needs an answer (or the COMMIT), in the same
    /// round trip: for a write whose result the caller does not look at. Its error, if any, is thrown there, and
    /// the transaction rolls back as it would have. Outside a transaction it runs at once.
    public func runLater(_ sql: String, _ params: [PGValue] = []) throws {
        guard depth > 0 else { return _ = try run(sql, params) }
        deferred.append(PGStatement(sql, params))
    }

    /// Sends what waits, alone (before a statement that cannot join a pipeline: COPY, a streamed read, DDL).
    private func sendDeferred() throws {
        guard !deferred.isEmpty else { return }
        _ = try pipeline([[]])
    }

    /// COMMIT, with what waits; a transaction that sent nothing ends without a round trip.
    func commitPlain() throws {
        if deferred.count == 1, deferred[0].sql == "BEGIN" {
            deferred = []
            return
        }
        if let e = try pipeline([[PGStatement("COMMIT")]])[0].error { throw e }
    }

    /// The server forgot a prepared statement (DISCARD ALL by a pooler): it is prepared again next time.
    func forgetPrepared(_ sql: String) { prepared[sql] = nil }

    /// The prepared name of a statement sent before (preparing it now if need be); nil the first time.
    func preparedNameIfRepeated(_ sql: String, count: Int) throws -> String? {
        if prepared[sql] != nil || sentOnce.contains(sql) { return try preparedName(sql, count: count) }
        sentOnce.insert(sql)
        return nil
    }

    func preparedName(_ sql: String, count: Int) throws -> String {
        if let name = prepared[sql] { return name }
        let name = "vss_\(prepared.count + 1)"
        let result = PQprepare(handle, name, sql, Int32(count), nil)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw resultError(result, sql) }
        prepared[sql] = name
        return name
    }

    /// A statement without parameters and without a result (BEGIN, SET, DDL), in the simple protocol: several
    /// statements separated by semicolons run as one.
    public func execSimple(_ sql: String) throws {
        try sendDeferred()
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw resultError(result, sql) }
    }

    /// A read outside a transaction whose connection was lost is tried once more on a new connection (a failover
    /// to the promoted standby); a write, or anything inside a transaction, is reported and never sent again: inside
    /// a transaction the server rolled it back, and a write on its own may have committed before the answer was lost.
    private func withRetryForReads<T>(_ sql: String, read: Bool? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as PGError where e.isConnectionLoss || PQstatus(handle) != CONNECTION_OK {
            guard depth == 0 else { throw e }
            try connect()
            guard read ?? Self.isRead(sql) else { throw e }
            return try body()
        }
    }

    static func isRead(_ sql: String) -> Bool {
        let head = sql.drop(while: { $0 == " " || $0 == "\n" }).prefix(6).uppercased()
        return head == "SELECT" || head.hasPrefix("WITH") || head == "BEGIN"
    }

    // MARK: - Results

    static func row(_ result: OpaquePointer, _ r: Int32) -> PGRow {
        let columns = PQnfields(result)
        var values = [String?]()
        values.reserveCapacity(Int(columns))
        for c in 0..<columns {
            if PQgetisnull(result, r, c) == 1 { values.append(nil) } else { values.append(String(cString: PQgetvalue(result, r, c))) }
        }
        return PGRow(values: values)
    }

    func sqlStateOf(_ result: OpaquePointer?) -> String? {
        guard let result, let s = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) else { return nil }
        return String(cString: s)
    }

    func resultError(_ result: OpaquePointer?, _ sql: String) -> PGError {
        if let state = sqlStateOf(result) {
            let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? "error"
            return PGError(sqlState: state, message: primary, statement: Self.summary(sql))
        }
        return connectionError(sql)
    }

    func connectionError(_ sql: String) -> PGError {
        let message = handle.map { Self.trimmed(PQerrorMessage($0)) } ?? "no connection"
        return PGError(sqlState: PQstatus(handle) == CONNECTION_OK ? "XX000" : "08006",
                       message: message.isEmpty ? "the connection to the server was lost" : message, statement: Self.summary(sql))
    }

    private static func summary(_ sql: String) -> String {
        String(sql.split(whereSeparator: { $0.isWhitespace }).prefix(4).joined(separator: " "))
    }

    private static func trimmed(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func withParams<R>(_ wire: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?, Int32) -> R) -> R {
        let cStrings: [UnsafeMutablePointer<CChar>?] = wire.map { $0.map { strdup($0) } ?? nil }
        defer { cStrings.forEach { free($0) } }
        let pointers = cStrings.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress, Int32(wire.count)) }
    }

    /// COPY text format: backslash, tab, newline and carriage return escaped (https://www.postgresql.org/docs/current/sql-copy.html).
    static func appendCopyEscaped(_ s: String, to buffer: inout [UInt8]) {
        for b in s.utf8 {
            switch b {
            case 92: buffer.append(contentsOf: [92, 92])
            case 9: buffer.append(contentsOf: [92, 116])
            case 10: buffer.append(contentsOf: [92, 110])
            case 13: buffer.append(contentsOf: [92, 114])
            default: buffer.append(b)
            }
        }
    }
}
