import Foundation

/// The lines of a script (`-f FILE`, `-f -`, piped stdin) as raw bytes, checked before they become commands
/// (SPEC §13): a line over 64 KB, a NUL byte or invalid UTF-8 is refused with its line number, never cut or
/// repaired into a different command.
struct ScriptLines: Sequence, IteratorProtocol {
    static let maxLineBytes = 64 * 1024

    enum Problem: Error, Equatable {
        case tooLong, nul, invalidUTF8

        /// The refusal in the catalog's language.
        func text(_ c: Catalog) -> String {
            switch self {
            case .tooLong: return c.text("script.tooLong", ["kb": .int(ScriptLines.maxLineBytes / 1024)])
            case .nul: return c.text("script.nul")
            case .invalidUTF8: return c.text("script.invalidUTF8")
            }
        }
    }

    private let source: () -> [UInt8]?

    /// Lines of a whole file already read.
    init(bytes: [UInt8]) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var index = 0
        source = {
            guard index < lines.count else { return nil }
            defer { index += 1 }
            return lines[index]
        }
    }

    /// One `-c` command: newlines inside it stay part of the one command, as before.
    init(single bytes: [UInt8]) {
        var done = false
        source = {
            guard !done else { return nil }
            done = true
            return bytes.map { $0 == 10 ? 32 : $0 }
        }
    }

    /// Lines of standard input, read lazily (a pipe may be slow or endless); an overlong line is read to its end
    /// but not kept.
    static func standardInput() -> ScriptLines {
        ScriptLines {
            var line: [UInt8] = []
            var sawAny = false
            while true {
                let c = getchar()
                if c == EOF { return sawAny ? line : nil }
                sawAny = true
                if c == 10 { return line }
                if line.count <= maxLineBytes { line.append(UInt8(c)) }
            }
        }
    }

    private init(source: @escaping () -> [UInt8]?) { self.source = source }

    mutating func next() -> Result<String, Problem>? {
        guard var bytes = source() else { return nil }
        if bytes.last == 13 { bytes.removeLast() }
        if bytes.count > Self.maxLineBytes { return .failure(.tooLong) }
        if bytes.contains(0) { return .failure(.nul) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.invalidUTF8) }
        return .success(text)
    }
}
