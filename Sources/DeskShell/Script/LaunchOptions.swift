/// The process's own options, parsed in main.swift by swift-argument-parser.
public struct LaunchOptions {
    public var databasePath: String?
    public var format: String?
    public var actAs: String?
    public var commands: [String] = []
    public var scriptFile: String?
    public var onError: String = "stop"
    public var noColor = false
    public var words: [String] = []

    public init() {}
}
