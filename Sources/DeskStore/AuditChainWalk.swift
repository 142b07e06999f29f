import CSQLite
import DeskCore
import Foundation

extension AuditStore {
    /// Walks the chain in id order, recomputing each hash, in one streaming read: fields are hashed straight from
    /// SQLite's buffers, with no row objects, so a million rows take about a second. After the first break the
    /// walk only counts rows and follows the head.
    public func walkChain(keptHead: String? = nil) throws -> AuditChainWalk {
        let statement = try db.statement("""
            SELECT id, at, operator, action, target, detail, ticket_id, prev_hash, hash FROM audit ORDER BY id
            """)
        defer { statement.reset() }
        let h = statement.handle
        var walk = AuditChainWalk()
        var chain = AuditChain()
        var running = Array(AuditChain.genesis.utf8)
        let kept = keptHead.map { Array($0.utf8) }
        if kept != nil { walk.keptHeadFound = false }
        var expectedID = 1
        while true {
            let rc = sqlite3_step(h)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw db.error(rc, sql: statement.sql) }
            walk.rows += 1
            let id = Int(sqlite3_column_int64(h, 0))
            let hash = Self.text(h, 8)
            if walk.firstBroken == nil {
                let prev = Self.text(h, 7)
                if id != expectedID {
                    walk.firstBroken = .init(id: expectedID, problem: .removed(through: id - 1))
                } else if !Self.same(prev, running) {
                    walk.firstBroken = .init(id: id, problem: .unlinked)
                } else {
                    chain.start()
                    chain.append(prev)
                    for column in Int32(0)..<7 { chain.append(Self.text(h, column)) }
                    if !Self.same(hash, chain.digestHex()) { walk.firstBroken = .init(id: id, problem: .altered) }
                }
            }
            running.removeAll(keepingCapacity: true)
            if let hash { running.append(contentsOf: hash) }
            if let kept, walk.keptHeadFound == false, Self.same(hash, kept) { walk.keptHeadFound = true }
            expectedID = id + 1
        }
        walk.head = String(decoding: running, as: UTF8.self)
        return walk
    }

    /// A column as SQLite's text, valid until the next step; nil for NULL.
    private static func text(_ h: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(h, column) != SQLITE_NULL else { return nil }
        guard let p = sqlite3_column_text(h, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(h, column)))
    }

    private static func same(_ a: UnsafeRawBufferPointer?, _ b: [UInt8]) -> Bool {
        guard let a, a.count == b.count else { return false }
        return b.withUnsafeBytes { a.count == 0 || memcmp(a.baseAddress!, $0.baseAddress!, a.count) == 0 }
    }
}
