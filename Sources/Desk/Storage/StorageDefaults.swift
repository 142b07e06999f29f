import DeskCore

// The protocols' requirements spell every argument; these are the defaults callers leave out (each forwards to the
// requirement it is named after, with the default written in).

extension RegistrationStorage {
    @discardableResult
    public func upsert(_ r: Registration, at: String, operator login: String?, eventKind: String) throws -> Bool {
        try upsert(r, at: at, operator: login, eventKind: eventKind, bulk: nil)
    }
    public func byPhoneAnySpelling(_ phone: String) throws -> [Registration] { try byPhoneAnySpelling(phone, limit: 50) }
    public func byIDNumber(_ id: String) throws -> [Registration] { try byIDNumber(id, limit: 50) }
    public func selfCodesSharingPhone(_ phone: String, except code: String) throws -> [String] {
        try selfCodesSharingPhone(phone, except: code, limit: 20)
    }
    public func list(_ f: RegistrationFilter, limit: Int) throws -> [Registration] { try list(f, afterCode: nil, limit: limit) }
}

extension InsuredStorage {
    @discardableResult
    public func upsert(_ p: InsuredPerson) throws -> Bool { try upsert(p, bulk: nil) }
}

extension TicketStorage {
    public func create(openedAt: String, operator login: String, line: Int, callerPhone: String?, callerName: String?,
                       bhxhCode: String?, category: String, summary: String, priority: String) throws -> Int {
        try create(openedAt: openedAt, operator: login, line: line, callerPhone: callerPhone, callerName: callerName,
                   bhxhCode: bhxhCode, category: category, summary: summary, priority: priority, synthetic: false)
    }
    public func openIDs() throws -> [Int] { try openIDs(limit: 200) }
}

extension AuditStorage {
    public func record(at: String, operator login: String, action: String, target: String?, detail: String?,
                       ticketID: Int?) throws {
        try record(at: at, operator: login, action: action, target: target, detail: detail, ticketID: ticketID, codes: [])
    }
    public func walkChain() throws -> AuditChainWalk { try walkChain(keptHead: nil) }
}
