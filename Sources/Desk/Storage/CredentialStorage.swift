import DeskCore

/// The keyed hash of each registration's current temporary password.
public protocol CredentialStorage: AnyObject {
    /// Keeps the salt and keyed hash of a registration's new temporary password.
    func save(code: String, salt: String, hash: String, createdAt: String, expiresAt: String) throws
}
