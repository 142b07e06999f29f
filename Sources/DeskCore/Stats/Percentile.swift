/// Percentiles by nearest rank (SPEC §8): the smallest value with at least p% of the values at or below it.
public enum Percentile {
    public static func nearestRank<T: Comparable>(_ sorted: [T], _ p: Double) -> T? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// The median by nearest rank (the lower middle value for an even count).
    public static func median<T: Comparable>(_ sorted: [T]) -> T? { nearestRank(sorted, 50) }
}
