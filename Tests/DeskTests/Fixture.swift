import Foundation
@testable import Desk
import DeskCore
@_spi(RawSQL) import DeskStore
import DeskEngines
import DeskPostgres
import DeskTestSupport
import DeskShell

/// A fresh desk with an admin and a fixed clock (2025-03-12 09:00 desk time, a Wednesday): a SQLite file, or with
/// `VSSDESK_TEST_BACKEND=postgres` a fresh PostgreSQL database, opened the way the console opens it
/// (`OpenStorage`). The services see only `storage`; tests read rows back through `count`/`rows`, in SQL that both
/// engines read.
struct Fixture {
    /// Where the desk is: a file path or a libpq URI.
    let location: String
    /// A folder of the test's own (CSV files, gateways, keys).
    let dir: String
    let storage: any DeskStorage
    let session: Session
    /// The SQLite store behind `storage`; nil on PostgreSQL. Only the tests about SQLite itself use it.
    let sqlite: Store?
    private let raw: RawSQL

    static let now = DateText.parseInstant("2025-03-12T09:00:00+07:00")!

    init(role: Operator.Role = .admin, now: Date = Fixture.now) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-desk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if TestBackend.isPostgres {
            try Self.makeServerKeyFolder()
            location = try TestBackend.freshDatabase()
            storage = try OpenStorage.open(location, create: true)
            sqlite = nil
            raw = .postgres(try PGConnection(location))
        } else {
            location = (dir as NSString).appendingPathComponent("t.sqlite")
            let store = try Store(path: location, create: true)
            storage = SQLiteStorage(store)
            sqlite = store
            raw = .sqlite(store.db)
        }
        try storage.operators.upsert(Operator(login: "hoa", displayName: "Trần Thị Hoa", line: 121, role: role), at: "2025-01-01T00:00:00Z")
        session = Session(storage: storage, actor: try storage.operators.get("hoa")!, clock: Clock(fixed: now))
        // What a service writes into a file a person reads (the bad-rows reasons), as an English console writes it.
        session.say = { Catalog.en.say($0) }
    }

    /// Another connection to the same desk, as a second console (or the next start) opens it.
    func reopen() throws -> any DeskStorage { try Self.open(location) }

    /// A connection to the desk at `location` (from a thread of a concurrency test).
    static func open(_ location: String) throws -> any DeskStorage { try OpenStorage.open(location) }

    /// A server desk's install key is the machine's, beside the installed executable (`InstallKey.serverKeyPath`):
    /// for the test bundle, a folder under `.build` that the first PostgreSQL fixture makes.
    private static func makeServerKeyFolder() throws {
        try FileManager.default.createDirectory(atPath: (InstallKey.serverKeyPath() as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) -> String {
        let p = (dir as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    func importCSV(_ target: Importer.Target, _ text: String, skipBad: String? = nil) throws -> Importer.Summary {
        try Importer(session: session).run(target, bytes: Array(text.utf8), name: "test.csv", skipBadPath: skipBad)
    }

    // MARK: reading rows back

    /// The first column of the first row as a number; `?` marks the parameters.
    func count(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        Int(try rows(sql, values).first?.first.flatMap { $0 } ?? "") ?? 0
    }

    /// Every row as text (nil for NULL), by column position; `?` marks the parameters.
    func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [[String?]] {
        try raw.rows(sql, values)
    }

    static let registrationsCSV = """
    bhxh_code,kind,full_name,dob,gender,id_number,address,phone,status,agency_code,photo_portrait,photo_id_front,photo_id_back,submitted_at
    7901234567,self,Nguyễn Văn Đức,1990-05-17,Nam,079090001234,"12 Hậu Giang, Phường 11, Quận 6",+84 90 123 4567,submitted,07916,1,1,1,2025-03-01T08:00:00+07:00
    7901234568,self,Nguyen Van Duc,15/02/1985,M,079085004321,"3 Bình Tiên, Quận 6",0912.345.678,approved,07916,yes,có,true,2025-02-01T08:00:00Z
    7901234569,self,Trần Thị Ánh,2001-01-31,Nữ,079301009999,"Quận 6",0987654321,active,07916,1,1,1,2025-01-05T08:00:00Z
    7901234570,self,Đặng Đức Hùng,1979-12-01,M,079079001111,,0383 111 222,rejected,07916,1,0,1,2025-02-20T08:00:00Z
    """
}

/// The test's own look at the rows, beside the storage: SQLite's connection, or a PostgreSQL connection of its own
/// (it sees what the services committed). `?` placeholders become `$1…` for PostgreSQL; values stay parameters.
enum RawSQL {
    case sqlite(Database)
    case postgres(PGConnection)

    func rows(_ sql: String, _ values: [SQLValue]) throws -> [[String?]] {
        switch self {
        case .sqlite(let db):
            return try db.query(sql, values).map { row in row.values.indices.map { row.string($0) } }
        case .postgres(let db):
            var numbered = "", n = 0
            for c in sql {
                if c == "?" { n += 1; numbered += "$\(n)" } else { numbered.append(c) }
            }
            return try db.query(numbered, values.map(Self.pg)).map { row in (0..<row.count).map { row.string($0) } }
        }
    }

    private static func pg(_ v: SQLValue) -> PGValue {
        switch v {
        case .null: return .null
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .text(let s): return .text(s)
        }
    }
}
