/// The everyday argument forms (`--db F`, `--format F`, `--as NAME`, `-c CMD`…, `-f FILE`, `--on-error X`,
/// `--no-color`, then a command and its words) read without swift-argument-parser.
///
/// Why: ArgumentParser discovers its options through reflection and dynamic casts, and in a statically linked binary
/// each uncached cast scans every protocol conformance record: about 5 ms of a 15 ms one-shot `vssdesk -c 'search …'`.
/// `-h`/`--help` and an option without its value are answered here too, so that they are said in the user's
/// language (ArgumentParser's help and messages are English). Anything else this reader is not sure of
/// (`--version`, an unknown or repeated option) returns nil, and main.swift hands the whole line to ArgumentParser.
public enum PlainArguments {
    public static func parse(_ arguments: [String]) -> LaunchOptions? {
        var options = LaunchOptions()
        var seen: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if !word.hasPrefix("-") || word == "-" {
                options.words = Array(arguments[index...])
                return options
            }
            index += 1
            if word == "-h" || word == "--help" {
                options.help = true
                return options
            }
            if word == "--no-color" {
                guard !seen.contains(word) else { return nil }
                seen.append(word)
                options.noColor = true
                continue
            }
            var name = word
            var inlineValue: String?
            if word.hasPrefix("--"), let eq = word.firstIndex(of: "=") {
                name = String(word[..<eq])
                inlineValue = String(word[word.index(after: eq)...])
            }
            guard ["--db", "--format", "--as", "-c", "-f", "--on-error"].contains(name) else { return nil }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count, arguments[index] == "-" || !arguments[index].hasPrefix("-") else {
                    options.missingValue = name
                    return options
                }
                value = arguments[index]
                index += 1
            }
            if name != "-c" {
                guard !seen.contains(name) else { return nil }
                seen.append(name)
            }
            switch name {
            case "--db": options.databasePath = value
            case "--format": options.format = value
            case "--as": options.actAs = value
            case "-c": options.commands.append(value)
            case "-f": options.scriptFile = value
            default: options.onError = value
            }
        }
        return options
    }
}
