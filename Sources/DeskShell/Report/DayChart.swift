import Foundation
import Desk
import DeskCore

/// The calls-per-day chart: an inline SVG (no script, no external file) with one bar for every day of the period,
/// days without a call included; weekends and holidays sit on a shaded band so an empty day reads as closed, not as
/// missing data.
enum DayChart {
    static let width = 680, height = 210
    static let left = 34, right = 8, top = 14, bottom = 30

    /// The axis for a peak of `n` calls: a round step (1, 2, 5, 10, 20, …) giving at most five gridlines above zero,
    /// and the top gridline at or above the peak.
    static func scale(_ n: Int) -> (top: Int, step: Int) {
        let peak = max(4, n)
        var magnitude = 1
        while true {
            for m in [1, 2, 5] where m * magnitude * 5 >= peak {
                let step = m * magnitude
                return ((peak + step - 1) / step * step, step)
            }
            magnitude *= 10
        }
    }

    static func svg(_ days: [SupervisorReport.Day], title: String, format: ReportFormat) -> HTML {
        let plotW = Double(width - left - right), plotH = Double(height - top - bottom)
        let (yMax, step) = scale(days.map(\.calls).max() ?? 0)
        let slot = plotW / Double(max(1, days.count))
        let barW = max(1, slot * 0.68)
        let labelEvery = days.count <= 31 ? 1 : days.count <= 62 ? 2 : 7
        func y(_ v: Int) -> Double { Double(top) + plotH - plotH * Double(v) / Double(yMax) }
        func f(_ d: Double) -> String { String(format: "%.1f", d) }

        var parts: [String] = []
        for (i, d) in days.enumerated() where !d.workingDay {
            parts.append("<rect class=\"off\" x=\"\(f(Double(left) + slot * Double(i)))\" y=\"\(top)\" width=\"\(f(slot))\" height=\"\(f(plotH))\"/>")
        }
        for v in stride(from: 0, through: yMax, by: step) {
            parts.append("<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\"/>")
            parts.append("<text class=\"axis\" x=\"\(left - 5)\" y=\"\(f(y(v) + 3.5))\" text-anchor=\"end\">\(HTMLReport.escape(format.number(v)))</text>")
        }
        for (i, d) in days.enumerated() {
            let x = Double(left) + slot * Double(i) + (slot - barW) / 2
            if d.calls > 0 {
                let h = Double(top) + plotH - y(d.calls)
                parts.append("<rect class=\"\(d.workingDay ? "bar" : "bar off-bar")\" x=\"\(f(x))\" y=\"\(f(y(d.calls)))\" width=\"\(f(barW))\" height=\"\(f(h))\"><title>\(HTMLReport.escape(format.day(d.date))): \(d.calls)</title></rect>")
                if days.count <= 31 {
                    parts.append("<text class=\"value\" x=\"\(f(x + barW / 2))\" y=\"\(f(y(d.calls) - 3))\" text-anchor=\"middle\">\(d.calls)</text>")
                }
            }
            if i % labelEvery == 0 {
                let label = labelEvery == 1 ? String(d.date.suffix(2)) : format.dayMonth(d.date)
                parts.append("<text class=\"axis\" x=\"\(f(Double(left) + slot * (Double(i) + 0.5)))\" y=\"\(height - bottom + 13)\" text-anchor=\"middle\">\(HTMLReport.escape(label))</text>")
            }
        }
        parts.append("<line class=\"base\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\"/>")
        if let first = days.first, let last = days.last, labelEvery == 1 {
            // The month under the day numbers: the first day's, and the last's when the period spans two.
            let months = first.date.prefix(7) == last.date.prefix(7) ? [first] : [first, last]
            for (j, d) in months.enumerated() {
                let x = j == 0 ? Double(left) : Double(width - right)
                let label = String(format.day(d.date).dropFirst(3))
                parts.append("<text class=\"axis month\" x=\"\(f(x))\" y=\"\(height - 3)\" text-anchor=\"\(j == 0 ? "start" : "end")\">\(HTMLReport.escape(label))</text>")
            }
        }
        let svg = "<svg class=\"days\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLReport.escape(title))\">"
            + parts.joined() + "</svg>"
        return HTML(markup: svg)
    }
}
