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

    public func run(_ target: Target, path: String, skipBadPath: String? = nil) throws -> Summary {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DeskError.notFound("cannot read \(path): no such file or not readable")
        }
        return try run(target, bytes: [UInt8](data), name: path, skipBadPath: skipBadPath)
    }

    public func run(_ target: Target, bytes: [UInt8], name: String, skipBadPath: String? = nil) throws -> Summary {
        let write: (String) -> Void
        let known = target == .registrations ? Registration.columns : InsuredPerson.columns
        var reader = CSVReader(bytes: bytes)
        guard let header = try? reader.next(), !(header.fields.count == 1 && header.fields[0].isEmpty) else {
            throw DeskError.invalid("\(name): the file is empty (expected a header row naming the columns)")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw DeskError.invalid("\(name) line 1: unknown column \"\(unknown)\" (known: \(known.joined(separator: ", ")))")
        }
        if let dup = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            throw DeskError.invalid("\(name) line 1: column \"\(dup)\" appears twice")
        }
        guard names.contains("bhxh_code") else {
            throw DeskError.invalid("\(name) line 1: the bhxh_code column is required")
        }
        var index = [String: Int]()
        for (i, n) in names.enumerated() { index[n] = i }

        var badOut: FileHandle?
        if let skipBadPath {
            guard FileManager.default.createFile(atPath: skipBadPath, contents: nil),
                  let h = FileHandle(forWritingAtPath: skipBadPath) else {
                throw DeskError.invalid("cannot write the bad-rows file \(skipBadPath)")
            }
            badOut = h
            h.write(Data(bytes[header.range]) + Data(",reason\n".utf8))
        }
        write = { badOut?.write(Data($0.utf8)) }
        defer { try? badOut?.close() }

        var summary = Summary(target: target.rawValue, file: name)
        let now = session.clock.nowText
        let store = session.store
        let actor = session.actor.login
        do {
            try store.transaction {
                let bulk = try BulkLoad(store.db, table: target.rawValue)
                while true {
                    let record: CSVReader.Record
                    do {
                        guard let r = try reader.next() else { break }
                        record = r
                    } catch let e as CSVReader.ParseError {
                        summary.rows += 1
                        summary.rejected += 1
                        note(&summary, "line \(e.line): \(e.description)")
                        if case .unterminatedQuote = e { break }
                        continue
                    }
                    summary.rows += 1
                    if summary.rows % 2000 == 0 {
                        if session.isCancelled() { throw DeskError.interrupted("import interrupted at row \(summary.rows); nothing was committed") }
                        progress?(Progress(rows: summary.rows, bytesDone: reader.position, bytesTotal: reader.totalBytes))
                    }
                    func reject(_ reason: String) {
                        summary.rejected += 1
                        note(&summary, "line \(record.line): \(reason)")
                        if badOut != nil {
                            badOut?.write(Data(bytes[record.range]))
                            write("," + csvQuote(reason) + "\n")
                        }
                    }
                    guard record.fields.count == names.count else {
                        reject("expected \(names.count) fields, found \(record.fields.count)")
                        continue
                    }
                    let get: (String) -> String = { index[$0].map { record.fields[$0] } ?? "" }
                    do {
                        let inserted: Bool
                        switch target {
                        case .registrations:
                            let r = try RowMappers.registration(get)
                            inserted = try store.registrations.upsert(r, at: now, operator: actor, eventKind: "import", bulk: bulk)
                        case .insured:
                            inserted = try store.insured.upsert(try RowMappers.insured(get), bulk: bulk)
                        }
                        if inserted { summary.inserted += 1 } else { summary.updated += 1 }
                    } catch let f as FieldParsers.Failure {
                        reject(f.reason)
                    }
                }
                try bulk.finish()
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

    private func csvQuote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
