import Foundation
import CLineShim
import CReadline
import Desk
import DeskCore

enum ScriptSource {
    case inline(String)
    case file(String)
    case stdin
}

/// `-c`, `-f FILE|-` and piped stdin: the same commands as the prompt, no prompt, `--on-error stop|continue`.
/// The exit code is that of the first failing command (0 when all succeed).
struct ScriptRunner {
    let shell: Shell
    let stopOnError: Bool

    func run(_ sources: [ScriptSource]) -> Int32 {
        var firstFailure: Int32 = 0
        for source in sources {
            let name: String
            var lines: ScriptLines
            switch source {
            case .inline(let c):
                (name, lines) = ("-c", ScriptLines(single: Array(c.utf8)))
            case .file(let path) where path == "-":
                (name, lines) = ("stdin", ScriptLines.standardInput())
            case .file(let path):
                // Read with the user's own rights; a refusal names the file, never what is in it (SPEC §13).
                guard let bytes = try? Files.read(path) else {
                    shell.writeErr("\(shell.catalog.text("shell.errorPrefix")) \(shell.catalog.text("script.cannotRead", ["path": .text(TerminalSafe.escape(path))]))\n")
                    return firstFailure == 0 ? 1 : firstFailure
                }
                (name, lines) = (TerminalSafe.escape(path), ScriptLines(bytes: bytes))
            case .stdin:
                (name, lines) = ("stdin", ScriptLines.standardInput())
            }
            var lineNumber = 0
            while let next = lines.next() {
                lineNumber += 1
                let line: String
                switch next {
                case .success(let text): line = text
                case .failure(let failure):
                    // A line that cannot be read is a command that failed: in JSON it still gets its error document.
                    let problem = failure.text(shell.catalog)
                    shell.writeErr("\(name):\(lineNumber): \(shell.catalog.text("shell.errorPrefix")) \(problem)\n")
                    if shell.format == .json { shell.writeOut(Shell.errorDocument("\(name):\(lineNumber): \(problem)", exitCode: ExitCode.failure).serialized() + "\n") }
                    if firstFailure == 0 { firstFailure = 1 }
                    if stopOnError { return firstFailure }
                    continue
                }
                let original = shell.writeErr
                if name != "-c" { shell.writeErr = { original(($0.hasPrefix(shell.catalog.text("shell.errorPrefix")) ? "\(name):\(lineNumber): " : "") + $0) } }
                let code = shell.execute(line)
                shell.writeErr = original
                let interrupted = vss_take_interrupt() != 0 || vss_was_terminated() != 0
                if code != 0 && firstFailure == 0 { firstFailure = code }
                if interrupted { return firstFailure == 0 ? 1 : firstFailure }
                if (code != 0 && stopOnError) || shell.wantsExit { return firstFailure }
            }
        }
        return firstFailure
    }
}

