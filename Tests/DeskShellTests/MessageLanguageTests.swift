import Foundation
import Testing
@testable import DeskShell
import Desk
import DeskCore

/// SPEC §14 for what the services and rules say: every typed message (`ServiceText`, `FindingText`, `IdentityText`,
/// `Setting.Problem`, the shell's own) has its text in both catalogs, is said in Vietnamese without English and in
/// English without Vietnamese, and no catalog keeps a text nobody says.
struct MessageLanguageTests {
    /// Every family of typed messages, by its keys.
    static let families: [(name: String, keys: [String])] = [
        ("ServiceText", ServiceText.allCases.map(\.rawValue)),
        ("FindingText", FindingText.allCases.map(\.rawValue)),
        ("IdentityText", IdentityText.allCases.map(\.rawValue)),
        ("Setting.Problem", Setting.Problem.allCases.map(\.rawValue)),
        ("ShellText", ShellText.allCases.map(\.rawValue)),
    ]

    /// A value for each of the template's placeholders (a count, so that plural forms are chosen too).
    static func sample(_ template: String) -> [String: DeskMessage.Argument] {
        Dictionary(uniqueKeysWithValues: Catalog.placeholders(template).map { ($0, DeskMessage.Argument.int(2)) })
    }

    /// Every typed message said in `language`, with sample values.
    static func said(_ language: Language) -> [(key: String, text: String)] {
        let catalog = Catalog(language)
        return families.flatMap(\.keys).map { key in
            (key, catalog.say(Sayable(key: key, arguments: sample(catalog.template(TextKey(key)))).message))
        }
    }

    @Test(arguments: Language.allCases) func everyTypedMessageHasItsTextInBothCatalogs(language: Language) {
        var count = 0
        for (family, keys) in Self.families {
            #expect(!keys.isEmpty, "\(family) has no keys")
            #expect(Set(keys).count == keys.count, "\(family) names a key twice")
            for key in keys {
                #expect(Catalog.table(language)[key] != nil, "\(family) \(key) missing in \(language)")
                count += 1
            }
        }
        #expect(count > 250)
    }

    /// A catalog's service, rule and identifier texts are exactly those the code can say (none left over).
    @Test func noCatalogTextOutlivesItsMessage() {
        let typed = Set(Self.families.flatMap(\.keys))
        for language in Language.allCases {
            let inCatalog = Catalog.table(language).keys.filter {
                ["desk.", "finding.", "identity.", "setting."].contains(where: $0.hasPrefix) && $0 != "setting.invalid"
            }
            #expect(Set(inCatalog).subtracting(typed).isEmpty, "\(language): \(Set(inCatalog).subtracting(typed).sorted())")
        }
    }

    @Test func everyTypedMessageInVietnameseHasNoEnglishWordAndInEnglishNoVietnameseWord() {
        for (key, text) in Self.said(.vi) {
            #expect(!text.isEmpty && !text.contains("{"), "\(key): \(text)")
            #expect(LanguageWords.englishIn(text).isEmpty, "\(key): \(LanguageWords.englishIn(text)) in \"\(text)\"")
        }
        for (key, text) in Self.said(.en) where !text.contains("{to}") {
            #expect(!text.isEmpty && !text.contains("{"), "\(key): \(text)")
            #expect(LanguageWords.vietnameseIn(text).isEmpty, "\(key): \(LanguageWords.vietnameseIn(text)) in \"\(text)\"")
        }
    }

    /// Every text of both catalogs (the shell's lines, table headers, names of machine values, help), not only the
    /// typed messages.
    @Test func everyCatalogTextIsInItsLanguage() {
        for (key, text) in Catalog.table(.vi) {
            let values = Dictionary(uniqueKeysWithValues: Catalog.placeholders(text).map { ($0, TextArgument.int(2)) })
            let filled = Catalog.fill(text, values, language: .vi)
            #expect(LanguageWords.englishIn(filled).isEmpty, "vi \(key): \(LanguageWords.englishIn(filled)) in \"\(filled)\"")
        }
        for (key, text) in Catalog.table(.en) {
            #expect(LanguageWords.vietnameseIn(text).isEmpty, "en \(key): \(LanguageWords.vietnameseIn(text)) in \"\(text)\"")
        }
    }

    /// The checks can fail: an English sentence in the Vietnamese catalog, a Vietnamese one in the English.
    @Test func theChecksCatchTheWrongLanguage() {
        #expect(LanguageWords.englishIn("không có phiếu #2; the ticket was not found") == ["the", "ticket", "was", "not", "found"])
        #expect(LanguageWords.englishIn("Gõ `ticket show 1` hoặc --status open; mã SMS_FAILED") == [])
        #expect(LanguageWords.vietnameseIn("no ticket #2: phiếu đã đóng") == ["phiếu", "đã", "đóng"])
        #expect(LanguageWords.vietnameseIn("the mã số BHXH of BHXH Quận 6, “Dịch vụ công”") == [])
        #expect(LanguageWords.rawKeys("lỗi: desk.noTicket") == ["desk.noTicket"])
    }

    /// Every refusal a service throws reaches the operator from the catalog: the exit code of its kind, a text in the
    /// operator's language, never its key.
    @Test(arguments: Language.allCases) func refusalsAreSaidNeverPrintedAsKeys(language: Language) {
        let catalog = Catalog(language)
        let errors: [(Error, Int32)] = [
            (DeskError.notFound(.noTicket, ["id": "7"]), 1), (DeskError.usage(.searchNeedsQuery), 2),
            (DeskError.notAllowed(.roleNeeded, ["what": "audit", "role": .value(group: "role", raw: "supervisor"), "login": "hoa",
                                                "actual": .value(group: "role", raw: "operator")]), 3),
            (DeskError.unavailable(.databaseBusy), 4), (DeskError.interrupted(.interruptedNothingChanged), 1),
            (DeskError.rejectedInput(summary: DeskMessage(ServiceText.importRejected, ["file": "a.csv", "rejected": 1, "rows": 2]),
                                     problems: [DeskMessage(ServiceText.rowProblem, ["line": 3, "problem": .message(DeskMessage(ServiceText.csvNulByte))])]), 1),
            (Setting.Invalid(key: "language", problem: DeskMessage(Setting.Problem.language, ["value": "xx", "choices": .text(Language.choices)])), 1),
            (UnknownLanguage(value: "fr"), 2), (FileProblem.cannotRead(path: "/x"), 1),
        ]
        for (error, code) in errors {
            let (exit, text) = ExitCode.of(error, catalog: catalog)
            #expect(exit == code, "\(error)")
            #expect(!text.isEmpty && LanguageWords.rawKeys(text).isEmpty, "\(error): \(text)")
            if language == .vi { #expect(LanguageWords.englishIn(text).isEmpty, "\(text)") } else { #expect(LanguageWords.vietnameseIn(text).isEmpty, "\(text)") }
        }
        #expect(ExitCode.of(DeskError.notFound(.noTicket, ["id": "7"]), catalog: .vi).message == "không có phiếu #7")
        #expect(ExitCode.of(DeskError.notFound(.noTicket, ["id": "7"]), catalog: .en).message == "no ticket #7")
    }

    /// Values are written the language's way inside a message: machine values by name, dates `dd/MM/yyyy`, times in
    /// desk time, office minutes in `phút`, lists joined with the language's "and".
    @Test func argumentsAreWrittenTheLanguagesWay() {
        let m = DeskMessage(ServiceText.cannotMove, ["id": "5", "status": .value(group: "ticket", raw: "open"),
                                                     "allowed": .values(group: "ticket", raws: ["pending", "resolved"])])
        #expect(Catalog.vi.say(m) == "phiếu #5 đang ở trạng thái “đang mở”; chỉ chuyển được sang: chờ khách, đã giải quyết")
        #expect(Catalog.en.say(m) == "ticket #5 is open; it can go to: waiting for caller, resolved")
        #expect(Catalog.vi.string(.date("2025-03-07")) == "07/03/2025" && Catalog.en.string(.date("2025-03-07")) == "07/03/2025")
        #expect(Catalog.vi.string(.time("2025-03-13T02:00:00Z")) == "13/03/2025 09:00")
        #expect(Catalog.vi.string(.minutes(960)) == "960 phút" && Catalog.en.string(.minutes(1)) == "1 minute")
        #expect(Catalog.vi.string(.int(1234)) == "1.234" && Catalog.en.string(.int(1234)) == "1,234")
        let and = DeskMessage.Argument.list([DeskMessage(FindingText.childAge, ["age": 19]), DeskMessage(FindingText.childRegistryCCCD, ["id": "079***"])], .and)
        #expect(Catalog.vi.string(and) == "đã 19 tuổi và đã có số CCCD 079*** trong dữ liệu BHXH")
        #expect(Catalog.en.string(and) == "is 19 years old and has the CCCD number 079*** in the BHXH data")
    }
}

/// A message of any family by its raw key, for the tests that say every key (the families' own initialisers are
/// typed by family).
private struct Sayable {
    let key: String
    let arguments: [String: DeskMessage.Argument]
    var message: DeskMessage {
        if let k = ServiceText(rawValue: key) { return DeskMessage(k, arguments) }
        if let k = FindingText(rawValue: key) { return DeskMessage(k, arguments) }
        if let k = IdentityText(rawValue: key) { return DeskMessage(k, arguments) }
        if let k = Setting.Problem(rawValue: key) { return DeskMessage(k, arguments) }
        return DeskMessage(ShellText(rawValue: key)!, arguments)
    }
}
