import DeskCore
import Desk

/// A PostgreSQL error with its SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html).
public struct PGError: Error, CustomStringConvertible, Sendable {
    /// The five-character SQLSTATE; "08006" when the connection itself failed.
    public let sqlState: String
    public let message: String
    /// The statement's first words, to say which statement failed without quoting values (there are none in it).
    public let statement: String?

    public var description: String {
        statement.map { "\(message) (in: \($0))" } ?? message
    }

    /// The connection is gone (class 08) or the server is shutting down (57P01–57P03): a read may be retried.
    public var isConnectionLoss: Bool {
        sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }
}

/// SQLSTATE classes in storage-neutral terms.
extension PGError: StorageErrorConvertible {
    public var storageError: StorageError {
        switch sqlState {
        case "55P03", "40001", "40P01": return .busy(message)          // lock_not_available, serialization, deadlock
        case "57014": return .interrupted                               // query_canceled (Ctrl-C)
        case "25006": return .readOnly(message)                         // read_only_sql_transaction (a standby)
        case "42501": return .denied(message)                           // insufficient_privilege (SPEC §15 GRANTs)
        case let s where s.hasPrefix("23"): return .constraint(message) // integrity_constraint_violation
        case "P0001": return .constraint(message)                       // RAISE in a protecting trigger
        case PGSchema.clockAheadState: return .refused(DeskMessage(ServiceText.consoleClockAhead))
        case let s where isConnectionLoss || s.hasPrefix("28") || s == "3D000":
            return .unavailable(message)                                // connection, authorisation, no database
        default: return .other(message)
        }
    }
}
