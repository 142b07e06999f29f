import DeskCore

/// Name search on PostgreSQL (SPEC §3, §4): the three tiers and the ranking of SQLite's NameSearch — exact
/// diacritics first, then folded, then heard (via `heard_terms`), the last word a prefix, the total counted up to
/// the cap — over one GIN index of `name_lexemes` (schema v1: single words, written words, and pairs of both).
///
/// Why this index, measured on 1,000,000 demo registrations (the demo generator's names, Nguyễn ≈ 38 %) on this
/// machine's 2 cores, shared with other builds (load average 3–5), shared_buffers 2 GB, warm cache:
/// - pg_trgm (`gin_trgm_ops` on `name_folded`, whole words by `\m…\M` regexes; 24 MB): "nguyen thi nhi" 18 ms,
///   "thai phuong hanh" 17 ms, against 0.5 and 0.16 ms here. Trigrams cannot say "whole word", so every candidate
///   is rechecked on the heap, and the trigrams of "nguyen" are as common as the word.
/// - A tsvector of single folded words (to_tsvector 'simple' does the same, less predictably): "nguyen van duc"
///   (623 rows) 6 ms in the index alone, ten times that at 10M, because GIN reads the rarest required word ("van",
///   50,000 rows) and decodes the lists of the others at every candidate. With the pair lexemes it reads
///   `+van+duc` (1,663 rows): 0.4 ms. The index grows from 18 MB to 86 MB with both kinds of pair.
/// - Pairs and single words in one tsquery cost what single words cost (GIN loads every entry of a key for each
///   candidate): "nguyen hong anh" 5.3 ms, and 0.85 ms as two conditions, pairs OR the rare long names
///   (PGTextQuery).
/// - `ORDER BY id LIMIT 100` makes PostgreSQL fetch and sort every match (6 ms for the 623, and for "van duc" it
///   chose a primary-key scan that filtered 63,000 rows: 25 ms); without it the bitmap heap scan stops after the
///   cap (0.5 ms). So matches are taken in the table's physical order up to the cap and put in id order here: the
///   same rows as SQLite's rowid order while rows keep their place, and the same page, total and tiers whenever a
///   search has fewer matches than the cap (every cross-engine test). Past the cap, which hundred are in hand
///   follows the heap, not the id.
/// - Through the service's calls (500 of bench/'s names, release build): folded full name p50 0.94–1.02 ms, p99
///   7.4–7.5 ms; with diacritics p99 8.7–9.2 ms; two words 5.8–8.2; heard 7.0–7.7; one slip 11–15; "nguyen" alone
///   0.9–7.6 ms. The server's share is 0.45 ms a name query on average; the p99 is the busy machine's. At 10M the
///   pair lists are ten times longer and the heap work stays at the cap: the 20 ms goal there is not measured yet.
/// The queries go through `forEach` (an unnamed statement), so that each is planned for its own tsquery: a cached
/// generic plan would guess one selectivity for "nguyen" and for "thai phuong hanh" alike.
extension PGRegistrationStore {
    func searchNames(_ q: NameQuery, filter: RegistrationFilter, limit: Int) throws -> NamePage {
        guard let strict = PGTextQuery.strict(q.words, alternatives: try terms.completions(of: q.words.last)) else {
            return NamePage(registrations: [], total: 0, capped: false, loose: false)
        }
        let cap = max(q.cap, limit)
        var loose = false
        // A name said in order with more namesakes than the cap is found by the start of the folded name alone.
        var matches = try prefixMatches(q, filter: filter, limit: cap)
        if matches.count < cap { matches = try nameMatches(strict, filter: filter, limit: cap) }
        // As on SQLite: every word as a prefix only when a word before the last is not a whole indexed word.
        if matches.isEmpty, try q.words.dropLast().map(NameQuery.clean).contains(where: { !(try terms.contains($0)) }),
           let all = try terms.looseQuery(q.words) {
            loose = true
            matches = try nameMatches(all, filter: filter, limit: cap)
        }
        let capped = matches.count >= cap
        var order = matches.map(\.id)
        if q.exactFirst, !q.exactWords.isEmpty {
            var exactIDs = matches.filter { NameQuery.containsWords(q.exactWords, in: $0.fullName) }.map(\.id)
            if capped && exactIDs.count < limit,
               let exact = PGTextQuery.exact(q.exactWords, alternatives: try terms.completions(of: q.exactWords.last)) {
                exactIDs = try nameMatches(exact, filter: filter, limit: limit).map(\.id)
            }
            let exactSet = Set(exactIDs)
            order = exactIDs + order.filter { !exactSet.contains($0) }
        }
        // The third tier fills what is left of the page, after every exact and folded match (SPEC §4).
        var total = matches.count
        if order.count < limit, let heard = try heardQuery(q) {
            let seen = Set(order)
            let words = q.words.map(NameQuery.clean).filter { !$0.isEmpty }
            let wanted = min(cap, 3 * limit) + seen.count
            var candidates = try heardPrefixMatches(q, filter: filter, limit: wanted)
            if candidates.count < wanted { candidates = try nameMatches(heard, filter: filter, limit: wanted) }
            let more = candidates.filter { !seen.contains($0.id) }
                .map { (id: $0.id, distance: HeardName.distance(words, toName: Folding.fold($0.fullName))) }
                .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.map(\.id)
            order += more.prefix(limit - order.count)
            total += more.count
        }
        return NamePage(registrations: try byRowIDs(Array(order.prefix(limit))), total: total, capped: capped, loose: loose)
    }

    /// The heard tier's matches said in order, by the same btree as `prefixMatches`: each word as said or as a
    /// word it may be a hearing of, whole ("nguyen thanh chang" → names beginning "nguyen thanh trang "), the last
    /// as said also as the start of a word, exactly the heard query's words. At most 32 spellings are tried, each
    /// a range read up to what is still wanted; the heard query's index is asked only when they find too few
    /// ("nguyen thanh chang" at 10M: 25 ms there, for the thousands of "nguyen thanh trang").
    func heardPrefixMatches(_ q: NameQuery, filter: RegistrationFilter, limit: Int) throws -> [(id: Int, fullName: String)] {
        let words = q.words.map(NameQuery.clean).filter { !$0.isEmpty }
        guard !words.isEmpty else { return [] }
        var spellings: [(words: [String], open: Bool)] = [([], false)]
        for (i, w) in words.enumerated() {
            let last = i == words.count - 1
            let options = [(w, last)] + (try terms.heardAlternatives(of: w)).filter { $0 != w }.map { ($0, false) }
            spellings = spellings.flatMap { s in options.map { (s.words + [$0.0], $0.1) } }
            if spellings.count > 32 { return [] }
        }
        var found: [Int: String] = [:]
        for spelling in spellings where found.count < limit {
            let start = spelling.words.joined(separator: " ")
            // A whole last word: the name ends there or goes on after a space.
            let ranges = spelling.open ? [(start, start + "\u{10FFFF}")] : [(start, start + "\u{1}"), (start + " ", start + " \u{10FFFF}")]
            for (from, to) in ranges where found.count < limit {
                for match in try namesFolded(from: from, to: to, filter: filter, limit: limit - found.count) {
                    found[match.id] = match.fullName
                }
            }
        }
        return found.map { (id: $0.key, fullName: $0.value) }.sorted { $0.id < $1.id }
    }

    /// Every query word or an indexed word it may be a hearing of, the last also as the words it may begin; nil
    /// when no word can be heard otherwise (as SQLite's `heardMatch`).
    func heardQuery(_ q: NameQuery) throws -> PGTextQuery.Search? {
        let words = q.words.map(NameQuery.clean).filter { !$0.isEmpty }
        var groups: [[String]] = []
        var heardAny = false
        for (i, w) in words.enumerated() {
            let heard = try terms.heardAlternatives(of: w)
            heardAny = heardAny || !heard.isEmpty
            var options = [w] + heard
            if i == words.count - 1 { options += (try terms.completions(of: w)) ?? [] }
            groups.append(options)
        }
        return heardAny ? PGTextQuery.alternatives(groups) : nil
    }

    /// Ids and names of up to `limit` registrations whose folded name begins with the query's words in the order
    /// said ("nguyen minh ha" → "nguyen minh hanh …"), from the btree of schema v4, in id order. Every such name
    /// matches the query (each word whole, the last as the start of a word), so when there are as many as the cap
    /// they are a capped search's matches, as good as any other hundred; fewer, and the query asks the name index.
    /// Why, measured at 10,000,000 registrations: "nguyen minh ha" has 32,002 matches, and the name index builds a
    /// bitmap of all of them before the first is returned (23 ms, 0.7 µs a match); the range takes 0.3 ms.
    func prefixMatches(_ q: NameQuery, filter: RegistrationFilter, limit: Int) throws -> [(id: Int, fullName: String)] {
        let words = PGTextQuery.cleaned(q.words)
        guard !words.isEmpty else { return [] }
        let start = words.joined(separator: " ")
        return try namesFolded(from: start, to: start + "\u{10FFFF}", filter: filter, limit: limit).sorted { $0.id < $1.id }
    }

    /// Ids and names of up to `limit` registrations whose folded name lies in [from, to), in the btree's order.
    func namesFolded(from: String, to: String, filter: RegistrationFilter, limit: Int) throws -> [(id: Int, fullName: String)] {
        let (clause, values) = Self.whereClause(filter, start: 3)
        var found: [(id: Int, fullName: String)] = []
        try db.forEach("""
            SELECT r.id, r.full_name FROM registrations r WHERE r.name_folded >= $1 AND r.name_folded < $2 AND \(clause)
            LIMIT $\(values.count + 3)
            """, [.text(from), .text(to)] + values + [.int(Int64(limit))]) {
            found.append(($0.int(0) ?? 0, $0.string(1) ?? ""))
        }
        return found
    }

    /// Ids and names of up to `limit` registrations whose lexemes match `search`, in id order.
    func nameMatches(_ search: PGTextQuery.Search, filter: RegistrationFilter, limit: Int) throws -> [(id: Int, fullName: String)] {
        let (match, params) = search.condition("r")
        let (clause, values) = Self.whereClause(filter, start: params.count + 1)
        var found: [(id: Int, fullName: String)] = []
        try db.forEach("""
            SELECT r.id, r.full_name FROM registrations r WHERE \(match) AND \(clause) LIMIT $\(params.count + values.count + 1)
            """, params + values + [.int(Int64(limit))]) { found.append(($0.int(0) ?? 0, $0.string(1) ?? "")) }
        return found.sorted { $0.id < $1.id }
    }

    /// Registrations by row id, in the order given (ids that no longer exist are left out).
    func byRowIDs(_ ids: [Int]) throws -> [Registration] {
        guard !ids.isEmpty else { return [] }
        let rows = try db.query("SELECT r.id, \(PGRegistrationRows.selectColumns) FROM registrations r WHERE r.id = ANY($1::bigint[])",
                                [.text("{" + ids.map(String.init).joined(separator: ",") + "}")])
        var byID: [Int: Registration] = [:]
        for row in rows { byID[row.int(0) ?? 0] = PGRegistrationRows.registration(row, offset: 1) }
        return ids.compactMap { byID[$0] }
    }
}

extension PGInsuredStore {
    /// People of the extract without a registration whose name matches; `loose` matches every word as a prefix.
    func searchNamesUnregistered(_ q: NameQuery, loose: Bool, limit: Int) throws -> [InsuredPerson] {
        let query = loose ? try terms.looseQuery(q.words)
            : PGTextQuery.strict(q.words, alternatives: try terms.completions(of: q.words.last))
        guard let query, limit > 0 else { return [] }
        let (match, params) = query.condition("i")
        var found: [(id: Int, person: InsuredPerson)] = []
        try db.forEach("""
            SELECT i.id, \(PGInsuredRows.selectColumns) FROM insured i
            WHERE \(match) AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = i.bhxh_code)
            LIMIT $\(params.count + 1)
            """, params + [.int(Int64(limit))]) { found.append(($0.int(0) ?? 0, PGInsuredRows.person($0, offset: 1))) }
        return found.sorted { $0.id < $1.id }.map(\.person)
    }
}

extension PGTextQuery.Search {
    /// The WHERE condition on the name index of table alias `t`, and its parameters ($1, and $2 for long names).
    func condition(_ t: String) -> (String, [PGValue]) {
        guard let longNames else { return ("\(t).name_lexemes @@ $1::tsquery", [.text(main)]) }
        return ("(\(t).name_lexemes @@ $1::tsquery OR \(t).name_lexemes @@ $2::tsquery)", [.text(main), .text(longNames)])
    }
}

extension PGNameTerms {
    /// Every word as the start of a word, each as its completions from `name_terms` (or a prefix if too many).
    func looseQuery(_ words: [String]) throws -> PGTextQuery.Search? {
        let words = PGTextQuery.cleaned(words)
        return PGTextQuery.loose(words, completions: try words.map { try completions(of: $0) })
    }
}
