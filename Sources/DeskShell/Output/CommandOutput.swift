/// What a command produced, in a shape every renderer can use: the JSON document of SPEC §10 for scripts, and
/// tables and lines for people. CSV prints the first table only.
public struct CommandOutput {
    public struct Table {
        public var title: String?
        public var columns: [String]
        public var rows: [[String]]
        /// Columns whose values align right (numbers).
        public var numeric: Set<Int> = []
        /// Columns of sentences (a finding, a note, a summary): wrapped over several lines in a table instead of cut,
        /// so the operator reads all of it; still bounded, like every cell.
        public var wrapped: Set<Int> = []
        /// The member of the command's JSON document whose array of objects this table shows: its CSV (see
        /// `forCSV`). Nil: the document's first array of objects.
        public var records: String?

        public init(title: String? = nil, columns: [String], rows: [[String]], numeric: Set<Int> = [], wrapped: Set<Int> = [],
                    records: String? = nil) {
            self.title = title
            self.columns = columns
            self.rows = rows
            self.numeric = numeric
            self.wrapped = wrapped
            self.records = records
        }
    }

    public var json: JSONValue
    public var tables: [Table] = []
    /// Lines for people, printed before the tables (headings, a record's fields, hints).
    public var lines: [String] = []
    /// Which of `lines` are headings, shown in bold on a colour terminal: the renderer adds the codes after it has
    /// escaped the text, so a line never carries its own.
    public var boldLines: Set<Int> = []
    /// Lines for people, printed after the tables (summaries).
    public var footer: [String] = []
    /// Messages for stderr in every format (warnings that scripts should see but not parse).
    public var notices: [String] = []
    /// The exit code when the command ran but its answer is "no" (`audit verify` on a broken chain): the result is
    /// still printed, as JSON too.
    public var exitCode: Int32 = 0

    public init(json: JSONValue, tables: [Table] = [], lines: [String] = [], footer: [String] = [], notices: [String] = []) {
        self.json = json
        self.tables = tables
        self.lines = lines
        self.footer = footer
        self.notices = notices
    }

    public static func message(_ text: String, json: JSONValue = .object([("ok", .bool(true))])) -> CommandOutput {
        CommandOutput(json: json, lines: [text])
    }
}
