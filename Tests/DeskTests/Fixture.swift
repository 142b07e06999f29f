import Foundation
@testable import Desk
import DeskCore
import DeskStore
import DeskShell

/// A fresh database with an admin and a fixed clock (2025-03-12 09:00 desk time, a Wednesday).
struct Fixture {
    let path: String
    let store: Store
    let session: Session

    static let now = DateText.parseInstant("2025-03-12T09:00:00+07:00")!

    init(role: Operator.Role = .admin, now: Date = Fixture.now) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent("t.sqlite").path
        store = try Store(path: path, create: true)
        try store.operators.upsert(Operator(login: "hoa", displayName: "Trần Thị Hoa", line: 121, role: role), at: "2025-01-01T00:00:00Z")
        session = Session(store: store, actor: try store.operators.get("hoa")!, clock: Clock(fixed: now))
        // What a service writes into a file a person reads (the bad-rows reasons), as an English console writes it.
        session.say = { Catalog.en.say($0) }
    }

    var dir: String { (path as NSString).deletingLastPathComponent }

    func write(_ name: String, _ text: String) -> String {
        let p = (dir as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    func importCSV(_ target: Importer.Target, _ text: String, skipBad: String? = nil) throws -> Importer.Summary {
        try Importer(session: session).run(target, bytes: Array(text.utf8), name: "test.csv", skipBadPath: skipBad)
    }

    static let registrationsCSV = """
    bhxh_code,kind,full_name,dob,gender,id_number,address,phone,status,agency_code,photo_portrait,photo_id_front,photo_id_back,submitted_at
    7901234567,self,Nguyễn Văn Đức,1990-05-17,Nam,079090001234,"12 Hậu Giang, Phường 11, Quận 6",+84 90 123 4567,submitted,07916,1,1,1,2025-03-01T08:00:00+07:00
    7901234568,self,Nguyen Van Duc,15/02/1985,M,079085004321,"3 Bình Tiên, Quận 6",0912.345.678,approved,07916,yes,có,true,2025-02-01T08:00:00Z
    7901234569,self,Trần Thị Ánh,2001-01-31,Nữ,079301009999,"Quận 6",0987654321,active,07916,1,1,1,2025-01-05T08:00:00Z
    7901234570,self,Đặng Đức Hùng,1979-12-01,M,079079001111,,0383 111 222,rejected,07916,1,0,1,2025-02-20T08:00:00Z
    """
}
