import Desk

/// The keyed hash of each registration's current temporary password, written through `vssdesk_save_credential`:
/// no desk role can read `credentials` (SPEC §15).
final class PGCredentialStore: CredentialStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    func save(code: String, salt: String, hash: String, createdAt: String, expiresAt: String) throws {
        try db.callWriting("SELECT vssdesk_save_credential($1, $2, $3, $4, $5)",
                         [.text(code), .text(salt), .text(hash), .text(createdAt), .text(expiresAt)])
    }
}
