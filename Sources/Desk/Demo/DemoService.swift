import DeskCore

/// `demo [--count N]`: loads deterministic synthetic insured persons and registrations.
public struct DemoService {
    let session: Session
    public init(session: Session) { self.session = session }

    /// Whether the desk has no registrations yet (`init --demo` loads only then).
    public func deskIsEmpty() throws -> Bool { try session.storage.registrations.countAll() == 0 }

    public func load(count: Int, seed: UInt64 = 20_251_125) throws -> (registrations: Int, insured: Int) {
        guard (1...5_000_000).contains(count) else { throw DeskError.invalid(.demoCount, ["max": .int(5_000_000)]) }
        var people = SyntheticPeople(seed: seed, now: session.clock.now)
        var regs = 0, insured = 0
        let at = session.clock.nowText
        try session.storage.transaction {
            let insuredLoad = try session.storage.beginBulkLoad(.insured)
            let registrationLoad = try session.storage.beginBulkLoad(.registrations)
            while regs < count {
                if people.index % 5000 == 0, session.isCancelled() { throw DeskError.interrupted(.interruptedNothingChanged) }
                let e = people.next()
                try session.storage.insured.upsert(e.insured, bulk: insuredLoad)
                insured += 1
                if let r = e.registration {
                    try session.storage.registrations.upsert(r, at: at, operator: session.actor.login, eventKind: "demo", bulk: registrationLoad)
                    regs += 1
                }
            }
            try insuredLoad.finish()
            try registrationLoad.finish()
            try session.audit("demo", target: nil, detail: TimelineDetail.make([("registrations", String(regs)), ("insured", String(insured))]))
        }
        return (regs, insured)
    }
}
