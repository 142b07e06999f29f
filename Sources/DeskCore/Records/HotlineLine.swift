/// The desk's phone lines: extensions 120–129 of the hotline (SPEC §5). An operator sits at one; a ticket records
/// the line the call came in on.
public enum HotlineLine {
    public static let range = 120...129
    /// "120–129", for messages.
    public static let rangeText = "\(range.lowerBound)–\(range.upperBound)"
    public static func isValid(_ line: Int) -> Bool { range.contains(line) }
}
