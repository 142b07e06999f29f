import CLibpq

/// One statement with its parameters, to be sent later.
public struct PGStatement {
    public let sql: String
    public let params: [PGValue]
    public init(_ sql: String, _ params: [PGValue] = []) {
        self.sql = sql
        self.params = params
    }
}

/// What became of one statement of a pipeline.
public enum PGPipelineOutcome {
    /// The rows returned (none for a command) and how many rows it changed.
    case rows([PGRow], changed: Int)
    case failed(PGError)
    /// Not run: an earlier statement of the same segment failed.
    case skipped
    /// No answer came: the connection was lost (the statement may or may not have run).
    case lost(PGError)

    var succeeded: Bool {
        if case .rows = self { return true }
        return false
    }

    var error: PGError? {
        switch self {
        case .rows: return nil
        case .failed(let e), .lost(let e): return e
        case .skipped: return PGError(sqlState: "XX000", message: "not run: an earlier statement failed", statement: nil)
        }
    }
}

extension PGConnection {
    /// Sends `segments` in one round trip (libpq pipeline mode, a Sync after each segment) and reads what became of
    /// every statement, in order. Statements outside a transaction block share one implicit transaction up to
    /// their segment's Sync; after a failure the server skips the rest of that segment only. Nothing is ever sent
    /// again: a statement whose answer never came is `.lost`, and the caller decides what that means (a COMMIT
    /// that answered is committed, whatever became of what followed it).
    func pipeline(_ segments: [[PGStatement]]) throws -> [PGPipelineOutcome] {
        // What the open transaction has not sent yet goes first, in the same round trip.
        let waiting = deferred
        deferred = []
        var all = segments.isEmpty ? [[]] : segments
        all[0] = waiting + all[0]
        var outcomes = try send(all)
        // A batch that opens the transaction and commits nothing had no effect if its connection was lost (the
        // server rolls back an open transaction): it is sent once more, on the new connection (a failover).
        if waiting.first?.sql == "BEGIN", !all.joined().contains(where: { $0.sql == "COMMIT" }),
           outcomes.contains(where: { if case .lost = $0 { return true } else { return false } }),
           PQstatus(handle) == CONNECTION_OK {
            outcomes = try send(all)
        }
        if let e = outcomes.prefix(waiting.count).compactMap(\.error).first { throw e }
        return Array(outcomes.dropFirst(waiting.count))
    }

    private func send(_ segments: [[PGStatement]]) throws -> [PGPipelineOutcome] {
        let statements = segments.flatMap { $0 }
        // Prepared beforehand, synchronously: pipeline mode allows only asynchronous calls.
        let names = try statements.map { $0.params.isEmpty ? nil : try preparedNameIfRepeated($0.sql, count: $0.params.count) }
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError("pipeline") }
        var clean = false
        defer {
            if !clean || PQexitPipelineMode(handle) != 1 { reconnectAfterBrokenPipeline() }
        }
        var index = 0
        for segment in segments {
            for statement in segment {
                let name = names[index]
                index += 1
                let sent: Int32
                if let name {
                    sent = withParams(statement.params.map { $0.wire }) { values, count in
                        PQsendQueryPrepared(handle, name, count, values, nil, nil, 0)
                    }
                } else {
                    sent = withParams(statement.params.map { $0.wire }) { values, count in
                        PQsendQueryParams(handle, statement.sql, count, nil, values, nil, nil, 0)
                    }
                }
                guard sent == 1 else { throw connectionError(statement.sql) }
            }
            guard PQpipelineSync(handle) == 1 else { throw connectionError("pipeline") }
        }
        var outcomes: [PGPipelineOutcome] = []
        var alive = true
        for segment in segments {
            for statement in segment {
                // Each statement's results end with a NULL; a statement with no result at all means the connection
                // is gone (libpq then returns only NULLs).
                var outcome: PGPipelineOutcome?
                while alive, let result = PQgetResult(handle) {
                    defer { PQclear(result) }
                    switch PQresultStatus(result) {
                    case PGRES_TUPLES_OK:
                        let rows = (0..<PQntuples(result)).map { Self.row(result, $0) }
                        outcome = .rows(rows, changed: rows.count)
                    case PGRES_COMMAND_OK: outcome = .rows([], changed: Int(String(cString: PQcmdTuples(result))) ?? 0)
                    case PGRES_PIPELINE_ABORTED: outcome = .skipped
                    default:
                        if sqlStateOf(result) == "26000" { forgetPrepared(statement.sql) }
                        outcome = .failed(resultError(result, statement.sql))
                    }
                }
                if outcome == nil || PQstatus(handle) != CONNECTION_OK {
                    alive = false
                    if outcome == nil || outcome?.succeeded == false { outcome = .lost(connectionError(statement.sql)) }
                }
                outcomes.append(outcome!)
            }
            guard alive else { continue }
            if let sync = PQgetResult(handle) {
                if PQresultStatus(sync) != PGRES_PIPELINE_SYNC { alive = false }
                PQclear(sync)
            } else {
                alive = false
            }
        }
        clean = alive
        return outcomes
    }
}
