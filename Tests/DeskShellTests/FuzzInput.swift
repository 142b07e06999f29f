/// SplitMix64 (Steele, Lea, Flood 2014): a tiny PRNG with a fixed seed, so every fuzz run tries the same cases and a
/// failure can be replayed from its case number.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Hostile input built from the pieces that have broken consoles before: raw and invalid UTF-8 bytes, NUL, huge
/// runs, FTS5 operators, SQL fragments, terminal escape sequences, quoting characters and look-alike identifiers.
struct FuzzInput {
    var rng: SplitMix64

    static let pieces: [String] = [
        "\"", "\"\"", "'", "*", "NEAR(", "NEAR(a b, 2)", "AND", "OR", "NOT", "^", ":", "(", ")", "-", "--", "+", "{", "}",
        "'; DROP TABLE registrations;--", "' OR 1=1 --", "\"; DELETE FROM audit; --", "%", "_", "\\", "\\\"",
        "\u{1B}[2J", "\u{1B}]0;owned\u{07}", "\u{1B}]8;;http://x\u{1B}\\", "\u{9B}31m", "\u{07}", "\u{08}", "\u{7F}",
        "\u{202E}", "\u{2066}", "\u{0}", "\r", "\n", "\r\n", "\t", ",", ";", "=", "==", "=HYPERLINK(\"http://x\",\"y\")",
        "@SUM(A1)", "dob=1990-01-01", "id=079090001234", "--verify", "--verfy", "cccd=", "0912345678", "+84 912 345 678",
        "079090001234", "7901234567", "DN4797901234567", "07916", "[07916]", "025123456", "B1234567", "0", "9", "84",
        "Nguyễn", "Văn", "Đức", "Thị", "Ánh", "e\u{301}\u{301}\u{301}", "\u{301}", "\u{338}", "\u{20DD}", "漢字", "😀", "\u{FEFF}", "\u{200B}", "\u{FFFD}",
        "２０２５", "１２３", "---", "id:", "title:", "tags: [a, b]", "rules: [X]", "search", "check", "kb", "show", "#",
        "1990-02-30", "31/12/1999", "2025-03-01T08:00:00+07:00", "yes", "có", "Nam", "Nữ", "self", "child", "active",
    ]

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    /// Raw bytes, often not UTF-8 at all.
    mutating func bytes(_ maxCount: Int = 40) -> [UInt8] {
        (0..<int(0...maxCount)).map { _ in
            chance(30) ? [0x00, 0x0A, 0x0D, 0x22, 0x2C, 0x1B, 0xC2, 0xE2, 0xFF, 0xC3, 0x80][int(0...10)] : UInt8.random(in: 0...255, using: &rng)
        }
    }

    /// Text made of pieces, random bytes read as UTF-8 (with replacement characters) and, rarely, a huge run.
    mutating func text(maxPieces: Int = 8) -> String {
        var out = ""
        for _ in 0..<int(0...maxPieces) {
            switch int(1...100) {
            case 1 where chance(20): out += String(repeating: ["a", "Đ", "\u{1B}", "\"", "0"][int(0...4)], count: int(1_000...70_000))
            case 1...25: out += String(decoding: bytes(12), as: UTF8.self)
            default: out += Self.pieces[int(0...Self.pieces.count - 1)]
            }
            if chance(40) { out += " " }
        }
        return out
    }

    /// UTF-8 bytes of `text()`, sometimes with raw bytes spliced in.
    mutating func textBytes() -> [UInt8] {
        chance(25) ? Array(text().utf8) + bytes(6) + Array(text(maxPieces: 3).utf8) : Array(text().utf8)
    }
}
