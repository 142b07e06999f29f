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
            let (name, lines): (String, AnySequence<String>)
            switch source {
            case .inline(let c):
                (name, lines) = ("-c", AnySequence([c]))
            case .file(let path) where path == "-":
                (name, lines) = ("stdin", AnySequence(StdinLines()))
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    shell.writeErr("error: cannot read script \(TerminalSafe.escape(path))\n")
                    return firstFailure == 0 ? 1 : firstFailure
                }
                (name, lines) = (TerminalSafe.escape(path), AnySequence(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
            case .stdin:
                (name, lines) = ("stdin", AnySequence(StdinLines()))
            }
            var lineNumber = 0
            for line in lines {
                lineNumber += 1
                let original = shell.writeErr
                if name != "-c" { shell.writeErr = { original(($0.hasPrefix("error:") ? "\(name):\(lineNumber): " : "") + $0) } }
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

/// Lines of standard input, read lazily (a pipe may be slow or endless).
struct StdinLines: Sequence, IteratorProtocol {
    mutating func next() -> String? { readLine(strippingNewline: true) }
}
