import Foundation

/// Delivers one SMS by running the gateway program directly (never through a shell): the template is split into
/// words once, and `{to}` / `{body}` are substituted inside single argv elements, so nothing in a message can become
/// an option or a command.
public struct Gateway {
    public let template: String
    public let timeout: TimeInterval

    public static let gammu = "gammu-smsd-inject TEXT {to} -unicode -text {body}"

    public init(template: String, timeout: TimeInterval = 15) {
        self.template = template
        self.timeout = timeout
    }

    public func argv(to: String, body: String) throws -> [String] {
        let words = try TemplateWords.split(template)
        guard let first = words.first, !first.isEmpty else { throw DeskError.invalid("the SMS gateway template is empty") }
        return words.map { $0.replacingOccurrences(of: "{to}", with: to).replacingOccurrences(of: "{body}", with: body) }
    }

    public enum Outcome: Equatable {
        case delivered
        case failed(String)
    }

    public func send(to: String, body: String) -> Outcome {
        let args: [String]
        do { args = try argv(to: to, body: body) } catch { return .failed("\(error)") }
        let p = Process()
        let program = args[0]
        if program.contains("/") {
            p.executableURL = URL(fileURLWithPath: program)
        } else if let found = Gateway.which(program) {
            p.executableURL = URL(fileURLWithPath: found)
        } else {
            return .failed("gateway program \(program) not found on PATH")
        }
        p.arguments = Array(args.dropFirst())
        let err = Pipe()
        p.standardError = err
        p.standardOutput = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return .failed("cannot start \(program): \(error.localizedDescription)") }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning {
            p.terminate()
            usleep(200_000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            return .failed("gateway timed out after \(Int(timeout)) s")
        }
        p.waitUntilExit()
        let output = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if p.terminationStatus == 0 { return .delivered }
        let tail = output.split(separator: "\n").suffix(2).joined(separator: " ").prefix(300)
        return .failed("exit \(p.terminationStatus): \(tail)")
    }

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Splits a gateway template into words: spaces separate, single or double quotes group (no shell is involved).
enum TemplateWords {
    static func split(_ s: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for ch in s {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == " " || ch == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                inWord = true
            } else {
                current.append(ch)
                inWord = true
            }
        }
        if quote != nil { throw DeskError.invalid("unterminated quote in the SMS gateway template") }
        if inWord { words.append(current) }
        return words
    }
}
