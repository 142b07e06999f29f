import Testing
@testable import DeskShell

/// A usage error says what `help` says: it is built from the command table's synopsis, never written twice.
@Suite struct UsageTextTests {
    @Test func everyUsageErrorIsTheCommandsSynopsis() throws {
        var checked = 0
        for spec in CommandTable.all where !spec.name.hasPrefix("\\") && !["quit", "exit", "help", "manpage"].contains(spec.name) {
            let f = try ShellFixture()
            let code = f.shell.execute(spec.name)
            guard let line = f.err.split(separator: "\n").first(where: { $0.contains("cách dùng: ") }) else { continue }
            #expect(code == 2, "\(spec.name)")
            #expect(line.hasSuffix("cách dùng: " + spec.synopsis), "\(spec.name): \(line)")
            checked += 1
        }
        #expect(checked >= 10, "only \(checked) commands gave a usage error without arguments")
    }
}
