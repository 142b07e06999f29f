import ArgumentParser
import DeskCore
import DeskShell
import DeskStore
import Foundation

// Installed setgid, the process holds the desk's group only while it opens the desk's own files (SPEC §13).
DeskGroup.dropAtStart()

/// The process's own flags; everything after them is a vssdesk command line.
struct VssdeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vssdesk",
        abstract: "The console of the VssID hotline of BHXH Quận 6 (its help is ProcessHelp's, in the user's language).")

    @Option(name: .long, help: "Database file (default $VSSDESK_DB or ./vssdesk.sqlite).") var db: String?
    @Option(name: .long, help: "table | vertical | csv | json | auto") var format: String?
    @Option(name: .customLong("as"), help: "Act as this operator (root only).") var actAs: String?
    @Option(name: .customShort("c"), help: "Run this command (repeatable).") var commands: [String] = []
    @Option(name: .customShort("f"), help: "Run the commands in FILE (- for stdin).") var file: String?
    @Option(name: .customLong("on-error"), help: "stop | continue") var onError: String = "stop"
    @Flag(name: .customLong("no-color"), help: "Never use colours.") var noColor = false
    @Argument(parsing: .captureForPassthrough, help: "A command and its arguments.") var words: [String] = []
}

// The everyday forms skip ArgumentParser's reflection (see PlainArguments); it still answers everything else.
if let options = PlainArguments.parse(Array(CommandLine.arguments.dropFirst())) {
    exit(Launcher.run(options))
}

// Said in the user's language (VSSDESK_LANG, else Vietnamese): ArgumentParser's own help and messages are English.
let catalog = Catalog((try? Language.resolve(ProcessInfo.processInfo.environment["VSSDESK_LANG"])) ?? .default)
func processHelp() -> Never {
    FileHandle.standardOutput.write(Data(ProcessHelp.render(catalog).utf8))
    exit(0)
}

do {
    var parsed = try VssdeskCommand.parseAsRoot()
    guard let cmd = parsed as? VssdeskCommand else { try parsed.run(); exit(0) }
    // Passthrough capture keeps a leading --help as a command word; answer it as the process's own help.
    if let first = cmd.words.first, first == "--help" || first == "-h" { processHelp() }
    var options = LaunchOptions()
    options.databasePath = cmd.db
    options.format = cmd.format
    options.actAs = cmd.actAs
    options.commands = cmd.commands
    options.scriptFile = cmd.file
    options.onError = cmd.onError
    options.noColor = cmd.noColor
    options.words = cmd.words
    exit(Launcher.run(options))
} catch {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if VssdeskCommand.exitCode(for: error) == .success {
        if arguments.contains(where: { ["-h", "--help", "-help"].contains($0) }) { processHelp() }
        VssdeskCommand.exit(withError: error)
    }
    // The arguments reach the terminal escaped (SPEC §10).
    FileHandle.standardError.write(Data((catalog.text("shell.errorPrefix") + " "
                                         + catalog.text("process.badArguments", ["arguments": .text(TerminalSafe.escape(arguments.joined(separator: " ")))])
                                         + "\n").utf8))
    exit(2)
}
