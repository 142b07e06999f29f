import Desk
import DeskCore

/// The names of machine values as a person reads them in tables and vertical output (SPEC §14): `approved` is
/// `đã duyệt` on a Vietnamese screen. JSON and CSV keep the machine value; a value with no name (a category added
/// later) prints as itself, never as a raw key.
extension Catalog {
    /// The groups of machine values that have names, and every value of each, for the completeness test.
    public static let valueGroups: [String: [String]] = [
        "status": Registration.Status.allCases.map(\.rawValue),
        "kind": Registration.Kind.allCases.map(\.rawValue),
        "gender": ["M", "F"],
        "sms": Registration.SMSStatus.allCases.map(\.rawValue),
        "severity": Finding.Severity.allCases.map(\.rawValue),
        "ticket": TicketStatus.names,
        "priority": TicketPriority.names,
        "category": TicketCategory.names,
        "role": Operator.Role.allCases.map(\.rawValue),
        "id": ["bhxh_code", "card", "cccd", "cmnd", "passport", "mobile", "landline", "agency", "unknown", "phone", "name"],
        "skip": BulkService.SkipReason.allCases.map(\.rawValue),
        "age": ["<1d", "1-3d", "3-7d", ">7d"],
    ]

    /// The name of `raw` in `group` (`value.status.approved`), or `raw` itself when it has none.
    public func value(_ group: String, _ raw: String) -> String {
        let key = "value.\(group).\(raw)"
        if let t = Self.table(language)[key] { return t }
        for other in Language.allCases where other != language {
            if let t = Self.table(other)[key] { return t }
        }
        return raw
    }

    public func name(_ s: Registration.Status) -> String { value("status", s.rawValue) }
    public func name(_ k: Registration.Kind) -> String { value("kind", k.rawValue) }
    public func name(_ g: Gender?) -> String { g.map { value("gender", $0.rawValue) } ?? "" }
    public func name(_ s: Registration.SMSStatus) -> String { value("sms", s.rawValue) }
    public func name(_ s: Finding.Severity) -> String { value("severity", s.rawValue) }
    public func name(_ r: Operator.Role) -> String { value("role", r.rawValue) }
    public func ticketStatus(_ raw: String) -> String { value("ticket", raw) }
    public func priority(_ raw: String) -> String { value("priority", raw) }
    public func category(_ raw: String) -> String { value("category", raw) }
}

extension Catalog {
    static let vietnameseValues: [String: String] = [
        "value.status.submitted": "đã nộp", "value.status.approved": "đã duyệt", "value.status.rejected": "bị từ chối",
        "value.status.credentials_sent": "đã gửi tài khoản", "value.status.active": "đã kích hoạt",
        "value.kind.self": "bản thân", "value.kind.child": "trẻ em",
        "value.gender.M": "Nam", "value.gender.F": "Nữ",
        "value.sms.none": "chưa gửi", "value.sms.queued": "chờ gửi", "value.sms.sent": "đã gửi", "value.sms.failed": "gửi lỗi",
        "value.severity.error": "lỗi", "value.severity.warning": "cảnh báo", "value.severity.info": "thông tin",
        "value.ticket.open": "đang mở", "value.ticket.pending": "chờ khách", "value.ticket.resolved": "đã giải quyết",
        "value.ticket.closed": "đã đóng",
        "value.priority.low": "thấp", "value.priority.normal": "bình thường", "value.priority.high": "cao",
        "value.priority.urgent": "khẩn",
        "value.category.install": "cài đặt ứng dụng", "value.category.register": "đăng ký", "value.category.photos": "ảnh",
        "value.category.agency": "cơ quan tiếp nhận", "value.category.declaration": "tờ khai",
        "value.category.login": "đăng nhập", "value.category.password": "mật khẩu", "value.category.child": "trẻ em",
        "value.category.account": "tài khoản", "value.category.scam": "lừa đảo", "value.category.other": "khác",
        "value.role.operator": "điện thoại viên", "value.role.supervisor": "giám sát viên", "value.role.admin": "quản trị",

        "value.id.bhxh_code": "mã số BHXH", "value.id.card": "thẻ BHYT", "value.id.cccd": "CCCD", "value.id.cmnd": "CMND",
        "value.id.passport": "hộ chiếu", "value.id.mobile": "số di động", "value.id.landline": "số máy bàn",
        "value.id.agency": "mã cơ quan BHXH", "value.id.unknown": "không rõ loại", "value.id.phone": "số điện thoại",
        "value.id.name": "họ tên",
        "value.yes": "có", "value.no": "không", "value.unregistered": "(chưa đăng ký)",
        "column.bhxh_code": "mã số BHXH", "column.full_name": "họ tên", "column.dob": "ngày sinh", "column.status": "trạng thái",
        "column.kind": "loại", "column.phone": "điện thoại", "column.id_number": "CCCD/CMND", "column.agency_code": "cơ quan",
        "column.sms_status": "SMS", "column.worst": "lỗi nặng nhất", "column.opened_at": "mở lúc", "column.operator": "người nhận",
        "column.assigned_to": "giao cho", "column.line": "máy lẻ", "column.priority": "ưu tiên", "column.category": "nội dung",
        "column.summary": "tóm tắt",
        "field.bhxh_code": "mã số BHXH", "field.kind": "loại hồ sơ", "field.full_name": "họ tên", "field.dob": "ngày sinh",
        "field.gender": "giới tính", "field.id_number": "CCCD/CMND", "field.address": "địa chỉ", "field.phone": "điện thoại",
        "field.email": "thư điện tử", "field.parent_bhxh_code": "mã số BHXH của cha/mẹ", "field.agency_code": "cơ quan tiếp nhận",
        "field.photo_portrait": "ảnh chân dung", "field.photo_id_front": "ảnh CCCD mặt trước", "field.photo_id_back": "ảnh CCCD mặt sau",
        "field.photo_birth_cert": "ảnh giấy khai sinh", "field.declaration_forwarded": "đã chuyển tờ khai",
        "field.status": "trạng thái", "field.reject_reason": "lý do từ chối", "field.sms_status": "tin nhắn SMS",
        "field.submitted_at": "nộp lúc", "field.status_changed_at": "đổi trạng thái lúc",
        "field.credentials_sent_at": "gửi tài khoản lúc", "field.last_login_at": "đăng nhập gần nhất", "field.synthetic": "dữ liệu mẫu",
        "detail.province_code": "mã tỉnh", "detail.province": "tỉnh/thành phố", "detail.type": "loại giấy tờ",
        "detail.carrier": "nhà mạng", "detail.new_number": "số mới", "detail.object_code": "mã đối tượng",
        "detail.benefit_level": "mức hưởng", "detail.bhxh_code": "mã số BHXH", "detail.object": "đối tượng",
        "detail.gender": "giới tính", "detail.birth_year": "năm sinh", "detail.name": "tên cơ quan",
        "call.header": "Phiếu #{id} — {phone}, máy lẻ {line}", "call.landline": " (máy bàn)",
        "call.continued": " — nối tiếp ({category})", "call.merged": ", đã gộp phiếu #{id}",
        "ticket.line": "máy lẻ {line}",
        "search.by": "Tìm theo {kind}: {query}",
        "launcher.onError": "--on-error phải là stop hoặc continue",
        "launcher.asRootOnly": "chỉ root mới được dùng --as",
        "launcher.badNow": "VSSDESK_NOW={now} không phải thời điểm theo ISO 8601",
        "launcher.nowRootOnly": "cảnh báo: chỉ root mới được dùng VSSDESK_NOW; dùng đồng hồ thật",
        "launcher.notOperator": "{login} không phải điện thoại viên đang làm việc của {path}; quản trị viên thêm bạn bằng `operator add {login}`",
        "launcher.auditUnprotected": "cảnh báo: nhật ký kiểm toán không được bảo vệ: thiếu trigger [{missing}], trigger bị sửa [{altered}]; chạy `audit verify` và báo quản trị viên",
        "repl.greeting": "vssdesk — đường dây nóng VssID, BHXH Quận 6. Gõ `help` để xem danh sách lệnh, Tab để gợi ý, Ctrl-D để thoát.",
        "progress.line": "{label} {bar} {pct}%  {rows} dòng  {rate} dòng/giây  còn {eta} giây  (Ctrl-C để hủy)",
        "script.cannotRead": "không đọc được tệp {path}",
        "shell.unterminatedQuote": "thiếu dấu {quote} đóng",
        "search.more": "Đang hiện {shown} trên {total} kết quả (--limit N để xem thêm; thêm từ để thu hẹp)",
        "value.skip.not_approved": "chưa được duyệt", "value.skip.no_mobile": "không có số di động",
        "value.skip.sent_last_24h": "đã gửi trong 24 giờ qua", "value.skip.unchanged": "không đổi",
        "value.skip.not_closable": "chưa thể đóng",
        "value.age.<1d": "dưới 1 ngày", "value.age.1-3d": "1–3 ngày", "value.age.3-7d": "3–7 ngày", "value.age.>7d": "trên 7 ngày",
        "bulk.summary": "bulk {action}: {matched} khớp điều kiện, {changed} đã thay đổi, {skipped} bỏ qua",
        "bulk.summary.dry": "bulk {action} (chạy thử): {matched} khớp điều kiện, {changed} sẽ thay đổi, {skipped} bỏ qua",
        "bulk.sample": "  ví dụ: {sample}",
        "bulk.skipped": "  bỏ qua: {list}",
        "bulk.interrupted": "bị ngắt: {n} thay đổi đã được ghi; chạy lại đúng lệnh này để làm nốt",
        "audit.intact": "chuỗi nhật ký kiểm toán nguyên vẹn: {n} dòng, đầu chuỗi {head}",
        "audit.broken": "chuỗi nhật ký kiểm toán bị hỏng: {problem}",
        "audit.triggersMissing": "thiếu trigger của nhật ký kiểm toán: {list}",
        "audit.triggersAltered": "trigger của nhật ký kiểm toán bị sửa hoặc lạ: {list}",
        "audit.rows": "{n} dòng, đầu chuỗi {head}",
        "stats.by.day": "ngày", "stats.by.week": "tuần", "stats.by.line": "máy lẻ", "stats.by.operator": "điện thoại viên",
        "stats.by.category": "nội dung", "stats.by.status": "trạng thái", "stats.by.agency": "cơ quan", "stats.by.rule": "quy tắc",
        "stats.column.count": "số phiếu", "stats.column.open": "đang mở", "stats.column.resolved": "đã giải quyết",
        "stats.column.medianFirst": "trung vị phản hồi (phút)", "stats.column.p90First": "p90 phản hồi",
        "stats.column.medianResolution": "trung vị giải quyết", "stats.column.p90Resolution": "p90 giải quyết",
        "stats.column.registrations": "số hồ sơ",
        "stats.backlog": "Phiếu tồn đọng theo thời gian chờ: {list}",
        "call.focus": "Từ giờ `show`, `diagnose`, `resend --verify dob=…,id=…` áp dụng cho hồ sơ {code}; `done \"…\"` để kết thúc cuộc gọi.",
        "call.several": "{n} hồ sơ dùng số này: `use CODE` để chọn.",
        "call.resume": "Tiếp tục cuộc gọi đang mở #{id} ({about}); gõ `done …` hoặc `hold` để kết thúc.",
    ]

    static let englishValues: [String: String] = [
        "value.status.submitted": "submitted", "value.status.approved": "approved", "value.status.rejected": "rejected",
        "value.status.credentials_sent": "credentials sent", "value.status.active": "active",
        "value.kind.self": "self", "value.kind.child": "child",
        "value.gender.M": "male", "value.gender.F": "female",
        "value.sms.none": "not sent", "value.sms.queued": "queued", "value.sms.sent": "sent", "value.sms.failed": "failed",
        "value.severity.error": "error", "value.severity.warning": "warning", "value.severity.info": "info",
        "value.ticket.open": "open", "value.ticket.pending": "waiting for caller", "value.ticket.resolved": "resolved",
        "value.ticket.closed": "closed",
        "value.priority.low": "low", "value.priority.normal": "normal", "value.priority.high": "high",
        "value.priority.urgent": "urgent",
        "value.category.install": "installing the app", "value.category.register": "registering", "value.category.photos": "photos",
        "value.category.agency": "receiving agency", "value.category.declaration": "declaration",
        "value.category.login": "signing in", "value.category.password": "password", "value.category.child": "child",
        "value.category.account": "account", "value.category.scam": "scam", "value.category.other": "other",
        "value.role.operator": "operator", "value.role.supervisor": "supervisor", "value.role.admin": "admin",

        "value.id.bhxh_code": "BHXH code", "value.id.card": "health insurance card", "value.id.cccd": "CCCD", "value.id.cmnd": "CMND",
        "value.id.passport": "passport", "value.id.mobile": "mobile number", "value.id.landline": "landline number",
        "value.id.agency": "BHXH agency code", "value.id.unknown": "unknown kind", "value.id.phone": "phone number",
        "value.id.name": "name",
        "value.yes": "yes", "value.no": "no", "value.unregistered": "(not registered)",
        "column.bhxh_code": "BHXH code", "column.full_name": "full name", "column.dob": "date of birth", "column.status": "status",
        "column.kind": "kind", "column.phone": "phone", "column.id_number": "CCCD/CMND", "column.agency_code": "agency",
        "column.sms_status": "SMS", "column.worst": "most severe", "column.opened_at": "opened", "column.operator": "taken by",
        "column.assigned_to": "assigned to", "column.line": "line", "column.priority": "priority", "column.category": "about",
        "column.summary": "summary",
        "field.bhxh_code": "BHXH code", "field.kind": "kind", "field.full_name": "full name", "field.dob": "date of birth",
        "field.gender": "gender", "field.id_number": "CCCD/CMND", "field.address": "address", "field.phone": "phone",
        "field.email": "email", "field.parent_bhxh_code": "parent's BHXH code", "field.agency_code": "receiving agency",
        "field.photo_portrait": "portrait photo", "field.photo_id_front": "ID card photo, front", "field.photo_id_back": "ID card photo, back",
        "field.photo_birth_cert": "birth certificate photo", "field.declaration_forwarded": "declaration forwarded",
        "field.status": "status", "field.reject_reason": "reason rejected", "field.sms_status": "SMS",
        "field.submitted_at": "submitted", "field.status_changed_at": "status changed",
        "field.credentials_sent_at": "credentials sent", "field.last_login_at": "last signed in", "field.synthetic": "sample data",
        "detail.province_code": "province code", "detail.province": "province", "detail.type": "document",
        "detail.carrier": "carrier", "detail.new_number": "new number", "detail.object_code": "beneficiary code",
        "detail.benefit_level": "benefit level", "detail.bhxh_code": "BHXH code", "detail.object": "beneficiary",
        "detail.gender": "gender", "detail.birth_year": "year of birth", "detail.name": "agency name",
        "call.header": "Ticket #{id} — {phone}, line {line}", "call.landline": " (landline)",
        "call.continued": " — continued ({category})", "call.merged": ", merged ticket #{id}",
        "ticket.line": "line {line}",
        "search.by": "Search by {kind}: {query}",
        "launcher.onError": "--on-error must be stop or continue",
        "launcher.asRootOnly": "--as is honoured only for root",
        "launcher.badNow": "VSSDESK_NOW={now} is not an ISO 8601 time",
        "launcher.nowRootOnly": "warning: VSSDESK_NOW is honoured only for root; using the real clock",
        "launcher.notOperator": "{login} is not an active operator of {path}; an admin adds you with `operator add {login}`",
        "launcher.auditUnprotected": "warning: the audit trail is not protected: triggers missing [{missing}], altered [{altered}]; run `audit verify` and tell the desk's admin",
        "repl.greeting": "vssdesk — VssID hotline, BHXH Quận 6. `help` lists commands, Tab completes, Ctrl-D exits.",
        "progress.line": "{label} {bar} {pct}%  {rows} {rows|row|rows}  {rate} rows/s  ETA {eta}s  (Ctrl-C cancels)",
        "script.cannotRead": "cannot read {path}",
        "shell.unterminatedQuote": "unterminated {quote} quote",
        "search.more": "{shown} of {total} shown (--limit N for more; add words to narrow)",
        "value.skip.not_approved": "not approved", "value.skip.no_mobile": "no mobile number",
        "value.skip.sent_last_24h": "sent in the last 24 hours", "value.skip.unchanged": "unchanged",
        "value.skip.not_closable": "not closable",
        "value.age.<1d": "under 1 day", "value.age.1-3d": "1–3 days", "value.age.3-7d": "3–7 days", "value.age.>7d": "over 7 days",
        "bulk.summary": "bulk {action}: matched {matched}, changed {changed}, skipped {skipped}",
        "bulk.summary.dry": "bulk {action} (dry run): matched {matched}, would change {changed}, skipped {skipped}",
        "bulk.sample": "  e.g. {sample}",
        "bulk.skipped": "  skipped: {list}",
        "bulk.interrupted": "interrupted: {n} change(s) were committed; run the same command again to finish",
        "audit.intact": "audit chain intact: {n} {n|row|rows}, head {head}",
        "audit.broken": "audit chain broken: {problem}",
        "audit.triggersMissing": "audit triggers missing: {list}",
        "audit.triggersAltered": "audit triggers altered or unexpected: {list}",
        "audit.rows": "{n} {n|row|rows}, head {head}",
        "stats.by.day": "day", "stats.by.week": "week", "stats.by.line": "line", "stats.by.operator": "operator",
        "stats.by.category": "about", "stats.by.status": "status", "stats.by.agency": "agency", "stats.by.rule": "rule",
        "stats.column.count": "tickets", "stats.column.open": "open", "stats.column.resolved": "resolved",
        "stats.column.medianFirst": "median 1st (min)", "stats.column.p90First": "p90 1st",
        "stats.column.medianResolution": "median resol.", "stats.column.p90Resolution": "p90 resol.",
        "stats.column.registrations": "registrations",
        "stats.backlog": "Open backlog by age: {list}",
        "call.focus": "`show`, `diagnose`, `resend --verify dob=…,id=…` now mean {code}; `done \"…\"` ends the call.",
        "call.several": "{n} registrations use this number: `use CODE` to choose.",
        "call.resume": "Resuming your open call #{id} ({about}); `done …` or `hold` to finish it.",
    ]
}
