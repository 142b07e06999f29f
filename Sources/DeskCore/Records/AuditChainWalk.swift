/// What walking the audit chain from its first row to its last found.
public struct AuditChainWalk: Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// The rows from the broken id through `through` are missing.
        case removed(through: Int)
        /// The row's `prev_hash` is not the stored hash of the row before it (a forged row, or a rewritten one).
        case unlinked
        /// The row's `hash` is not the hash of its own fields (the row was changed, or its hash forged).
        case altered
    }

    public struct Break: Sendable, Equatable {
        public var id: Int
        public var problem: Problem
        public init(id: Int, problem: Problem) {
            self.id = id
            self.problem = problem
        }
    }

    /// The `prev_hash` of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    public var rows = 0
    /// The last row's stored hash (the genesis constant for an empty trail).
    public var head = AuditChainWalk.genesis
    public var firstBroken: Break?
    /// With a head kept from an earlier `report`: whether some row still carries it.
    public var keptHeadFound: Bool?

    public init(rows: Int = 0, head: String = AuditChainWalk.genesis, firstBroken: Break? = nil, keptHeadFound: Bool? = nil) {
        self.rows = rows
        self.head = head
        self.firstBroken = firstBroken
        self.keptHeadFound = keptHeadFound
    }
}
