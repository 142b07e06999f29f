import Foundation
import CLineShim
import CReadline

/// What reading a line from the person at the console gave.
public enum LineAnswer: Equatable, Sendable {
    case line(String)
    /// Ctrl-C.
    case cancelled
    /// Ctrl-D on an empty line, or the end of a non-terminal stdin.
    case endOfInput
    /// SIGTERM or SIGHUP: the console is being stopped.
    case terminated
}

/// The one way the console reads a line: the prompt and every question it asks (a bulk fix's confirmation).
/// On a terminal it goes through readline's callback interface and the signal flags of `vss_line.c`, so Ctrl-C,
/// Ctrl-D and SIGTERM behave the same at every prompt; otherwise it is a plain read of stdin. Nothing read here is
/// added to the history: only the REPL adds the command lines it runs.
enum LineReader {
    /// Reads one line after `prompt`. Readline must only be used from the main thread.
    static func read(prompt: String) -> LineAnswer {
        guard isatty(0) == 1 else { return readPlain() }
        var raw: UnsafeMutablePointer<CChar>?
        switch vss_readline(prompt, &raw) {
        case 1: return .cancelled
        case 2: return .terminated
        default:
            guard let raw else { return .endOfInput }
            defer { free(raw) }
            return .line(String(cString: raw))
        }
    }

    /// Asks a question and reads the answer: no Tab completion of commands, and Ctrl-C or Ctrl-D cancel it.
    static func ask(_ question: String) -> LineAnswer {
        guard isatty(0) == 1 else {
            FileHandle.standardError.write(Data(question.utf8))
            return readPlain()
        }
        let completion = vss_completion()
        vss_set_completion(noCompletion)
        defer { vss_set_completion(completion) }
        let answer = read(prompt: question)
        if answer == .endOfInput { FileHandle.standardOutput.write(Data("\n".utf8)) }
        return answer
    }

    private static func readPlain() -> LineAnswer {
        var raw: UnsafeMutablePointer<CChar>?
        switch vss_read_plain_line(&raw) {
        case 0:
            guard let raw else { return .endOfInput }
            defer { free(raw) }
            var line = String(cString: raw)
            if line.hasSuffix("\r") { line.removeLast() }
            return .line(line)
        case 1: return .cancelled
        case 2: return .terminated
        default: return .endOfInput
        }
    }

    /// Tab at a question inserts nothing (and no file names either).
    private static let noCompletion: vss_completion_fn = { _, _, _ in
        vss_completion_over(1)
        return nil
    }
}
