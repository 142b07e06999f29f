/// A refusal the shell itself finds (a mistyped command, a bad flag value), already written from the catalog in the
/// operator's language; `ExitCode` gives it its code like any other error.
struct ShellError: Error, CustomStringConvertible {
    enum Kind { case usage, notFound }
    let kind: Kind
    let message: String

    static func usage(_ message: String) -> ShellError { ShellError(kind: .usage, message: message) }
    static func notFound(_ message: String) -> ShellError { ShellError(kind: .notFound, message: message) }

    var description: String { message }
}
