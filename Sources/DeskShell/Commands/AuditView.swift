import Desk
import DeskCore

/// An audit row as the supervisor reads it in `audit` (SPEC §14). The stored row is hash-chained and never changes;
/// rows vssdesk writes now hold `key=value` data (`TimelineDetail`) that each console says in its own language, and
/// older rows, written as English sentences, are shown as they were stored. JSON and CSV keep the stored text.
enum AuditView {
    /// The actions whose detail ends with a free-text field (what a person typed, a file name, a gateway's output).
    static let freeField: [String: String] = [
        "ticket_open": "resolution", "ticket_pending": "resolution", "ticket_resolved": "resolution", "ticket_closed": "resolution",
        "sms_retry": "error", "sms_failed": "error", "import": "file", "restore": "kept",
    ]

    static func detail(action: String, _ stored: String?, _ c: Catalog) -> String {
        guard let stored, !stored.isEmpty else { return "" }
        let (data, codes) = splitCodes(stored)
        let shown = codes.map { c.text("audit.detail.codes", ["codes": .text($0)]) }
        if data.isEmpty, let shown { return shown }
        if let f = TimelineDetail.parse(data, free: freeField[action]), let said = fields(action, f, c) {
            return said + (shown.map { "; " + $0 } ?? "")
        }
        // A bulk status change (`approved → rejected`) is machine values already, in old rows as in new ones.
        if action == "bulk_set_status", codes == nil, let t = TimelineView.transition(stored, "status", c) { return t }
        return stored
    }

    /// `kind=name results=2; codes: 7900000001 7900000002`: the storage writes the displayed codes after the detail.
    static func splitCodes(_ stored: String) -> (String, String?) {
        let marker = "codes: "
        func isCodes(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == " ") } }
        if stored.hasPrefix(marker), isCodes(stored.dropFirst(marker.count)) { return ("", String(stored.dropFirst(marker.count))) }
        if let r = stored.range(of: "; " + marker, options: .backwards), isCodes(stored[r.upperBound...]) {
            return (String(stored[..<r.lowerBound]), String(stored[r.upperBound...]))
        }
        return (stored, nil)
    }

    /// The detail said, or nil when the fields are not the ones this action writes (an older row, someone's text).
    static func fields(_ action: String, _ f: [String: String], _ c: Catalog) -> String? {
        func count(_ key: String) -> TextArgument? { f[key].flatMap(Int.init).map(TextArgument.int) }
        func flag(_ key: String) -> Bool { f[key] == "1" }
        func superseded() -> String {
            f["superseded"].map { c.text("timeline.superseded", ["ids": .text($0.replacingOccurrences(of: ",", with: ", "))]) } ?? ""
        }
        switch action {
        case "init" where f["first"] != nil:
            return c.text("audit.detail.init", ["role": .text(c.value("role", f["role"] ?? "admin"))])
        case "call":
            guard let ticket = f["ticket"], let n = count("registrations") else { return nil }
            return c.text("audit.detail.call", ["ticket": .text(ticket), "n": n])
        case "call_continue", "ticket_new", "note":
            guard let ticket = f["ticket"] else { return nil }
            return c.text("audit.detail.ticket", ["ticket": .text(ticket)])
                + (f["merged"].map { c.text("audit.detail.merged", ["id": .text($0)]) } ?? "")
        case "ticket_open", "ticket_pending", "ticket_resolved", "ticket_closed":
            guard let ticket = f["ticket"], let from = f["from"], let to = f["to"] else { return nil }
            return c.text("audit.detail.transition", ["ticket": .text(ticket), "from": .text(c.ticketStatus(from)), "to": .text(c.ticketStatus(to))])
                + (f["resolution"].map { ": " + $0 } ?? "")
        case "ticket_assign":
            return f["to"].map { c.text("timeline.assign", ["login": .text($0)]) }
        case "ticket_list":
            guard let n = count("tickets") else { return nil }
            return c.text(flag("overdue") ? "audit.detail.ticketsOverdue" : "audit.detail.tickets", ["n": n])
        case "search":
            guard let kind = f["kind"], let n = count("results") else { return nil }
            return c.text("timeline.search", ["kind": .text(c.value("id", kind)), "n": n])
        case "diagnose":
            guard let n = count("findings") else { return nil }
            guard let rules = f["rules"] else { return c.text("audit.detail.noFindings") }
            return c.text("audit.detail.findings", ["n": n, "rules": .text(rules.replacingOccurrences(of: ",", with: ", "))])
        case "diagnose_stuck":
            guard let stuck = count("stuck"), let listed = count("listed") else { return nil }
            return c.text("audit.detail.stuck", ["n": stuck, "listed": listed])
        case "resend_refused" where f["reason"] == "locked":
            return c.text("timeline.locked")
        case "verify_failed" where f["reason"] == "mismatch":
            return c.text("audit.detail.mismatch")
        // A bulk fix's own row (`bulk_resend` is also each message it queued: `sms=#…`).
        case _ where action.hasPrefix("bulk_") && f["matched"] != nil:
            guard let matched = count("matched"), let skipped = count("skipped") else { return nil }
            let said: String
            if flag("dry_run"), let would = count("would_change") {
                said = c.text("audit.detail.bulkDryRun", ["matched": matched, "changed": would, "skipped": skipped])
            } else if let changed = count("changed") {
                said = c.text("audit.detail.bulk", ["matched": matched, "changed": changed, "skipped": skipped])
            } else {
                return nil
            }
            return said + (flag("interrupted") ? c.text("audit.detail.interrupted") : "")
        case "resend", "sms_sent", "bulk_resend":
            guard let sms = f["sms"] else { return nil }
            return (f["to"].map { c.text("audit.detail.smsTo", ["sms": .text(sms), "to": .text($0)]) } ?? c.text("audit.detail.sms", ["sms": .text(sms)]))
                + superseded()
        case "sms_retry", "sms_failed":
            guard let sms = f["sms"], let attempt = count("attempt") else { return nil }
            return c.text("audit.detail.attempt", ["sms": .text(sms), "n": attempt, "error": .text(gatewayFailure(f["error"] ?? "", c))])
        case "outbox_list":
            return count("messages").map { c.text("audit.detail.messages", ["n": $0]) }
        case "import":
            guard let inserted = count("inserted"), let updated = count("updated"), let rejected = count("rejected") else { return nil }
            return c.text("import.summary", ["target": .text(f["file"] ?? ""), "inserted": inserted, "updated": updated, "rejected": rejected])
        case "demo":
            guard let regs = count("registrations"), let insured = count("insured") else { return nil }
            return c.text("audit.detail.demo", ["registrations": regs, "insured": insured])
        case "stats":
            guard let by = f["by"] else { return nil }
            let name = c.text(TextKey("stats.by.\(by)"))
            return c.text("audit.detail.statsBy", ["by": .text(name.isEmpty ? by : name)]) + (flag("warnings") ? c.text("audit.detail.warnings") : "")
        case "backup", "restore":
            guard let regs = count("registrations"), let tickets = count("tickets"), let audit = count("audit") else { return nil }
            let counts = c.text("backup.counts", ["registrations": regs, "tickets": tickets, "audit": audit])
            if action == "backup" { return counts + c.text(flag("key") ? "audit.detail.withKey" : "audit.detail.withoutKey") }
            return counts + (f["kept"].map { c.text("audit.detail.kept", ["path": .text($0)]) } ?? "")
        case "migrate":
            // `config=… registrations=… tickets=… audit=… head=…`: every table copied; the ones a person counts.
            guard let regs = count("registrations"), let tickets = count("tickets"), let audit = count("audit"), let head = f["head"] else { return nil }
            return c.text("backup.counts", ["registrations": regs, "tickets": tickets, "audit": audit])
                + c.text("backup.head", ["head": .text(String(head.prefix(16)))])
        case "operator_add":
            guard let role = f["role"] else { return nil }
            let line = f["line"].flatMap { $0 == "-" ? nil : $0 }
            return c.text("audit.detail.role", ["role": .text(c.value("role", role))]) + (line.map { c.text("operator.onLine", ["line": .text($0)]) } ?? "")
        case "report":
            guard let from = f["from"], let to = f["to"] else { return nil }
            let fmt = ReportFormat(catalog: c)
            return c.text("audit.detail.period", ["from": .text(fmt.day(from)), "to": .text(fmt.day(to))])
        default:
            return nil
        }
    }

    /// The target column: a search's or a check's kind of number by its name, `stats`' table by its name.
    static func target(action: String, _ stored: String?, _ c: Catalog) -> String {
        guard let stored else { return "" }
        switch action {
        case "search", "check": return c.value("id", stored)
        case "stats", "import": return c.value("table", stored)
        default: return stored
        }
    }

    /// Why the SMS gateway did not deliver (`last_error`, an audit row's `error=`): what vssdesk wrote (`GatewayFailure`)
    /// said in the reader's language, with what the gateway or the system said as it said it; older text as stored.
    static func gatewayFailure(_ stored: String, _ c: Catalog) -> String {
        guard let f = TimelineDetail.parse(stored, free: "text"), let reason = f["reason"].flatMap(GatewayFailure.init(rawValue:)) else { return stored }
        let text = f["text"] ?? ""
        switch reason {
        case .template:
            return c.text("gateway.template", ["problem": .text(ServiceText(rawValue: text).map { c.say(DeskMessage($0)) } ?? text)])
        case .notFound: return c.text("gateway.notFound", ["program": .text(text), "path": .text(Gateway.trustedPath)])
        case .cannotStart: return c.text("gateway.cannotStart", ["text": .text(text)])
        case .lost: return c.text("gateway.lost", ["text": .text(text)])
        case .timeout: return c.text("gateway.timeout", ["n": .int(Int(f["seconds"] ?? "") ?? 0)])
        case .signal: return c.text("gateway.signal", ["signal": .text(f["signal"] ?? "")]) + (text.isEmpty ? "" : ": " + text)
        case .exit: return c.text("gateway.exit", ["code": .text(f["code"] ?? "")]) + (text.isEmpty ? "" : ": " + text)
        }
    }
}
