/// The texts of the PostgreSQL commands (`migrate --to`), merged into each language's catalog.
extension Catalog {
    static let vietnamesePostgres: [String: String] = [
        "command.migrate": "Chép toàn bộ cơ sở dữ liệu SQLite này sang một cơ sở dữ liệu PostgreSQL còn trống, kiểm tra số dòng và chuỗi nhật ký; lỗi ở đâu thì không thay đổi gì (quản trị).",
        "flag.to.migrate": "địa chỉ PostgreSQL đích (postgresql://…)",
        "migrate.done": "Đã chép sang {to}: {registrations} hồ sơ, {tickets} phiếu, {audit} dòng nhật ký (đầu chuỗi {head}…); {roles} điện thoại viên có vai trò riêng trên máy chủ.",
        "migrate.next": "Từ nay các máy dùng: vssdesk --db '{to}'",
    ]

    static let englishPostgres: [String: String] = [
        "command.migrate": "Copy this whole SQLite desk into an empty PostgreSQL database, check row counts and the audit chain; on any failure nothing changes (admin).",
        "flag.to.migrate": "the target PostgreSQL URI (postgresql://…)",
        "migrate.done": "Copied to {to}: {registrations} registrations, {tickets} tickets, {audit} audit rows (head {head}…); {roles} operators have their own role on the server.",
        "migrate.next": "From now on consoles use: vssdesk --db '{to}'",
    ]
}
