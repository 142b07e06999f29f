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
    case rows([PGRow])
    case failed(PGError)
    /// Not run: an earlier statement of the same pipeline failed.
    case skipped
}

extension PGConnection {
    /// Sends `statements` in one round trip (libpq pipeline mode, one Sync at the end) and reads what became of
    /// each. As in psql's `\\startpipeline`, statements outside a transaction block share one implicit transaction
    /// up to the Sync; after a failure the server skips the rest. Throws only when the connection is lost, and
    /// never sends anything again: a pipeline writes.
    func pipeline(_ statements: [PGStatement]) throws -> [PGPipelineOutcome] {
        // Prepared beforehand, synchronously: pipeline mode allows only asynchronous calls.
        let names = try statements.map { $0.params.isEmpty ? nil : try preparedName($0.sql, count: $0.params.count) }
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError("pipeline") }
        defer { PQexitPipelineMode(handle) }
        for (statement, name) in zip(statements, names) {
            let sent: Int32
            if let name {
                sent = withParams(statement.params.map { $0.wire }) { values, count in
                    PQsendQueryPrepared(handle, name, count, values, nil, nil, 0)
                }
            } else {
                sent = PQsendQueryParams(handle, statement.sql, 0, nil, nil, nil, nil, 0)
            }
            guard sent == 1 else { throw connectionError(statement.sql) }
        }
        guard PQpipelineSync(handle) == 1 else { throw connectionError("pipeline") }
        var outcomes: [PGPipelineOutcome] = []
        for statement in statements {
            // Each statement's results end with a NULL; a statement with no result at all means the connection
            // is gone (libpq then returns only NULLs).
            var outcome: PGPipelineOutcome?
            while let result = PQgetResult(handle) {
                defer { PQclear(result) }
                switch PQresultStatus(result) {
                case PGRES_TUPLES_OK: outcome = .rows((0..<PQntuples(result)).map { Self.row(result, $0) })
                case PGRES_COMMAND_OK: outcome = .rows([])
                case PGRES_PIPELINE_ABORTED: outcome = .skipped
                default: outcome = .failed(resultError(result, statement.sql))
                }
            }
            guard let outcome else { throw connectionError(statement.sql) }
            outcomes.append(outcome)
        }
        guard let sync = PQgetResult(handle) else { throw connectionError("pipeline") }
        defer { PQclear(sync) }
        guard PQresultStatus(sync) == PGRES_PIPELINE_SYNC else { throw resultError(sync, "pipeline") }
        return outcomes
    }
}
