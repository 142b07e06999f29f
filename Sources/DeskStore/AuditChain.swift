import Crypto
import DeskCore
import Foundation

/// The audit trail's hash chain (SPEC §13): each row's `hash` is SHA-256 over the previous row's hash and the row's
/// own fields, so changing, removing or inserting a row anywhere but at the end breaks every link after it.
///
/// The bytes hashed are, in this order, `prev_hash`, `id`, `at`, `operator`, `action`, `target`, `detail`,
/// `ticket_id`, each as one field: NULL is the single byte 0x00; a value is 0x01, its UTF-8 length as four bytes
/// big-endian, then the bytes (integers in decimal). Length prefixes keep `("ab", "c")` and `("a", "bc")` apart, and
/// the tag keeps NULL apart from the empty string. Migration v4 chained the rows it found with this encoding: a
/// different one would be a new migration, never an edit of this one.
public struct AuditChain {
    /// The `prev_hash` of the first row.
    public static let genesis = AuditChainWalk.genesis

    private var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(512) }

    /// The hash of one row, as lowercase hex.
    public static func hash(prev: String, id: Int, at: String, operator login: String, action: String,
                            target: String?, detail: String?, ticketID: Int?) -> String {
        hash([prev, String(id), at, login, action, target, detail, ticketID.map(String.init)])
    }

    /// The hash of `prev_hash` followed by a row's fields as SQLite gives them as text (nil for NULL).
    static func hash(_ fields: [String?]) -> String {
        var chain = AuditChain()
        chain.start()
        for field in fields {
            if var s = field {
                s.withUTF8 { chain.append(UnsafeRawBufferPointer($0)) }
            } else {
                chain.append(nil)
            }
        }
        return String(decoding: chain.digestHex(), as: UTF8.self)
    }

    mutating func start() { bytes.removeAll(keepingCapacity: true) }

    /// Appends one field; nil is NULL.
    mutating func append(_ field: UnsafeRawBufferPointer?) {
        guard let field else {
            bytes.append(0)
            return
        }
        let n = UInt32(field.count)
        bytes.append(1)
        bytes.append(UInt8(n >> 24))
        bytes.append(UInt8(n >> 16 & 0xFF))
        bytes.append(UInt8(n >> 8 & 0xFF))
        bytes.append(UInt8(n & 0xFF))
        bytes.append(contentsOf: field)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// SHA-256 of the fields appended since `start`, as 64 lowercase hex digits (ASCII).
    func digestHex() -> [UInt8] {
        let digest = SHA256.hash(data: bytes)
        var hex = [UInt8](repeating: 0, count: 64)
        var i = 0
        for byte in digest {
            hex[i] = Self.hexDigits[Int(byte >> 4)]
            hex[i + 1] = Self.hexDigits[Int(byte & 0x0F)]
            i += 2
        }
        return hex
    }
}
