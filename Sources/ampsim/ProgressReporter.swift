import AMPSim
import Foundation

/// Sweep progress on standard error: a redrawn bar (done/total, runs per second, ETA) when standard
/// error is a terminal, a plain line every 10 seconds otherwise, nothing when quiet. The ETA weighs the
/// runs left by their expected cost (`SweepCost`: payments × graph size), not by their count.
///
/// Guarantees: never writes to standard output; `update` is called one at a time (under the sweep's
/// lock), so the reporter needs no lock of its own.
final class ProgressReporter: @unchecked Sendable {
    let quiet: Bool
    let terminal = isatty(STDERR_FILENO) != 0
    private var lastDraw = -Double.infinity
    private var drewBar = false

    init(quiet: Bool) { self.quiet = quiet }

    func update(_ p: SweepExecution.Progress) {
        guard !quiet else { return }
        let finished = p.done == p.total
        if p.elapsed == 0 && p.resumed > 0 { StandardError.write("resuming: \(p.resumed) of \(p.total) runs already finished\n") }
        guard finished || p.elapsed - lastDraw >= (terminal ? 0.2 : 10) else { return }
        lastDraw = p.elapsed
        let ran = p.done - p.resumed
        let rate = p.elapsed > 0 ? Double(ran) / p.elapsed : 0
        let eta = p.etaSeconds.map(Self.duration) ?? "?"
        let figures = "\(ReadableNumber.count(p.done))/\(ReadableNumber.plural(p.total, "run"))  \(ReadableNumber.value(rate)) runs/s  ETA \(eta)"
        if terminal {
            let width = 30
            let filled = p.total == 0 ? width : width * p.done / p.total
            StandardError.write("\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " + figures + "  ")
            drewBar = true
            if finished { StandardError.write("\n") }
        } else if p.elapsed > 0 || finished {
            StandardError.write("sweep: " + figures + "\n")
        }
    }

    /// Ends a bar line before an interruption message.
    func interrupted() {
        if terminal && drewBar && !quiet { StandardError.write("\n") }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m" }
        if s >= 60 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s)s"
    }
}
