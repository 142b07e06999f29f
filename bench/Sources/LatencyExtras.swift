import Foundation
import Desk
import DeskCore
@_spi(RawSQL) import DeskStore

/// Latency of the services beyond search: diagnose, ticket new, note, resend, overdue list.
enum LatencyExtras {
    static func all(session: Session, store: Store, codes: [String], phones: [String]) -> [(String, () throws -> (p50: Double, p99: Double, n: Int))] {
        let tickets = TicketService(session: session)
        setenv("VSSDESK_KEY_FILE", store.db.path + ".key", 0)
        return [
            ("diagnose", { try Latency.measure(codes) { _ = try DiagnosisService(session: session).diagnose($0) } }),
            ("ticket_new", {
                try Latency.measure(phones) { _ = try tickets.create(caller: $0, line: 121, code: nil, category: "password", priority: "normal", summary: "Quên mật khẩu (bench)") }
            }),
            ("ticket_note", {
                let ids = try store.tickets.openIDs(limit: 500).map(String.init)
                return try Latency.measure(ids) { _ = try tickets.note(Int($0)!, text: "Đã gọi lại cho khách (bench)") }
            }),
            ("resend", {
                // Registrations with no SMS in the bench clock's day, so a re-run on the same file measures resends,
                // not the 3-a-day refusal.
                let rows = try store.db.query("""
                    SELECT bhxh_code, dob, id_number FROM registrations r WHERE status = 'active' AND kind = 'self'
                      AND length(id_number) = 12 AND phone GLOB '09[0-4]*'
                      AND NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.bhxh_code = r.bhxh_code AND o.created_at >= ?)
                    ORDER BY id LIMIT 300
                    """, [.text(DateText.format(benchNow.addingTimeInterval(-86_400)))]).map { "\($0.string(0)!)|dob=\($0.string(1)!),id=\($0.string(2)!)" }
                return try Latency.measure(rows) { s in
                    let parts = s.split(separator: "|").map(String.init)
                    _ = try CredentialService(session: session).resend(code: parts[0], verify: parts[1])
                }
            }),
            ("ticket_list_overdue", {
                try Latency.measure(Array(repeating: "", count: 20)) { _ in _ = try tickets.list(TicketFilter(), overdue: true, limit: 50) }
            }),
        ]
    }
}
