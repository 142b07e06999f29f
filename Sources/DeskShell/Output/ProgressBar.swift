import Foundation

/// A one-line progress bar on stderr (rows, rate, ETA), for a terminal only.
final class ProgressBar {
    private let label: String
    private let write: (String) -> Void
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(label: String, write: @escaping (String) -> Void) {
        self.label = label
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
        write(String(format: "\r%@ %@ %3.0f%%  %d rows  %.0f rows/s  ETA %.0fs  (Ctrl-C cancels) ", label, bar,
                     fraction * 100, rows, rate, eta))
    }

    func finish() { write("\r\u{1B}[K") }
}
