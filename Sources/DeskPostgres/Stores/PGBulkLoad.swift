import Desk

final class PGBulkLoad: BulkLoading {
    let db: PGConnection
    let table: BulkTable
    init(_ db: PGConnection, table: BulkTable) throws { self.db = db; self.table = table }
    func finish() throws {}
}
