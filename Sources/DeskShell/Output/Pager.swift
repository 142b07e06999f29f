import Foundation

/// `$PAGER` (default `less -SRXF`) for output taller than the screen, on a terminal only (SPEC §11).
enum Pager {
    static func shouldPage(_ text: String, height: Int) -> Bool {
        height > 0 && text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } > height - 2
    }

    static func show(_ text: String) {
        let command = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -SRXF"
        // Our own LC_CTYPE may have been forced to UTF-8 (LocaleFix); tell less too, or it shows bytes as <C3><A3>.
        if String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8", getenv("LESSCHARSET") == nil { setenv("LESSCHARSET", "utf-8", 1) }
        guard let pipe = popen(command, "w") else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        fputs(text, pipe)
        pclose(pipe)
    }
}
