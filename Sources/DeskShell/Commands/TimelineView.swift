import DeskCore

/// A timeline entry's detail as the operator reads it (ticket timelines, a registration's history): what vssdesk
/// wrote itself (`TimelineDetail`, `open → resolved`) said in the catalog's language; an operator's words, and older
/// entries written as sentences, as they are.
enum TimelineView {
    /// `statuses`: the group whose machine values a `from → to` detail names (`ticket` or `status`).
    static func detail(kind: String, _ detail: String, statuses: String, _ c: Catalog) -> String {
        if let f = TimelineDetail.parse(detail) { return fields(kind, f, c) }
        return transition(detail, statuses, c) ?? detail
    }

    static func fields(_ kind: String, _ f: [String: String], _ c: Catalog) -> String {
        func v(_ key: String) -> TextArgument { .text(f[key] ?? "") }
        switch kind {
        case "call" where f["again"] != nil:
            return c.text("timeline.callAgain", ["line": v("line")])
                + (f["from"].map { c.text("timeline.from", ["phone": .text($0)]) } ?? "")
                + (f["merged"].map { c.text("timeline.merged", ["id": .text($0)]) } ?? "")
        case "call":
            return c.text("timeline.call", ["line": v("line"), "n": .int(Int(f["registrations"] ?? "") ?? 0)])
        case "assign": return c.text("timeline.assign", ["login": v("to")])
        case "search":
            return c.text("timeline.search", ["kind": .text(c.value("id", f["kind"] ?? "")), "n": .int(Int(f["results"] ?? "") ?? 0)])
        case "resend":
            return c.text("timeline.resend", ["code": v("code"), "sms": v("sms"), "to": v("to")])
                + (f["superseded"].map { c.text("timeline.superseded", ["ids": .text($0.replacingOccurrences(of: ",", with: ", "))]) } ?? "")
        case "resend_refused" where f["reason"] == "locked": return c.text("timeline.locked")
        default:
            // `status=approved`, `agency=07916`: each field by its name, a status by its name.
            return f.sorted { $0.key < $1.key }.map { key, value in
                let name = c.text(TextKey("field.\(key)"))
                return (name.isEmpty ? key : name) + ": " + (key == "status" ? c.value("status", value) : value)
            }.joined(separator: ", ")
        }
    }

    /// `open → resolved: đã gửi lại mật khẩu` with the statuses named (`đang mở → đã giải quyết: …`).
    static func transition(_ detail: String, _ group: String, _ c: Catalog) -> String? {
        let parts = detail.components(separatedBy: " → ")
        guard parts.count == 2, !parts[0].contains(" ") else { return nil }
        let to = parts[1].split(separator: ":", maxSplits: 1).map(String.init)
        guard let target = to.first, !target.contains(" ") else { return nil }
        return c.value(group, parts[0]) + " → " + c.value(group, target) + (to.count == 2 ? ":" + to[1] : "")
    }
}
