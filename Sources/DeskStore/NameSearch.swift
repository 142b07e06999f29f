import DeskCore

/// Name search over the FTS5 indexes (SPEC §3, §4): the FTS5 query text, the `name_terms` expansion of the last
/// word, the exact-diacritics ranking and one query for the page's rows.
extension RegistrationStore {
    /// One pass over the index, up to the cap, gives the page, the ranking and the total. With diacritics in the
    /// query, exact-diacritic matches come first: picked from the matches in hand, or asked of the `full_name` index
    /// when there were more than the cap and too few exact ones among them.
    public func searchNames(_ q: NameQuery, filter: RegistrationFilter, limit: Int) throws -> NamePage {
        guard let strict = FTSQuery.withLastWord(q.words, column: "name_folded", alternatives: try nameTerms.completions(of: q.words.last)) else {
            return NamePage(registrations: [], total: 0, capped: false, loose: false)
        }
        let cap = max(q.cap, limit)
        var loose = false
        var matches = try nameMatches(match: strict, filter: filter, limit: cap)
        // Every word as a prefix only helps when a word before the last is not a whole indexed word ("nguy van
        // duc"); otherwise the strict query already asked for everything, and the prefix merge is the slow part.
        if matches.isEmpty, try q.words.dropLast().map(FTSQuery.clean).contains(where: { !(try nameTerms.contains($0)) }),
           let all = FTSQuery.prefixAll(q.words, column: "name_folded") {
            loose = true
            matches = try nameMatches(match: all, filter: filter, limit: cap)
        }
        let capped = matches.count >= cap
        var order = matches.map(\.id)
        if q.exactFirst, !q.exactWords.isEmpty {
            // The matches are in id order and include every exact one, so if enough exact ones are in hand they are
            // the first ones there are.
            var exactIDs = matches.filter { NameQuery.containsWords(q.exactWords, in: $0.fullName) }.map(\.id)
            if capped && exactIDs.count < limit,
               let exact = FTSQuery.withLastWord(q.exactWords, column: "full_name", alternatives: try nameTerms.completions(of: q.exactWords.last)) {
                exactIDs = try nameMatches(match: exact, filter: filter, limit: limit).map(\.id)
            }
            let exactSet = Set(exactIDs)
            order = exactIDs + order.filter { !exactSet.contains($0) }
        }
        // The third tier fills what is left of the page, after every exact and folded match (SPEC §4).
        var total = matches.count
        if order.count < limit, let heard = try heardMatch(q) {
            let seen = Set(order)
            // Closest hearing first (same sound before a slip), then in id order like the other tiers.
            let words = q.words.map(FTSQuery.clean).filter { !$0.isEmpty }
            // A few pages' worth is enough to rank the page's heard rows; the total says how many there are.
            let more = try nameMatches(match: heard, filter: filter, limit: min(cap, 3 * limit) + seen.count).filter { !seen.contains($0.id) }
                .map { (id: $0.id, distance: HeardName.distance(words, toName: Folding.fold($0.fullName))) }
                .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.map(\.id)
            order += more.prefix(limit - order.count)
            total += more.count
        }
        return NamePage(registrations: try byRowIDs(Array(order.prefix(limit))), total: total, capped: capped, loose: loose)
    }

    /// FTS5 text matching every query word or an indexed word it may be a hearing of (`heard_terms`), the last word
    /// also as the words it may begin; nil when no word can be heard otherwise.
    func heardMatch(_ q: NameQuery) throws -> String? {
        let words = q.words.map(FTSQuery.clean).filter { !$0.isEmpty }
        var groups: [[String]] = []
        var heardAny = false
        for (i, w) in words.enumerated() {
            var options = [w]
            let heard = try heardTerms.alternatives(of: w)
            heardAny = heardAny || !heard.isEmpty
            options += heard
            if i == words.count - 1 { options += (try nameTerms.completions(of: w)) ?? [] }
            var unique: [String] = []
            for o in options where !unique.contains(o) { unique.append(o) }
            groups.append(unique)
        }
        guard heardAny else { return nil }
        return FTSQuery.alternatives(groups, column: "name_folded")
    }

    /// The ids and names of the registrations whose name index matches `match` (FTS5 text from `FTSQuery`), in id
    /// order, at most `limit`.
    func nameMatches(match: String, filter: RegistrationFilter, limit: Int) throws -> [(id: Int, fullName: String)] {
        let (clause, values) = Self.whereClause(filter, startIndex: 2)
        return try db.query("""
            SELECT r.id, r.full_name FROM registrations_fts f JOIN registrations r ON r.id = f.rowid
            WHERE registrations_fts MATCH ?1 AND \(clause) LIMIT ?\(values.count + 2)
            """, [.text(match)] + values + [.int(Int64(limit))]).map { ($0.int(0) ?? 0, $0.string(1) ?? "") }
    }

    /// Registrations by row id, in the order given (ids that no longer exist are left out): one query for the page.
    func byRowIDs(_ ids: [Int]) throws -> [Registration] {
        guard !ids.isEmpty else { return [] }
        let marks = ids.indices.map { "?\($0 + 1)" }.joined(separator: ",")
        let rows = try db.query("SELECT r.id, \(Self.selectColumns) FROM registrations r WHERE r.id IN (\(marks))",
                                ids.map { .int(Int64($0)) })
        var byID: [Int: Registration] = [:]
        for row in rows { byID[row.int(0) ?? 0] = Self.registration(from: row, offset: 1) }
        return ids.compactMap { byID[$0] }
    }
}

extension InsuredStore {
    /// People of the extract without a registration whose name matches; `loose` matches every word as a prefix.
    public func searchNamesUnregistered(_ q: NameQuery, loose: Bool, limit: Int) throws -> [InsuredPerson] {
        let match = loose ? FTSQuery.prefixAll(q.words, column: "name_folded")
            : FTSQuery.withLastWord(q.words, column: "name_folded", alternatives: try nameTerms.completions(of: q.words.last))
        guard let match else { return [] }
        return try searchNamesUnregistered(match: match, limit: limit)
    }
}
