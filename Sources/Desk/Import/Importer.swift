import Foundation
import DeskCore
import DeskStore

/// `import registrations|insured FILE` (SPEC §2): all-or-nothing by default, or `--skip-bad` to keep the good rows
/// and write the bad ones, unchanged, with a reason column.
public struct Importer {
    public enum Target: String, CaseIterable { case registrations, insured }

    public struct Summary: Sendable {
        public var target: String
        public var file: String
        public var rows = 0
        public var inserted = 0
        public var updated = 0
        public var rejected = 0
        public var committed = false
        public var problems: [String] = []
    }

    public struct Progress {
        public var rows: Int
        public var bytesDone: Int
        public var bytesTotal: Int
    }

    let session: Session
    public var progress: ((Progress) -> Void)?

    public init(session: Session) { self.session = session }

    public static let maxReportedProblems = 20

    /// Imports the file at `path`, read with the user's own rights (SPEC §13).
    public func run(_ target: Target, path: String, skipBadPath: String? = nil) throws -> Summary {
        let bytes: [UInt8]
        do {
            bytes = try UserFile.read(path)
        } catch let f as UserFile.Failure {
            if case .cannotRead = f { throw DeskError.notFound(f.description + ": no such file or not readable") }
            throw DeskError.invalid(f.description)
        }
        return try run(target, bytes: bytes, name: path, skipBadPath: skipBadPath)
    }

    public func run(_ target: Target, bytes: [UInt8], name: String, skipBadPath: String? = nil) throws -> Summary {
        let known = target == .registrations ? Registration.columns : InsuredPerson.columns
        var reader = CSVReader(bytes: bytes)
        let header: CSVReader.Record
        do {
            guard let h = try reader.next(), !(h.fields.count == 1 && h.fields[0].isEmpty) else {
                throw DeskError.invalid("\(name): the file is empty (expected a header row naming the columns)")
            }
            header = h
        } catch let e as CSVReader.ParseError {
            throw DeskError.invalid("\(name) line \(e.line): \(e.description) (the first line must name the columns)")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        // The header is named by position, not quoted: the file may be one the user should not read (SPEC §13).
        if let unknown = names.firstIndex(where: { !known.contains($0) }) {
            throw DeskError.invalid("\(name) line 1: column \(unknown + 1) is not a known column (known: \(known.joined(separator: ", ")))")
        }
        if let dup = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            throw DeskError.invalid("\(name) line 1: column \"\(dup)\" appears twice")
        }
        guard names.contains("bhxh_code") else {
            throw DeskError.invalid("\(name) line 1: the bhxh_code column is required")
        }
        var index = [String: Int]()
        for (i, n) in names.enumerated() { index[n] = i }

        let badOut = try skipBadPath.map { try BadRowsFile(path: $0, header: reader.rawBytes(header.range)) }
        defer { try? badOut?.close() }
        let column: (Int?) -> String = { f in f.map { $0 <= names.count ? ", column \(names[$0 - 1])" : ", field \($0)" } ?? "" }

        var summary = Summary(target: target.rawValue, file: name)
        let now = session.clock.nowText
        let storage = session.storage
        let actor = session.actor.login
        do {
            try storage.transaction {
                let bulk = try storage.beginBulkLoad(target == .registrations ? .registrations : .insured)
                while true {
                    let record: CSVReader.Record
                    do {
                        guard let r = try reader.next() else { break }
                        record = r
                    } catch let e as CSVReader.ParseError {
                        // Rows that are not even CSV are rejected like the others, and written to --skip-bad too.
                        summary.rows += 1
                        summary.rejected += 1
                        note(&summary, "line \(e.line)\(column(e.field)): \(e.problem)")
                        try badOut?.write(reader.rawBytes(e.range), reason: "line \(e.line)\(column(e.field)): \(e.problem)")
                        if e.kind == .unterminatedQuote { break }
                        continue
                    }
                    summary.rows += 1
                    if summary.rows % 2000 == 0 {
                        if session.isCancelled() { throw DeskError.interrupted("import interrupted at row \(summary.rows); nothing was committed") }
                        progress?(Progress(rows: summary.rows, bytesDone: reader.position, bytesTotal: reader.totalBytes))
                    }
                    func reject(_ reason: String) throws {
                        summary.rejected += 1
                        note(&summary, "line \(record.line): \(reason)")
                        try badOut?.write(reader.rawBytes(record.range), reason: reason)
                    }
                    guard record.fields.count == names.count else {
                        try reject("expected \(names.count) fields, found \(record.fields.count)")
                        continue
                    }
                    let get: (String) -> String = { index[$0].map { record.fields[$0] } ?? "" }
                    do {
                        let inserted: Bool
                        switch target {
                        case .registrations:
                            let r = try RowMappers.registration(get)
                            inserted = try storage.registrations.upsert(r, at: now, operator: actor, eventKind: "import", bulk: bulk)
                        case .insured:
                            inserted = try storage.insured.upsert(try RowMappers.insured(get), bulk: bulk)
                        }
                        if inserted { summary.inserted += 1 } else { summary.updated += 1 }
                    } catch let f as FieldParsers.Failure {
                        try reject(f.reason)
                    }
                }
                try bulk.finish()
                try badOut?.flush()
                if summary.rejected > 0 && skipBadPath == nil {
                    throw DeskError.rejectedInput(summary: rejectionSummary(summary), problems: summary.problems)
                }
                try session.audit("import", target: target.rawValue,
                                  detail: "\(name): inserted \(summary.inserted), updated \(summary.updated), rejected \(summary.rejected)")
            }
            summary.committed = true
        } catch {
            throw DeskError.from(error)
        }
        progress?(Progress(rows: summary.rows, bytesDone: reader.totalBytes, bytesTotal: reader.totalBytes))
        return summary
    }

    private func note(_ s: inout Summary, _ problem: String) {
        if s.problems.count < Self.maxReportedProblems { s.problems.append(problem) }
    }

    private func rejectionSummary(_ s: Summary) -> String {
        let more = s.rejected > s.problems.count ? " (the first \(s.problems.count) are listed)" : ""
        return "\(s.file): \(s.rejected) bad row(s) of \(s.rows)\(more); nothing was imported (use --skip-bad FILE to import the good rows)"
    }
}
