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
        /// The first bad rows, each "line N: why" (at most `maxReportedProblems`).
        public var problems: [DeskMessage] = []
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
        } catch {
            throw DeskError.from(error)
        }
        return try run(target, bytes: bytes, name: path, skipBadPath: skipBadPath)
    }

    public func run(_ target: Target, bytes: [UInt8], name: String, skipBadPath: String? = nil) throws -> Summary {
        let known = target == .registrations ? Registration.columns : InsuredPerson.columns
        var reader = CSVReader(bytes: bytes)
        let header: CSVReader.Record
        do {
            guard let h = try reader.next(), !(h.fields.count == 1 && h.fields[0].isEmpty) else {
                throw DeskError.invalid(.csvEmpty, ["file": .text(name)])
            }
            header = h
        } catch let e as CSVReader.ParseError {
            throw DeskError.invalid(.csvBadHeader, ["file": .text(name), "line": .int(e.line), "problem": .message(e.problem)])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        // The header is named by position, not quoted: the file may be one the user should not read (SPEC §13).
        if let unknown = names.firstIndex(where: { !known.contains($0) }) {
            throw DeskError.invalid(.csvUnknownColumn, ["file": .text(name), "n": .int(unknown + 1), "known": .text(known.joined(separator: ", "))])
        }
        if let dup = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            throw DeskError.invalid(.csvDuplicateColumn, ["file": .text(name), "column": .text(dup)])
        }
        guard names.contains("bhxh_code") else {
            throw DeskError.invalid(.csvNeedsCode, ["file": .text(name)])
        }
        var index = [String: Int]()
        for (i, n) in names.enumerated() { index[n] = i }

        let badOut = try skipBadPath.map { try BadRowsFile(path: $0, header: reader.rawBytes(header.range)) }
        defer { try? badOut?.close() }
        // Where a row's problem is: the line, and the column (by name) or field (by number) when it is in one.
        func place(_ line: Int, _ field: Int?, _ problem: DeskMessage) -> DeskMessage {
            guard let field else { return DeskMessage(ServiceText.rowProblem, ["line": .int(line), "problem": .message(problem)]) }
            return field <= names.count
                ? DeskMessage(ServiceText.rowColumnProblem, ["line": .int(line), "column": .text(names[field - 1]), "problem": .message(problem)])
                : DeskMessage(ServiceText.rowFieldProblem, ["line": .int(line), "field": .int(field), "problem": .message(problem)])
        }

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
                        let problem = place(e.line, e.field, e.problem)
                        note(&summary, problem)
                        try badOut?.write(reader.rawBytes(e.range), reason: session.say(problem))
                        if e.kind == .unterminatedQuote { break }
                        continue
                    }
                    summary.rows += 1
                    if summary.rows % 2000 == 0 {
                        if session.isCancelled() { throw DeskError.interrupted(.importInterrupted, ["row": .int(summary.rows)]) }
                        progress?(Progress(rows: summary.rows, bytesDone: reader.position, bytesTotal: reader.totalBytes))
                    }
                    func reject(_ reason: DeskMessage) throws {
                        summary.rejected += 1
                        note(&summary, place(record.line, nil, reason))
                        try badOut?.write(reader.rawBytes(record.range), reason: session.say(reason))
                    }
                    guard record.fields.count == names.count else {
                        try reject(DeskMessage(ServiceText.rowFieldCount, ["expected": .int(names.count), "found": .int(record.fields.count)]))
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
                                  detail: TimelineDetail.make([("inserted", String(summary.inserted)), ("updated", String(summary.updated)),
                                                               ("rejected", String(summary.rejected))], free: ("file", name)))
            }
            summary.committed = true
        } catch {
            throw DeskError.from(error)
        }
        progress?(Progress(rows: summary.rows, bytesDone: reader.totalBytes, bytesTotal: reader.totalBytes))
        return summary
    }

    private func note(_ s: inout Summary, _ problem: DeskMessage) {
        if s.problems.count < Self.maxReportedProblems { s.problems.append(problem) }
    }

    private func rejectionSummary(_ s: Summary) -> DeskMessage {
        DeskMessage(s.rejected > s.problems.count ? ServiceText.importRejectedFirst : ServiceText.importRejected,
                    ["file": .text(s.file), "rejected": .int(s.rejected), "rows": .int(s.rows), "listed": .int(s.problems.count)])
    }
}
