import DeskCore
import DeskStore

// The store types of DeskStore already have the protocols' methods; these declare that they do. Where a protocol
// speaks of a storage-neutral type (a bulk load), the SQLite type is unwrapped here.

extension BulkLoad: BulkLoading {}

extension RegistrationStore: RegistrationStorage {
    public func upsert(_ r: Registration, at: String, operator login: String?, eventKind: String,
                       bulk: (any BulkLoading)?) throws -> Bool {
        try upsert(r, at: at, operator: login, eventKind: eventKind, bulk: bulk as? BulkLoad)
    }
}

extension InsuredStore: InsuredStorage {
    public func upsert(_ p: InsuredPerson, bulk: (any BulkLoading)?) throws -> Bool {
        try upsert(p, bulk: bulk as? BulkLoad)
    }
}

extension TicketStore: TicketStorage {}
extension OutboxStore: OutboxStorage {}
extension AuditStore: AuditStorage {}
extension OperatorStore: OperatorStorage {}
extension ConfigStore: SettingsStorage {}
extension CredentialStore: CredentialStorage {}
extension KnowledgeBaseStore: KnowledgeBaseStorage {}
