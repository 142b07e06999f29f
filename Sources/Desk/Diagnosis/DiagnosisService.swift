import Foundation
import DeskCore

/// `diagnose CODE` and `diagnose --stuck`: gathers the snapshot the pure rules need and runs them.
public struct DiagnosisService {
    let session: Session
    public init(session: Session) { self.session = session }

    public func context() throws -> DiagnosisContext {
        let days = try session.settings.int(.reviewWorkingDays)
        let holidays = try session.settings.holidays()
        let year = Int(session.clock.today.prefix(4)) ?? 2025
        let fixed = Set((year - 1...year + 1).flatMap { OfficeCalendar.vietnamFixedHolidays(year: $0) })
        return DiagnosisContext(today: session.clock.today, now: session.clock.nowText, deskAgency: try session.settings.value(.deskAgency),
                                reviewWorkingDays: days, holidays: holidays.union(fixed))
    }

    /// What the storage narrows `diagnose --stuck` by: the settings the error rules read.
    func stuckCriteria(_ ctx: DiagnosisContext) throws -> StuckCriteria {
        StuckCriteria(deskAgency: ctx.deskAgency, today: ctx.today, insuredLoaded: try session.storage.insured.isLoaded())
    }

    public func snapshot(_ r: Registration) throws -> DiagnosisSnapshot {
        let storage = session.storage
        var s = DiagnosisSnapshot(registration: r, insured: try storage.insured.get(r.bhxhCode), insuredLoaded: try storage.insured.isLoaded())
        if let parent = r.parentBhxhCode {
            s.parent = try storage.registrations.get(parent)
            s.parentInsured = try storage.insured.get(parent)
        }
        if let phone = r.phone, !phone.isEmpty {
            s.sharedPhoneCodes = try storage.registrations.selfCodesSharingPhone(phone, except: r.bhxhCode)
        }
        return s
    }

    /// Findings for one registration, most severe first; audited as a lookup.
    public func diagnose(_ code: String, audit: Bool = true) throws -> (Registration, [Finding]) {
        guard let r = try session.storage.registrations.get(code) else {
            throw DeskError.notFound(.noRegistration, ["code": .text(code)])
        }
        let snapshot = try snapshot(r)
        var findings = Diagnosis.run(snapshot, try context())
        // On an open call the operator sees personal data in full (SPEC §10), findings included: a mismatch is then
        // read digit by digit, not guessed from two masks.
        if session.openTicketID != nil {
            let values = Self.personalNumbers(snapshot)
            findings = findings.map { f in
                var f = f
                f.message = f.message.mapText { Masking.reveal($0, from: values) }
                f.action = f.action.mapText { Masking.reveal($0, from: values) }
                return f
            }
        }
        if audit {
            let summary = findings.map(\.rule).joined(separator: ",")
            try session.audit("diagnose", target: code, detail: TimelineDetail.make([("findings", String(findings.count)), ("rules", summary.isEmpty ? nil : summary)]),
                              timeline: "\(code): \(summary.isEmpty ? "✓" : summary)")
        }
        return (r, findings)
    }

    /// The phones and ID numbers a finding about this registration may mention, normalised as the rules print them.
    static func personalNumbers(_ s: DiagnosisSnapshot) -> [String] {
        let ids = [s.registration.idNumber, s.insured?.idNumber, s.parent?.idNumber, s.parentInsured?.idNumber]
            .compactMap { $0 }.map { PersonalID($0)?.normalized ?? $0 }
        let phones = [s.registration.phone, s.insured?.phone, s.parent?.phone].compactMap { $0 }.flatMap { raw -> [String] in
            let p = Phone(raw)
            return [p.normalized, p.suggestedNew].compactMap { $0 }
        }
        return ids + phones
    }

    public struct StuckReport {
        public var total: Int
        public var countsByRule: [(rule: String, count: Int)]
        public var rows: [(registration: Registration, findings: [Finding])]
    }

    /// Registrations with at least one `error` finding. SQL narrows (see `StuckQuery` for which rules it can
    /// express); the pure rules confirm each listed row, so what is shown is exactly what `diagnose` says.
    public func stuck(rule: String?, agency: String?, limit: Int) throws -> StuckReport {
        try session.require(.supervisor, for: "diagnose --stuck")
        if let rule, !Diagnosis.ruleCodes.contains(rule) {
            throw DeskError.usage(.unknownRule, ["rule": .text(rule), "rules": .text(Diagnosis.ruleCodes.joined(separator: ", "))])
        }
        let ctx = try context()
        let criteria = try stuckCriteria(ctx)
        let (counts, allStuck) = try session.storage.registrations.stuckCounts(criteria, agency: agency)
        var rows: [(Registration, [Finding])] = []
        var after: String?
        let wanted = rule
        scan: while rows.count < limit {
            let batch = try session.storage.registrations.stuckCandidates(criteria, rule: wanted, agency: agency, after: after,
                                                                          limit: 500)
            if batch.isEmpty { break }
            for r in batch {
                after = r.bhxhCode
                let errors = Diagnosis.run(try snapshot(r), ctx).filter { $0.severity == .error }
                guard !errors.isEmpty, wanted == nil || errors.contains(where: { $0.rule == wanted }) else { continue }
                rows.append((r, errors))
                if rows.count >= limit { break scan }
            }
            if session.isCancelled() { throw DeskError.interrupted(.commandInterrupted, ["command": "diagnose --stuck"]) }
        }
        let total = wanted.map { w in counts.first { $0.rule == w }?.count ?? 0 } ?? allStuck
        try session.audit("diagnose_stuck", target: wanted, detail: TimelineDetail.make([("stuck", String(total)), ("listed", String(rows.count))]),
                          codes: rows.map(\.0.bhxhCode))
        return StuckReport(total: total, countsByRule: counts.filter { wanted == nil || $0.rule == wanted }, rows: rows)
    }
}
