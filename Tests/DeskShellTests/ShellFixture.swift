import Foundation
@testable import DeskShell
import Desk
import DeskCore
import DeskStore

/// A shell on a fresh temporary database, with stdout and stderr captured.
final class ShellFixture {
    let store: Store
    let shell: Shell
    var out = ""
    var err = ""

    init(format: OutputFormat = .table) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try Store(path: dir.appendingPathComponent("t.sqlite").path, create: true)
        try store.operators.upsert(Operator(login: "hoa", displayName: "Trần Thị Hoa", line: 121, role: .admin), at: "2025-01-01T00:00:00Z")
        let session = Session(store: store, actor: try store.operators.get("hoa")!,
                              clock: Clock(fixed: DateText.parseInstant("2025-03-12T09:00:00+07:00")!))
        shell = Shell(session: session, format: format)
        shell.knowledgeBaseChecked = true
        shell.writeOut = { [unowned self] in self.out += $0 }
        shell.writeErr = { [unowned self] in self.err += $0 }
    }
}
