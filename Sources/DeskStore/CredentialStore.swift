/// The keyed hash of each registration's current temporary password (never the password itself).
public final class CredentialStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    public func save(code: String, salt: String, hash: String, createdAt: String, expiresAt: String) throws {
        try db.run("""
            INSERT INTO credentials(bhxh_code, salt, hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT(bhxh_code) DO UPDATE SET salt = ?2, hash = ?3, created_at = ?4, expires_at = ?5
            """, [.text(code), .text(salt), .text(hash), .text(createdAt), .text(expiresAt)])
    }
}
