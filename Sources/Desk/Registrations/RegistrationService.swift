import DeskCore

/// One hit of `search`: a registration, or an insured person who has not registered.
public struct SearchHit: Sendable {
    public var registration: Registration?
    public var insured: InsuredPerson?
    public var bhxhCode: String { registration?.bhxhCode ?? insured!.bhxhCode }
    public var fullName: String { registration?.fullName ?? insured!.fullName }
    /// For a name search, the tier the name matched in (SPEC §4).
    public var match: NameMatch?

    public init(registration: Registration? = nil, insured: InsuredPerson? = nil, match: NameMatch? = nil) {
        self.registration = registration
        self.insured = insured
        self.match = match
    }
}

public struct SearchResult: Sendable {
    public var query: String
    public var kind: String
    /// Matches; for a name search counting stops at `RegistrationService.totalCap` (then `totalCapped` is set).
    public var total: Int
    public var hits: [SearchHit]
    public var totalCapped = false
}

/// Everything `show` prints about one registration.
public struct RegistrationDetail {
    public var registration: Registration
    public var insured: InsuredPerson?
    public var events: [RegistrationEvent]
    public var tickets: [TicketSummary]
    public var sms: [OutboxMessage]
}

/// Finding and showing registrations; every lookup is audited.
public struct RegistrationService {
    let session: Session
    public static let totalCap = 100
    public init(session: Session) { self.session = session }

    public func search(_ raw: String, filter: RegistrationFilter = RegistrationFilter(), limit: Int = 20) throws -> SearchResult {
        let trimmed = raw.trimmed
        guard !trimmed.isEmpty else { throw DeskError.usage(.searchNeedsQuery) }
        let limit = max(1, min(limit, 1000))
        let kind = QueryKind.detect(trimmed)
        let storage = session.storage
        var hits: [SearchHit] = []
        var total = 0
        var capped = false
        func keep(_ regs: [Registration]) -> [Registration] {
            regs.filter { r in
                (filter.status == nil || r.status.rawValue == filter.status)
                    && (filter.agency == nil || r.agencyCode == filter.agency)
            }
        }
        func addInsured(_ key: InsuredKey, value: String) throws {
            guard filter.status == nil else { return }
            let people = try storage.insured.unregistered(by: key, value: value, limit: limit)
            total += people.count
            hits += people.map { SearchHit(registration: nil, insured: $0) }
        }
        switch kind {
        case .bhxhCode(let code):
            let regs = keep(try storage.registrations.get(code).map { [$0] } ?? [])
            hits = regs.map { SearchHit(registration: $0) }
            total = regs.count
            try addInsured(.bhxhCode, value: code)
        case .card(let card):
            let regs = keep(try storage.registrations.get(card.bhxhCode.value).map { [$0] } ?? [])
            hits = regs.map { SearchHit(registration: $0) }
            total = regs.count
            try addInsured(.bhxhCode, value: card.bhxhCode.value)
        case .personalID(let id):
            let regs = keep(try storage.registrations.byIDNumber(id, limit: limit))
            hits = regs.map { SearchHit(registration: $0) }
            total = regs.count
            try addInsured(.idNumber, value: id)
        case .phone(let phone):
            let regs = keep(try storage.registrations.byPhoneAnySpelling(phone, limit: limit))
            hits = regs.map { SearchHit(registration: $0) }
            total = regs.count
            if let r = try? storage.registrations.get(phone), keep([r]).count == 1 {
                hits.insert(SearchHit(registration: r), at: 0)
                total += 1
            }
            try addInsured(.phone, value: phone)
        case .name(let words, let exactWords):
            let q = NameQuery(words: words, exactWords: exactWords, exactFirst: Folding.hasDiacritics(trimmed), cap: Self.totalCap)
            guard q.isSearchable else {
                throw DeskError.usage(.searchNothingToFind, ["query": .text(String(trimmed.prefix(40)))])
            }
            let page = try storage.registrations.searchNames(q, filter: filter, limit: limit)
            total = page.total
            capped = page.capped
            hits = page.registrations.map { SearchHit(registration: $0, match: q.tier(of: $0.fullName, loose: page.loose)) }
            if filter.status == nil && filter.agency == nil && hits.count < limit {
                var people = try storage.insured.searchNamesUnregistered(q, loose: page.loose, limit: limit - hits.count)
                if people.isEmpty && hits.isEmpty && !page.loose {
                    people = try storage.insured.searchNamesUnregistered(q, loose: true, limit: limit - hits.count)
                }
                hits += people.map { SearchHit(registration: nil, insured: $0, match: q.tier(of: $0.fullName, loose: true)) }
                total += people.count
            }
        }
        if hits.count > limit { hits = Array(hits.prefix(limit)) }
        // Every person the results show, so `audit --code` finds this lookup for each of them.
        let detail = TimelineDetail.make([("kind", kind.label), ("results", String(total))])
        try session.audit("search", target: kind.label, detail: detail, timeline: detail, codes: hits.map(\.bhxhCode))
        return SearchResult(query: trimmed, kind: kind.label, total: total, hits: hits, totalCapped: capped)
    }

    /// Resolves a mã số BHXH, card number or 12-digit personal ID (the post-2025 login code) to a registration code.
    public func resolveCode(_ raw: String?) throws -> String {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            if let code = session.callRegistration { return code }
            throw DeskError.usage(.codeNeeded)
        }
        switch QueryKind.detect(raw) {
        case .bhxhCode(let c): return c
        case .card(let c): return c.bhxhCode.value
        case .personalID(let id):
            let regs = try session.storage.registrations.byIDNumber(id, limit: 2)
            if regs.count == 1 { return regs[0].bhxhCode }
            if regs.isEmpty { throw DeskError.notFound(.noRegistrationWithID, ["id": .text(Masking.id(id))]) }
            throw DeskError.invalid(.severalShareID, ["id": .text(Masking.id(id))])
        case .phone(let p) where Digits10.isTen(raw):
            if try session.storage.registrations.exists(raw) { return raw }
            throw DeskError.notFound(.noRegistrationLooksLikePhone, ["code": .text(raw), "phone": .text(Masking.phone(p))])
        default:
            throw DeskError.usage(.notACode, ["value": .text(String(raw.prefix(40)))])
        }
    }

    /// The registration `code` (no audit row: the caller shows it as part of an audited action).
    public func registration(_ code: String) throws -> Registration {
        guard let r = try session.storage.registrations.get(code) else { throw DeskError.notFound(.noRegistration, ["code": .text(code)]) }
        return r
    }

    public func detail(_ code: String) throws -> RegistrationDetail {
        let storage = session.storage
        guard let r = try storage.registrations.get(code) else {
            if let p = try storage.insured.get(code) {
                throw DeskError.notFound(.insuredNotRegistered, ["code": .text(code), "name": .text(p.fullName)])
            }
            throw DeskError.notFound(.noRegistration, ["code": .text(code)])
        }
        let d = RegistrationDetail(registration: r, insured: try storage.insured.get(code), events: try storage.registrations.events(code),
                                   tickets: try storage.tickets.forCode(code, limit: 20), sms: try storage.outbox.forCode(code, limit: 20))
        try session.audit("show", target: code, timeline: code)
        return d
    }
}

enum Digits10 {
    static func isTen(_ s: String) -> Bool { s.count == 10 && s.allSatisfy { $0.isASCII && $0.isNumber } }
}
