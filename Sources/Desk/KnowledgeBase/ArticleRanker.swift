import Foundation
import DeskCore

/// Ranks the knowledge base for a caller's question. Pure: the articles and the word lists go in, a ranking comes
/// out, so it is tested with tables and needs no database.
///
/// Vietnamese is written in syllables ("mật khẩu", "tin nhắn", "tài khoản" are two-syllable words), so the terms are
/// the folded syllables and the pairs of adjacent syllables within a phrase; a pair is worth `pairBoost` times a
/// syllable, so a question's expression outranks the same syllables scattered through an article. Each term scores
/// BM25F-style — `idf × Σ field weight × saturated term frequency`, each field's frequency normalised by its length
/// (https://en.wikipedia.org/wiki/Okapi_BM25) — with the title and the tags, which say what an article is about,
/// weighted above the body. A body sentence that sends the reader to another article ("xem bài …") speaks of that
/// other topic, so it counts for little. Stop words are never terms on their own, only inside a pair with a word
/// that is not one ("bị khóa", "cho con").
public struct ArticleRanker: Sendable {
    public struct Hit: Equatable, Sendable {
        public var id: String
        public var title: String
        public var score: Double
    }

    /// Below this score nothing fits. One rare syllable in a body scores about 2.7, in a tag about 6.8, a phrase
    /// in a body about 6; right answers on the evaluation set start near 6, off-topic questions that share a word
    /// or two with an article ("mua vé máy bay") stay under 4 (KnowledgeBaseTests, BENCHMARKS.md).
    public static let threshold = 4.0
    static let titleWeight = 3.0, tagsWeight = 2.5, bodyWeight = 1.0
    static let pairBoost = 1.5
    static let pointerWeight = 0.25
    static let k1 = 1.2, b = 0.75

    struct Document: Sendable {
        var id: String
        var title: String
        var titleTF: [String: Double] = [:]
        var tagsTF: [String: Double] = [:]
        var bodyTF: [String: Double] = [:]
        var titleLength = 0.0
        var tagsLength = 0.0
        var bodyLength = 0.0
    }

    let lexicon: Lexicon
    private var documents: [Document] = []
    private var idf: [String: Double] = [:]
    private var average = (title: 1.0, tags: 1.0, body: 1.0)

    public init(articles: [KBArticle], lexicon: Lexicon) {
        self.lexicon = lexicon
        for a in articles {
            var d = Document(id: a.id, title: a.title)
            for phrase in Syllable.phrases(a.title) { d.titleLength += Self.count(terms(phrase), into: &d.titleTF) }
            for tag in a.tags { for phrase in Syllable.phrases(tag) { d.tagsLength += Self.count(terms(phrase), into: &d.tagsTF) } }
            for sentence in Self.sentences(a.body) {
                let weight = Self.isPointer(sentence) ? Self.pointerWeight : 1
                for phrase in Syllable.phrases(sentence) {
                    d.bodyLength += Self.count(terms(phrase), into: &d.bodyTF, weight: weight)
                }
            }
            documents.append(d)
        }
        let n = Double(documents.count)
        var df: [String: Double] = [:]
        for d in documents {
            for t in Set(d.titleTF.keys).union(d.tagsTF.keys).union(d.bodyTF.keys) { df[t, default: 0] += 1 }
        }
        idf = df.mapValues { (count: Double) -> Double in log((n + 1) / count) }
        let count = max(1, n)
        let title: Double = documents.reduce(0) { $0 + $1.titleLength }, tags: Double = documents.reduce(0) { $0 + $1.tagsLength }
        let body: Double = documents.reduce(0) { $0 + $1.bodyLength }
        average = (max(1, title / count), max(1, tags / count), max(1, body / count))
    }

    /// The articles that fit `query`, best first (ties by id); empty when none reaches `threshold`.
    public func rank(_ query: String, limit: Int = 5) -> [Hit] {
        let q = Set(Syllable.phrases(query).flatMap { terms($0, question: true) })
        guard !q.isEmpty else { return [] }
        var hits: [Hit] = []
        for d in documents {
            let s = score(d, q)
            if s >= Self.threshold { hits.append(Hit(id: d.id, title: d.title, score: s)) }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        return Array(hits.prefix(max(0, limit)))
    }

    /// The search terms of one phrase: its non-stop syllables and its adjacent pairs that are not two stop words.
    /// An article's term is indexed by its folded key and, when written with diacritics, by its spelling too
    /// (`=` and the surface); a question's term typed with diacritics looks for that spelling ("giá" is not "giả",
    /// "năm" is not "nam"), one typed without looks for the key.
    func terms(_ phrase: [Syllable], question: Bool = false) -> [String] {
        let t = lexicon.normalise(phrase)
        var out: [String] = []
        func add(_ key: String, _ surface: String?) {
            if question { out.append(surface.map { "=" + $0 } ?? key) } else { out.append(key); if let s = surface { out.append("=" + s) } }
        }
        for x in t where !x.isStop { add(x.syllable.key, x.syllable.accented ? x.syllable.surface : nil) }
        for (x, y) in zip(t, t.dropFirst()) where !(x.isStop && y.isStop) {
            let accented = x.syllable.accented && y.syllable.accented
            add(x.syllable.key + " " + y.syllable.key, accented ? x.syllable.surface + " " + y.syllable.surface : nil)
        }
        return out
    }

    func score(_ d: Document, _ query: Set<String>) -> Double {
        func norm(_ length: Double, _ average: Double) -> Double { Self.k1 * (1 - Self.b + Self.b * length / average) }
        let k = (title: norm(d.titleLength, average.title), tags: norm(d.tagsLength, average.tags), body: norm(d.bodyLength, average.body))
        func saturate(_ tf: Double, _ k: Double) -> Double { tf * (Self.k1 + 1) / (tf + k) }
        var total = 0.0
        for t in query {
            guard let w = idf[t] else { continue }
            let title = Self.titleWeight * saturate(d.titleTF[t] ?? 0, k.title)
            let tags = Self.tagsWeight * saturate(d.tagsTF[t] ?? 0, k.tags)
            let fields = title + tags + Self.bodyWeight * saturate(d.bodyTF[t] ?? 0, k.body)
            total += w * fields * (t.contains(" ") ? Self.pairBoost : 1)
        }
        return total
    }

    /// Adds `terms` to a field's frequencies; returns how many syllables they held (the field's length).
    @discardableResult
    private static func count(_ terms: [String], into tf: inout [String: Double], weight: Double = 1) -> Double {
        for t in terms { tf[t, default: 0] += weight }
        return Double(terms.filter { !$0.contains(" ") && !$0.hasPrefix("=") }.count)
    }

    /// Body sentences: a line, or the parts of a line between full stops.
    static func sentences(_ body: String) -> [String] {
        body.split(whereSeparator: { $0.isNewline }).flatMap { $0.components(separatedBy: ". ") }
    }

    /// "xem bài …", "xem thêm bài …": a cross-reference to another article.
    static func isPointer(_ sentence: String) -> Bool {
        let folded = " " + Folding.fold(sentence) + " "
        return folded.contains(" xem bai ") || folded.contains(" xem them bai ")
    }
}
