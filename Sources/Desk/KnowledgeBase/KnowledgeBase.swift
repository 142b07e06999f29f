import Foundation
import Synchronization
import DeskCore

/// The knowledge base: Markdown files in `kb/`, indexed into the database and rebuilt when the files change.
public struct KnowledgeBase {
    let session: Session
    public init(session: Session) { self.session = session }

    public struct ReindexReport {
        public var loaded: Int
        /// Each "kb/FILE:LINE: what", for the KB's editors.
        public var problems: [DeskMessage]
        public var rebuilt: Bool
    }

    /// Where the articles are. The installed folder (`../share/vssdesk/kb` beside the real executable, or the
    /// project's `kb/` for a development build) is trusted; another folder (`$VSSDESK_KB_DIR`, `./kb`) would let
    /// one operator rewrite what every operator reads to callers (the hotline numbers), so it is root's or an
    /// admin's only (SPEC §13).
    public static func directory(trusting actor: Operator? = nil) -> String? {
        let fm = FileManager.default
        var candidates: [String] = []
        if getuid() == 0 || actor?.role == .admin {
            if let env = getenv("VSSDESK_KB_DIR"), env.pointee != 0 { candidates.append(String(cString: env)) }
            candidates.append(fm.currentDirectoryPath + "/kb")
        }
        candidates += installedDirectories()
        return candidates.first { dir in
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue
                && ((try? fm.contentsOfDirectory(atPath: dir))?.contains { $0.hasSuffix(".md") } ?? false)
        }
    }

    /// Beside the executable the kernel ran (/proc/self/exe), not argv[0], which the caller chooses.
    static func installedDirectories() -> [String] {
        let exePath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let exe = URL(fileURLWithPath: exePath).resolvingSymlinksInPath().deletingLastPathComponent()
        return [exe.appendingPathComponent("../share/vssdesk/kb").standardized.path,
                exe.appendingPathComponent("../../kb").standardized.path,  // .build/debug → project root
                exe.appendingPathComponent("../../../kb").standardized.path]
    }

    /// A fingerprint of the directory's articles and word lists (names, sizes, modification times), so an unchanged KB costs one stat per file.
    static func fingerprint(_ dir: String) -> String {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".md") || $0 == Lexicon.synonymsFile || $0 == Lexicon.stopwordsFile }.sorted()
        return names.map { n -> String in
            let a = try? fm.attributesOfItem(atPath: dir + "/" + n)
            let size = (a?[.size] as? NSNumber)?.intValue ?? 0
            let mtime = (a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(n):\(size):\(Int(mtime * 1000))"
        }.joined(separator: ";")
    }

    /// Rebuilds the index when the files changed (or always with `force`). A malformed article is reported with
    /// file and line and left out; the others still load.
    @discardableResult
    public func refresh(force: Bool = false, directory chosen: String? = nil) throws -> ReindexReport {
        if force { try session.require(.admin, for: "kb reindex") }
        guard let dir = chosen ?? Self.directory(trusting: session.actor) else {
            return ReindexReport(loaded: try session.storage.knowledgeBase.ids().count, problems: [DeskMessage(ServiceText.kbNoDirectory)], rebuilt: false)
        }
        let print = Self.fingerprint(dir)
        if !force, try session.storage.settings.get("kb_fingerprint") == print {
            return ReindexReport(loaded: try session.storage.knowledgeBase.ids().count, problems: [], rebuilt: false)
        }
        var articles: [KBArticle] = []
        var problems: [DeskMessage] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        var seen: [String: String] = [:]
        for name in names {
            let path = dir + "/" + name
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                problems.append(Lexicon.problem("kb/\(name)", 1, .kbNotUTF8))
                continue
            }
            do {
                let a = try ArticleParser.parse(text, file: "kb/\(name)", knownRules: Set(Diagnosis.ruleCodes))
                if let other = seen[a.id] {
                    problems.append(Lexicon.problem("kb/\(name)", 2, .kbDuplicateID, ["id": .text(a.id), "other": .text(other)]))
                    continue
                }
                seen[a.id] = "kb/\(name)"
                articles.append(a)
            } catch let p as ArticleParser.Problem {
                problems.append(Lexicon.problem(p.file, p.line, .kbArticleLeftOut, ["problem": .message(p.message)]))
            }
        }
        let synonyms = Self.read(dir + "/" + Lexicon.synonymsFile), stopwords = Self.read(dir + "/" + Lexicon.stopwordsFile)
        problems += Lexicon.parse(synonyms: synonyms, stopwords: stopwords).problems
        try session.storage.transaction {
            try session.storage.knowledgeBase.replaceAll(articles, fold: Folding.fold)
            try session.storage.settings.set(Self.synonymsKey, synonyms)
            try session.storage.settings.set(Self.stopwordsKey, stopwords)
            try session.storage.settings.set("kb_fingerprint", print)
        }
        return ReindexReport(loaded: articles.count, problems: problems, rebuilt: true)
    }

    /// The word lists travel with the indexed articles, so a search uses the lists its articles were loaded with.
    static let synonymsKey = "kb_synonyms", stopwordsKey = "kb_stopwords"

    /// A word list's text; an absent list is an empty one (a KB folder without lists still searches, less well).
    static func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }

    /// The ranker over the indexed articles and lists, rebuilt only when they changed: a REPL session tokenises the
    /// KB once, not at every question.
    func ranker() throws -> ArticleRanker {
        let articles = try session.storage.knowledgeBase.list()
        let synonyms = try session.storage.settings.get(Self.synonymsKey) ?? "", stopwords = try session.storage.settings.get(Self.stopwordsKey) ?? ""
        let key = ([synonyms, stopwords] + articles.map { [$0.id, $0.title, $0.tags.joined(separator: "|"), $0.body].joined(separator: "\u{1}") })
            .joined(separator: "\u{2}")
        return Self.cache.withLock { cached in
            if let c = cached, c.key == key { return c.ranker }
            let ranker = ArticleRanker(articles: articles, lexicon: Lexicon.parse(synonyms: synonyms, stopwords: stopwords).lexicon)
            cached = (key, ranker)
            return ranker
        }
    }

    private static let cache = Mutex<(key: String, ranker: ArticleRanker)?>(nil)

    /// The articles that fit a caller's question, best first; empty when none fits (`ArticleRanker.threshold`).
    public func search(_ query: String, limit: Int = 5) throws -> [ArticleRanker.Hit] {
        guard !Folding.words(query).isEmpty else {
            throw DeskError.usage(.kbSearchNeedsWords)
        }
        let results = try ranker().rank(query, limit: limit)
        try session.audit("kb_search", target: nil, detail: String(query.prefix(100)))
        return results
    }
}
