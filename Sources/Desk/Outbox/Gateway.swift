import DeskCore
import Foundation

/// Delivers one SMS by running the gateway program directly (never through a shell): the template is split into
/// words once, and `{to}` / `{body}` are substituted inside single argv elements, so nothing in a message can become
/// an option or a command. A template without `{body}` gets the message on standard input, which keeps the
/// temporary password out of the process list (`/proc/PID/cmdline` is readable by every local user); the default
/// does that, as `gammu-smsd-inject TEXT number` reads its text from standard input.
public struct Gateway {
    public let template: String
    public let timeout: TimeInterval

    public static let gammu = Setting.smsGateway.defaultValue

    public init(template: String, timeout: TimeInterval = 15) {
        self.template = template
        self.timeout = timeout
    }

    public func argv(to: String, body: String) throws -> [String] {
        let words = try TemplateWords.split(template)
        guard let first = words.first, !first.isEmpty else { throw DeskError.invalid(.gatewayEmpty) }
        return words.map { $0.replacingOccurrences(of: "{to}", with: to).replacingOccurrences(of: "{body}", with: body) }
    }

    public enum Outcome: Equatable {
        case delivered
        /// Why, as language-free `key=value` data (`reason=exit code=1 text=…`, `GatewayFailure`): it is kept in
        /// `last_error` and the audit row, and each console says it in its own language.
        case failed(String)
    }

    public func send(to: String, body: String) -> Outcome {
        let args: [String]
        do { args = try argv(to: to, body: body) } catch {
            return GatewayFailure.outcome(.template, text: (error as? DeskError)?.message.key ?? "\(error)")
        }
        let program = args[0]
        let path: String
        if program.contains("/") {
            path = program
        } else if let found = Gateway.which(program) {
            path = found
        } else {
            return GatewayFailure.outcome(.notFound, text: program)
        }
        let viaStdin = !template.contains("{body}")
        switch GatewayProcess.run(path: path, argv: args, input: viaStdin ? Array((body + "\n").utf8) : [], timeout: timeout) {
        case .delivered: return .delivered
        case .failed(let why): return .failed(Self.redact(why, body: body))
        }
    }

    /// The gateway is looked up in the system's folders, never in the user's `PATH` (a supervisor's `~/bin` first
    /// in PATH would otherwise choose the program that receives every queued password).
    public static let trustedPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    static func which(_ name: String) -> String? {
        trustedPath.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A failing gateway's output may echo its arguments; what is kept of it (`last_error`, the audit row) never
    /// holds the message or any password-like word of it (SPEC §13).
    static func redact(_ text: String, body: String) -> String {
        var out = text
        if !body.isEmpty { out = out.replacingOccurrences(of: body, with: "[SMS]") }
        let secrets = body.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ":" || $0 == "," })
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }
            .filter { $0.count >= 8 }
        for secret in secrets.sorted(by: { $0.count > $1.count }) { out = out.replacingOccurrences(of: secret, with: "***") }
        return out
    }
}

/// Why a message was not delivered, in no language (`reason=timeout seconds=15`): the shell's `gateway.*` texts
/// say it. `text` ends the detail and holds what the system or the gateway itself said (its last lines, `strerror`),
/// as it said it.
public enum GatewayFailure: String, CaseIterable, Sendable {
    case template, notFound = "not_found", cannotStart = "cannot_start", lost, timeout, signal, exit

    static func outcome(_ reason: GatewayFailure, _ fields: [(String, String?)] = [], text: String? = nil) -> Gateway.Outcome {
        .failed(TimelineDetail.make([("reason", reason.rawValue)] + fields, free: ("text", text.flatMap { $0.isEmpty ? nil : $0 })))
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
        if quote != nil { throw DeskError.invalid(.gatewayQuote) }
        if inWord { words.append(current) }
        return words
    }
}

/// Runs the gateway with posix_spawn in its own process group, reads its output while it runs, and reaps it with
/// waitpid. Foundation's `Process` on Linux only reports an exit once every descendant has closed a descriptor it
/// inherits, so a gateway script whose child hangs (or lingers in the background) outlived the timeout; here the
/// timeout kills the whole group, and the gateway's own exit status is what counts.
enum GatewayProcess {
    static func environment() -> [String] {
        var env = ["PATH=\(Gateway.trustedPath)", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { env.append("HOME=" + String(cString: dir)) }
        return env
    }

    static func run(path: String, argv: [String], input: [UInt8] = [], timeout: TimeInterval) -> Gateway.Outcome {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return GatewayFailure.outcome(.cannotStart, text: "\(argv[0]): \(String(cString: strerror(errno)))") }
        let readEnd = fds[0], writeEnd = fds[1]
        var inFds: [Int32] = [-1, -1]
        guard pipe(&inFds) == 0 else {
            close(readEnd); close(writeEnd)
            return GatewayFailure.outcome(.cannotStart, text: "\(argv[0]): \(String(cString: strerror(errno)))")
        }
        let stdinRead = inFds[0], stdinWrite = inFds[1]
        _ = fcntl(stdinWrite, F_SETFD, FD_CLOEXEC)
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinRead, 0)
        posix_spawn_file_actions_addclose(&actions, stdinRead)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attr, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setpgroup(&attr, 0)
        // RESETIDS: the child runs with the real group, never the desk's (SPEC §13), whatever the caller holds.
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_RESETIDS))

        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        // A minimal environment: nothing of the caller's (LD_PRELOAD, IFS, a PATH of their own) reaches the gateway.
        let env: [UnsafeMutablePointer<CChar>?] = GatewayProcess.environment().map { strdup($0) } + [nil]
        defer { for e in env { free(e) } }
        var pid: pid_t = 0
        var rc = posix_spawn(&pid, path, &actions, &attr, cArgs, env)
        // ETXTBSY: another thread's child still held the file open for writing when it forked (a gateway script
        // just written); that clears when that child execs, which on a loaded machine can take a second or two.
        for attempt in 0..<30 where rc == ETXTBSY {
            usleep(useconds_t(min(200_000, 20_000 * (attempt + 1))))
            rc = posix_spawn(&pid, path, &actions, &attr, cArgs, env)
        }
        close(writeEnd)
        close(stdinRead)
        // One SMS is far below a pipe's buffer: written whole now, then end of file for the gateway.
        if rc == 0, !input.isEmpty {
            // A gateway that exits without reading must not kill the console with SIGPIPE.
            let previous = signal(SIGPIPE, SIG_IGN)
            _ = input.withUnsafeBytes { write(stdinWrite, $0.baseAddress, $0.count) }
            signal(SIGPIPE, previous)
        }
        close(stdinWrite)
        guard rc == 0 else {
            close(readEnd)
            return GatewayFailure.outcome(.cannotStart, text: "\(argv[0]): \(String(cString: strerror(rc)))")
        }

        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        func drain() {
            while true {
                let n = read(readEnd, &buffer, buffer.count)
                guard n > 0 else { return }
                output += buffer[0..<n]
                if output.count > 16_384 { output.removeFirst(output.count - 16_384) }
            }
        }
        var status: Int32 = 0
        var exited = false
        let deadline = Date().addingTimeInterval(timeout)
        while !exited && Date() < deadline {
            drain()
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                exited = true
            } else if r < 0 && errno != EINTR {
                close(readEnd)
                return GatewayFailure.outcome(.lost, text: String(cString: strerror(errno)))
            } else {
                usleep(10_000)
            }
        }
        if !exited {
            kill(-pid, SIGTERM)
            usleep(200_000)
            kill(-pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            close(readEnd)
            return GatewayFailure.outcome(.timeout, [("seconds", String(Int(timeout)))])
        }
        drain()
        close(readEnd)
        let text = String(decoding: output, as: UTF8.self)
        let tail = text.split(separator: "\n").suffix(2).joined(separator: " ").prefix(300)
        let signal = status & 0x7f
        if signal != 0 { return GatewayFailure.outcome(.signal, [("signal", String(signal))], text: String(tail)) }
        let code = (status >> 8) & 0xff
        if code == 0 { return .delivered }
        return GatewayFailure.outcome(.exit, [("code", String(code))], text: String(tail))
    }
}
