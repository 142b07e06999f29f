import Foundation
import Testing
@testable import Desk
@testable import DeskCore
import DeskStore

/// The ranking alone, over small hand-made articles and word lists: no database.
@Suite struct ArticleRankerTests {
    static func article(_ id: String, _ title: String, tags: [String] = [], _ body: String) -> KBArticle {
        KBArticle(id: id, title: title, tags: tags, rules: [], body: body, path: "kb/\(id).md")
    }

    static let lexicon = Lexicon.parse(synonyms: "ko\tkhông\nmk\tmật khẩu\ntk\ttài khoản\ncmnd\tchứng minh nhân dân\nchứng minh thư\tchứng minh nhân dân\n",
                                       stopwords: "tôi\nkhông\nlàm sao\nbị\ncó\nthì\nlà\nanh\n").lexicon

    static let articles = [
        article("phrase", "Tin nhắn mật khẩu", "Khi không nhận được tin nhắn thì gọi tổng đài."),
        article("scattered", "Nhắn tin cho tổng đài", "Gửi tin cho bạn, nhắn mật mã, khẩu hiệu cũng được."),
        article("photo", "Chụp ảnh chân dung", "Ảnh rõ mặt, đủ sáng."),
        article("paper", "Cập nhật chứng minh nhân dân", "Đổi sang căn cước trên cổng dịch vụ công."),
        article("price", "Giá cước", "Bảng giá tin nhắn."),
        article("fake", "Tổng đài giả", "Số giả mạo đòi tiền."),
    ]

    func top(_ q: String, _ articles: [KBArticle] = articles) -> String? {
        ArticleRanker(articles: articles, lexicon: Self.lexicon).rank(q).first?.id
    }

    @Test(arguments: [
        ("không nhận được tin nhắn", "phrase"),         // the pair "tin nhắn" beats "nhắn tin" and scattered syllables
        ("ko nhan duoc mk", "phrase"),                   // texting forms and no diacritics
        ("tôi bị làm sao chụp ảnh", "photo"),            // stop words decide nothing
        ("chup anh", "photo"),                           // unaccented "anh" is a stop word, the pair still counts
        ("chứng minh thư", "paper"),                     // a synonym in the question ...
        ("cmnd", "paper"),                               // ... and in the article
        ("giá", "price"), ("giả", "fake"),               // typed with diacritics, one word; not another
    ])
    func theRightArticleComesFirst(_ question: String, _ expected: String) {
        #expect(top(question) == expected, "\(ArticleRanker(articles: Self.articles, lexicon: Self.lexicon).rank(question))")
    }

    @Test func titleAndTagsOutweighTheBody() {
        let a = [Self.article("body", "Khác", "Đổi email ở cổng dịch vụ công, đổi email xong thì đăng nhập lại."),
                 Self.article("title", "Đổi email", "Vào cổng dịch vụ công."),
                 Self.article("tags", "Khác nữa", tags: ["đổi email"], "Vào cổng dịch vụ công.")] + Self.articles
        let ranked = ArticleRanker(articles: a, lexicon: Self.lexicon).rank("đổi email").map(\.id)
        #expect(Set(ranked.prefix(2)) == ["title", "tags"], "\(ranked)")
    }

    @Test func aCrossReferenceSpeaksOfTheOtherTopic() {
        let a = [Self.article("forgot", "Quên mật khẩu", "Không còn dùng email cũ: xem bài \"Đổi email\"."),
                 Self.article("change", "Đổi email", "Email mới nhập ở cổng dịch vụ công."),
                 Self.article("other", "Tải ứng dụng", "Vào kho ứng dụng.")] + Self.articles
        #expect(top("email cũ không dùng nữa", a) == "change")
    }

    @Test(arguments: ["thời tiết hôm nay", "tôi là", "anh ơi", "xyz", "?!"])
    func nothingFitsIsAnEmptyList(_ question: String) {
        #expect(ArticleRanker(articles: Self.articles, lexicon: Self.lexicon).rank(question).isEmpty)
    }

    @Test func scoresAreOrderedTiesByIdAndLimited() {
        let hits = ArticleRanker(articles: Self.articles, lexicon: Self.lexicon).rank("tổng đài tin nhắn", limit: 2)
        #expect(hits.count == 2)
        #expect(hits[0].score >= hits[1].score)
        #expect(hits.allSatisfy { $0.score >= ArticleRanker.threshold })
        let twins = [Self.article("b", "Tổng đài", "x"), Self.article("a", "Tổng đài", "x")]
        #expect(ArticleRanker(articles: twins, lexicon: Self.lexicon).rank("tổng đài").map(\.id) == ["a", "b"])
        #expect(ArticleRanker(articles: [], lexicon: .empty).rank("tổng đài").isEmpty)
    }
}

@Suite struct LexiconTests {
    @Test(arguments: [
        ("ko\tkhông\nko\tkhông\n", "", "kb/synonyms.tsv:2: ko is already a variant"),
        ("ko không\n", "", "kb/synonyms.tsv:1: expected variant<TAB>canonical"),
        ("khoá\tkhóa\n", "", "kb/synonyms.tsv:1: khoá maps to itself"),
        ("a\tb\nb\tc\n", "", "kb/synonyms.tsv:1: b is itself a variant"),
        ("!!\tkhông\n", "", "kb/synonyms.tsv:1: no letters or digits"),
        ("", "tôi\ntôi\n", "kb/stopwords.txt:2: tôi listed twice"),
        ("ko\tkhông\n", "ko\n", "kb/stopwords.txt:1: ko is a synonym variant"),
        ("", "...\n", "kb/stopwords.txt:1: no letters or digits"),
    ])
    func badLinesAreReportedWithFileAndLine(_ synonyms: String, _ stopwords: String, _ problem: String) {
        let problems = Lexicon.parse(synonyms: synonyms, stopwords: stopwords).problems
        #expect(problems.contains { $0.english.hasPrefix(problem) }, "\(problems.map(\.english))")
    }

    @Test func theShippedListsAreClean() throws {
        let dir = KnowledgeBaseTests.kbDir
        let synonyms = try String(contentsOfFile: dir + "/" + Lexicon.synonymsFile, encoding: .utf8)
        let stopwords = try String(contentsOfFile: dir + "/" + Lexicon.stopwordsFile, encoding: .utf8)
        #expect(Lexicon.parse(synonyms: synonyms, stopwords: stopwords).problems.isEmpty)
    }

    @Test func longestVariantFirstThenStopWords() {
        let lex = Lexicon.parse(synonyms: "chứng minh\tcmnd\nchứng minh thư\tcmnd\nk\tkhông\n", stopwords: "không\nlàm sao\n").lexicon
        let terms = lex.normalise(Syllable.phrases("k có chứng minh thư làm sao")[0])
        #expect(terms.map(\.syllable.key) == ["khong", "co", "cmnd", "lam", "sao"])
        #expect(terms.map(\.isStop) == [true, false, false, true, true])
        #expect(lex.normalise(Syllable.phrases("khoá")[0]).map(\.syllable.key) == ["khoa"])
    }
}
