/// CSV is made from the JSON document, not from the screen table, so the two cannot drift (SPEC §10): the header
/// row is the JSON field names (snake_case, the same in every language) and each cell is the JSON value — ids as
/// numbers (`12`, not `#12`), times in ISO 8601 UTC, booleans `true`/`false`, null empty, a nested array or object as
/// compact JSON text. The records are the array named by the first table that declares `records`, else the
/// document's first member that is an array of objects; a document without one (`config list`) prints its first
/// table as it is, one without a table its lines, and an empty array prints nothing (there are no field names to print).
extension CommandOutput {
    public var forCSV: CommandOutput {
        guard let records = csvRecords else { return self }
        var out = self
        out.tables = records.isEmpty ? [] : [Self.csvTable(records)]
        out.lines = []
        out.footer = []
        return out
    }

    /// The objects CSV prints, or nil when the document has no array of objects to print.
    var csvRecords: [[(String, JSONValue)]]? {
        guard !tables.isEmpty, case .object(let members) = json else { return nil }
        func objects(_ v: JSONValue) -> [[(String, JSONValue)]]? {
            guard case .array(let items) = v else { return nil }
            var out: [[(String, JSONValue)]] = []
            for item in items {
                guard case .object(let pairs) = item else { return nil }
                out.append(pairs)
            }
            return out
        }
        if let key = tables.lazy.compactMap(\.records).first {
            return members.first { $0.0 == key }.flatMap { objects($0.1) }
        }
        for (_, value) in members {
            if let found = objects(value) { return found }
        }
        return nil
    }

    static func csvTable(_ records: [[(String, JSONValue)]]) -> Table {
        var keys: [String] = []
        var seen: Set<String> = []
        for record in records {
            for (k, _) in record where seen.insert(k).inserted { keys.append(k) }
        }
        let rows = records.map { record -> [String] in
            keys.map { key in record.first { $0.0 == key }.map { csvCell($0.1) } ?? "" }
        }
        return Table(columns: keys, rows: rows)
    }

    static func csvCell(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return s
        default: return v.serialized()
        }
    }
}
