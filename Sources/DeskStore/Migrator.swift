/// Applies `Schema.migrations` that the file has not seen yet, each in its own transaction.
enum Migrator {
    static var latestVersion: Int { Schema.migrations.count }

    static func migrate(_ db: Database) throws {
        let appID = try db.scalarInt("PRAGMA application_id")
        let version = try db.scalarInt("PRAGMA user_version")
        let tables = try db.scalarInt("SELECT count(*) FROM sqlite_schema")
        if appID != Int(Schema.applicationID) && (tables > 0 || version > 0) {
            throw StoreError.notVssdeskDatabase(path: db.path)
        }
        if version > latestVersion { throw StoreError.schemaTooNew(found: version, known: latestVersion) }
        guard version < latestVersion else { return }
        for index in version..<latestVersion {
            try db.transaction {
                try db.execute(Schema.migrations[index].sql())
                try Schema.migrations[index].step?(db)
                try db.execute("PRAGMA application_id = \(Schema.applicationID)")
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    /// Checks without changing anything (read-only opens).
    static func verify(_ db: Database) throws {
        let appID = try db.scalarInt("PRAGMA application_id")
        let version = try db.scalarInt("PRAGMA user_version")
        if appID != Int(Schema.applicationID) { throw StoreError.notVssdeskDatabase(path: db.path) }
        if version > latestVersion { throw StoreError.schemaTooNew(found: version, known: latestVersion) }
    }
}
