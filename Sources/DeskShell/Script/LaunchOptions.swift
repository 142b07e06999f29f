/// The process's own options (`PlainArguments`, or swift-argument-parser in main.swift for the odd forms).
public struct LaunchOptions {
    public var databasePath: String?
    public var format: String?
    public var actAs: String?
    public var commands: [String] = []
    public var scriptFile: String?
    public var onError: String = "stop"
    public var noColor = false
    public var words: [String] = []
    /// `-h`/`--help` among the process's options: `ProcessHelp`, in the user's language.
    public var help = false
    /// An option given without its value (`vssdesk --db`), said in the user's language.
    public var missingValue: String?

    public init() {}
}
