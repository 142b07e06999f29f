import DeskCore

/// `audit verify` (SPEC §13): whether the audit trail is still the chain vssdesk wrote, and its triggers the ones the
/// schema defines. Supervisors and admins only, like reading the trail.
public struct AuditVerifier {
    public struct Report: Sendable {
        public var rows: Int
        public var head: String
        public var firstBrokenID: Int?
        /// What is wrong, for a person; nil when everything checks.
        public var problem: DeskMessage?
        public var missingTriggers: [String]
        public var alteredTriggers: [String]

        public var ok: Bool { problem == nil && missingTriggers.isEmpty && alteredTriggers.isEmpty }
    }

    let session: Session
    public init(session: Session) { self.session = session }

    /// `keptHead`: a head printed by an earlier `report`, which must still be in the chain (removing the last rows
    /// and re-chaining are invisible to the chain alone).
    public func verify(keptHead: String? = nil) throws -> Report {
        try session.require(.supervisor, for: "audit verify")
        let triggers = try session.storage.audit.triggerProblems()
        let walk = try session.storage.audit.walkChain(keptHead: keptHead?.lowercased())
        var problem = walk.firstBroken.map(Self.describe)
        if problem == nil, walk.keptHeadFound == false, let keptHead {
            problem = DeskMessage(ServiceText.auditHeadMissing, ["head": .text(keptHead)])
        }
        return Report(rows: walk.rows, head: walk.head, firstBrokenID: walk.firstBroken?.id, problem: problem,
                      missingTriggers: triggers.missing, alteredTriggers: triggers.altered)
    }

    /// The audit triggers that are missing or altered: one cheap read, checked at every start (no role needed, it
    /// reveals nothing about the data).
    public func triggerProblems() throws -> (missing: [String], altered: [String]) {
        try session.storage.audit.triggerProblems()
    }

    /// The trail's row count and last hash, printed by `report` so that a copy is kept outside the database.
    public func head() throws -> (rows: Int, hash: String) {
        try session.require(.supervisor, for: "report")
        return try session.storage.audit.head()
    }

    static func describe(_ b: AuditChainWalk.Break) -> DeskMessage {
        switch b.problem {
        case .removed(let through) where through == b.id: return DeskMessage(ServiceText.auditRowRemoved, ["id": .text(String(b.id))])
        case .removed(let through):
            return DeskMessage(ServiceText.auditRowsRemoved, ["id": .text(String(b.id)), "through": .text(String(through))])
        case .unlinked: return DeskMessage(ServiceText.auditRowUnlinked, ["id": .text(String(b.id))])
        case .altered: return DeskMessage(ServiceText.auditRowAltered, ["id": .text(String(b.id))])
        }
    }
}
