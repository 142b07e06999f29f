/// An RFC 4180 reader over raw bytes: quoted fields with doubled quotes, embedded newlines, LF or CRLF, an optional
/// UTF-8 BOM. It reports the physical line where each record starts and keeps the record's original bytes, so
/// `--skip-bad` can write a bad row back unchanged. Hand-written rather than SwiftCSV/CSV.swift because import needs
/// both of those and must stream a million rows at close to `sqlite3 .import` speed.
public struct CSVReader {
    public struct Record {
        public var fields: [String]
        public var line: Int
        public var range: Range<Int>
    }

    public enum ParseError: Error, CustomStringConvertible {
        case unterminatedQuote(line: Int)
        case strayQuote(line: Int, field: Int)
        case invalidUTF8(line: Int, field: Int)

        public var line: Int {
            switch self {
            case .unterminatedQuote(let l), .strayQuote(let l, _), .invalidUTF8(let l, _): return l
            }
        }

        public var description: String {
            switch self {
            case .unterminatedQuote: return "a quoted field is not closed before the end of the file"
            case .strayQuote(_, let f): return "field \(f): a quote inside an unquoted field (RFC 4180 needs the field quoted and the quote doubled)"
            case .invalidUTF8(_, let f): return "field \(f): not valid UTF-8"
            }
        }
    }

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

    /// The next record, or nil at the end. A blank line is skipped. On a parse error the reader skips to the end of
    /// the bad line so the caller can go on collecting errors.
    public mutating func next() throws -> Record? {
        while pos < bytes.count, bytes[pos] == 0x0A || (bytes[pos] == 0x0D && pos + 1 < bytes.count && bytes[pos + 1] == 0x0A) {
            pos += bytes[pos] == 0x0D ? 2 : 1
            line += 1
        }
        guard pos < bytes.count else { return nil }
        let start = pos
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var quoted = false
        var fieldStart = true
        var error: ParseError?

        func finishField() {
            if let s = String(validating: field, as: UTF8.self) {
                fields.append(s)
            } else if error == nil {
                error = .invalidUTF8(line: startLine, field: fields.count + 1)
                fields.append("")
            }
            field.removeAll(keepingCapacity: true)
            fieldStart = true
        }

        while pos < bytes.count {
            let b = bytes[pos]
            if quoted {
                if b == 0x22 {
                    if pos + 1 < bytes.count, bytes[pos + 1] == 0x22 {
                        field.append(0x22)
                        pos += 2
                        continue
                    }
                    quoted = false
                    pos += 1
                    continue
                }
                if b == 0x0A { line += 1 }
                field.append(b)
                pos += 1
                continue
            }
            switch b {
            case 0x22:
                if fieldStart && field.isEmpty {
                    quoted = true
                    fieldStart = false
                } else if error == nil {
                    error = .strayQuote(line: startLine, field: fields.count + 1)
                }
                pos += 1
            case 0x2C:
                finishField()
                pos += 1
            case 0x0D where pos + 1 < bytes.count && bytes[pos + 1] == 0x0A:
                finishField()
                let end = pos
                pos += 2
                line += 1
                if let error { throw error }
                return Record(fields: fields, line: startLine, range: start..<end)
            case 0x0A:
                finishField()
                let end = pos
                pos += 1
                line += 1
                if let error { throw error }
                return Record(fields: fields, line: startLine, range: start..<end)
            default:
                fieldStart = false
                field.append(b)
                pos += 1
            }
        }
        if quoted { throw ParseError.unterminatedQuote(line: startLine) }
        finishField()
        if let error { throw error }
        return Record(fields: fields, line: startLine, range: start..<bytes.count)
    }

    public func rawBytes(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }
}
