import Foundation

/// A one-line progress bar on stderr (rows, rate, ETA), for a terminal only.
final class ProgressBar {
    private let label: String
    private let write: (String) -> Void
    private let start = Date()
    private var lastDraw = Date.distantPast

    private let catalog: Catalog

    init(label: String, catalog: Catalog = .vi, write: @escaping (String) -> Void) {
        self.label = label
        self.catalog = catalog
        self.write = write
    }

    func update(done: Int, total: Int, rows: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || done >= total else { return }
        lastDraw = now
        let elapsed = max(0.001, now.timeIntervalSince(start))
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let rate = Double(rows) / elapsed
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        write("\r" + catalog.text("progress.line", ["label": .text(label), "bar": .text(bar), "pct": .int(Int((fraction * 100).rounded())),
                                                    "rows": .int(rows), "rate": .int(Int(rate.rounded())), "eta": .int(Int(eta.rounded()))]) + " ")
    }

    func finish() { write("\r\u{1B}[K") }
}
