import DeskCore

/// An RFC 4180 reader over raw bytes: quoted fields with doubled quotes, embedded newlines, LF or CRLF, an optional
/// UTF-8 BOM. It reports the physical line where each record starts and keeps the record's original bytes, so
/// `--skip-bad` can write a bad row back unchanged. Hand-written rather than SwiftCSV/CSV.swift because import needs
/// both of those and must stream a million rows at close to `sqlite3 .import` speed.
///
/// Bad input has limits, not consequences (SPEC §13): a field over `maxFieldCharacters`, a NUL byte, invalid UTF-8
/// or a physical line over `maxLineBytes` is refused with its line number, never cut or replaced.
public struct CSVReader {
    public struct Record {
        public var fields: [String]
        public var line: Int
        public var range: Range<Int>
    }

    /// Why a record could not be read. It names the line and the field, never the value: the file may be one the
    /// user should not be able to read.
    public struct ParseError: Error, CustomStringConvertible {
        public enum Kind: Equatable, Sendable {
            case unterminatedQuote, strayQuote, textAfterQuote, invalidUTF8, nulByte, fieldTooLong, lineTooLong
        }

        public var kind: Kind
        /// The physical line the problem is on (for an unterminated quote: where the quote opened).
        public var line: Int
        /// 1-based field number, when the problem is in one field.
        public var field: Int?
        /// The record's original bytes (up to where reading resumes).
        public var range: Range<Int>

        public var problem: DeskMessage {
            switch kind {
            case .unterminatedQuote: return DeskMessage(ServiceText.csvUnterminatedQuote)
            case .strayQuote: return DeskMessage(ServiceText.csvStrayQuote)
            case .textAfterQuote: return DeskMessage(ServiceText.csvTextAfterQuote)
            case .invalidUTF8: return DeskMessage(ServiceText.csvInvalidUTF8)
            case .nulByte: return DeskMessage(ServiceText.csvNulByte)
            case .fieldTooLong: return DeskMessage(ServiceText.csvFieldTooLong, ["max": .int(CSVReader.maxFieldCharacters)])
            case .lineTooLong: return DeskMessage(ServiceText.csvLineTooLong, ["kb": .int(CSVReader.maxLineBytes / 1024)])
            }
        }

        public var description: String { field.map { "field \($0): \(problem)" } ?? problem.description }
    }

    public static let maxFieldCharacters = 1_000
    public static let maxLineBytes = 64 * 1024

    private let bytes: [UInt8]
    private var pos: Int
    private var line = 1
    public var totalBytes: Int { bytes.count }
    public var position: Int { pos }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        pos = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    public var isAtEnd: Bool { pos >= bytes.count }

    /// The next record, or nil at the end. A blank line is skipped. On a parse error the reader still goes to the end
    /// of the bad record (its line, or the line its quoted field ends on), so the caller can go on collecting errors;
    /// after the first problem the rest of the record is scanned but no longer kept.
    public mutating func next() throws -> Record? {
        while pos < bytes.count, bytes[pos] == 0x0A || (bytes[pos] == 0x0D && pos + 1 < bytes.count && bytes[pos + 1] == 0x0A) {
            pos += bytes[pos] == 0x0D ? 2 : 1
            line += 1
        }
        guard pos < bytes.count else { return nil }
        let start = pos
        let startLine = line
        var lineStart = pos
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var quoted = false
        var closedQuote = false
        var fieldStart = true
        var error: ParseError?

        func fail(_ kind: ParseError.Kind, inField: Bool = true) {
            if error == nil { error = ParseError(kind: kind, line: line, field: inField ? fields.count + 1 : nil, range: start..<start) }
        }

        func finishField() {
            defer {
                field.removeAll(keepingCapacity: field.count <= 4096)
                fieldStart = true
                closedQuote = false
            }
            guard error == nil else { return }
            guard let s = String(validating: field, as: UTF8.self) else { return fail(.invalidUTF8) }
            // Bytes are cheap to count; characters only when the bytes say the field may be too long.
            if field.count > CSVReader.maxFieldCharacters, s.count > CSVReader.maxFieldCharacters { return fail(.fieldTooLong) }
            fields.append(s)
        }

        /// Takes `bytes[from..<to]` into the field: a run with nothing to decide on, checked once for the limits.
        func take(_ from: Int, _ to: Int) {
            // One field past 64 KB is surely past 1,000 characters: said of the field (it names the column), before
            // the line (many short fields), and before anything is copied. A quoted field may run over many short
            // lines; it still may not grow without bound.
            if field.count + (to - from) > CSVReader.maxLineBytes { fail(.fieldTooLong) }
            if to - lineStart > CSVReader.maxLineBytes { fail(.lineTooLong, inField: false) }
            guard error == nil else { return }
            field.append(contentsOf: bytes[from..<to])
        }

        func finish(end: Int) throws -> Record {
            if var e = error {
                e.range = start..<end
                throw e
            }
            return Record(fields: fields, line: startLine, range: start..<end)
        }

        while pos < bytes.count {
            let b = bytes[pos]
            if b == 0x0A {
                // A line break inside quotes is part of the field; one outside ends the record below.
                if quoted {
                    line += 1
                    lineStart = pos + 1
                }
            } else if pos - lineStart >= CSVReader.maxLineBytes {
                fail(.lineTooLong, inField: false)
            }
            if b == 0 { fail(.nulByte) }
            if quoted {
                if b == 0x22 {
                    if pos + 1 < bytes.count, bytes[pos + 1] == 0x22 {
                        if error == nil { field.append(0x22) }
                        pos += 2
                        continue
                    }
                    quoted = false
                    closedQuote = true
                    pos += 1
                    continue
                }
                // This byte (text, a line break or a NUL) and every plain byte after it, in one go.
                let end = plainRun(from: pos + 1, quoted: true)
                take(pos, end)
                pos = end
                continue
            }
            switch b {
            case 0x2C:
                finishField()
                pos += 1
            case 0x0D where pos + 1 < bytes.count && bytes[pos + 1] == 0x0A:
                finishField()
                let end = pos
                pos += 2
                line += 1
                return try finish(end: end)
            case 0x0A:
                finishField()
                let end = pos
                pos += 1
                line += 1
                return try finish(end: end)
            case 0x22 where fieldStart && field.isEmpty:
                quoted = true
                fieldStart = false
                pos += 1
            case 0x22:
                fail(closedQuote ? .textAfterQuote : .strayQuote)
                pos += 1
            default:
                // `"Nguyen"x`: RFC 4180 allows only a separator or the end of the record after a closing quote.
                if closedQuote { fail(.textAfterQuote) }
                fieldStart = false
                let end = plainRun(from: pos + 1, quoted: false)
                take(pos, end)
                pos = end
            }
        }
        if quoted {
            throw ParseError(kind: .unterminatedQuote, line: startLine, field: fields.count + 1, range: start..<bytes.count)
        }
        finishField()
        return try finish(end: bytes.count)
    }

    /// The end of the run of bytes from `from` that need no decision: anything but a NUL, a line break, a quote and,
    /// outside quotes, a comma or CR. Most of a file is such runs, so they are copied whole (import speed).
    private func plainRun(from: Int, quoted: Bool) -> Int {
        var i = from
        if quoted {
            while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x0A, bytes[i] != 0 { i += 1 }
        } else {
            while i < bytes.count {
                let c = bytes[i]
                if c == 0x2C || c == 0x0A || c == 0x0D || c == 0x22 || c == 0 { break }
                i += 1
            }
        }
        return i
    }

    public func rawBytes(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }
}
