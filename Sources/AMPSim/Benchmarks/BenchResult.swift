/// The measured figures of one benchmark row, and how they print as a table and as CSV.
///
/// Guarantees: rates are totals divided by the row's wall time (the whole child process: graph,
/// workload, simulation, output files); `cpuSeconds` is the children's user + system time, the figure
/// to compare on a loaded machine; `peakMB` is the largest ru_maxrss of the row's processes;
/// every CSV row has exactly `columns.count` fields.
public struct BenchResult: Sendable {
    public var caseID: String
    public var title: String
    /// "ok", or what went differently (a failure).
    public var note: String
    public var wallSeconds: Double
    public var cpuSeconds: Double
    public var payments: Double
    public var events: Double
    public var pathSearches: Double
    public var peakMemoryBytes: Int64
    /// Case D's jobs-2 row: sequential wall time / concurrent wall time.
    public var throughputRatio: Double?
    /// The 1-minute load average of the machine when the row started (/proc/loadavg; nil elsewhere).
    public var loadAverage: Double?

    public init(caseID: String, title: String, note: String = "ok", wallSeconds: Double = .nan, cpuSeconds: Double = .nan,
                payments: Double = .nan, events: Double = .nan, pathSearches: Double = .nan, peakMemoryBytes: Int64 = 0,
                throughputRatio: Double? = nil, loadAverage: Double? = nil) {
        self.caseID = caseID
        self.title = title
        self.note = note
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.payments = payments
        self.events = events
        self.pathSearches = pathSearches
        self.peakMemoryBytes = peakMemoryBytes
        self.throughputRatio = throughputRatio
        self.loadAverage = loadAverage
    }

    public var peakMB: Double { Double(peakMemoryBytes) / 1_048_576 }

    public static let columns = ["case", "title", "wall_s", "cpu_s", "payments", "payments_per_s", "events", "events_per_s",
                                 "path_searches", "searches_per_s", "peak_mb", "throughput_ratio", "load1", "note"]

    func fields() -> [String] {
        func num(_ x: Double, _ p: Int) -> String { x.isFinite ? BenchResult.fixed(x, p) : "" }
        return [caseID, title, num(wallSeconds, 2), num(cpuSeconds, 2), num(payments, 0), num(payments / wallSeconds, 0),
                num(events, 0), num(events / wallSeconds, 0), num(pathSearches, 0), num(pathSearches / wallSeconds, 0),
                num(peakMB, 1), throughputRatio.map { num($0, 2) } ?? "", loadAverage.map { num($0, 2) } ?? "", note]
    }

    /// `x` with `places` decimals (no locale, no exponent).
    static func fixed(_ x: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (abs(x) * scale).rounded()
        let whole = Int64(r / scale), frac = Int64(r - Double(whole) * scale)
        var s = (x < 0 && r > 0 ? "-" : "") + String(whole)
        if places > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: places - f.count) + f
        }
        return s
    }

    /// The CSV file: a header and one line per row (titles and notes quoted when they hold a comma).
    public static func csv(_ rows: [BenchResult]) -> String {
        func quote(_ s: String) -> String {
            s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return ([columns.joined(separator: ",")] + rows.map { $0.fields().map(quote).joined(separator: ",") })
            .joined(separator: "\n") + "\n"
    }

    /// The table `ampsim bench` prints: figures as `ReadableNumber` writes them ("—" when missing),
    /// right-aligned, notes last.
    public static func table(_ rows: [BenchResult]) -> String {
        var table = TextTable(header: ["case", "wall s", "cpu s", "pay/s", "events/s", "searches/s", "peak MB", "ratio", "load", "note"],
                              alignments: [.left] + Array(repeating: .right, count: 8) + [.left])
        for r in rows {
            let figures = [r.wallSeconds, r.cpuSeconds, r.payments / r.wallSeconds, r.events / r.wallSeconds, r.pathSearches / r.wallSeconds,
                           r.peakMB, r.throughputRatio ?? .nan, r.loadAverage ?? .nan]
            table.append([r.caseID] + figures.map { ReadableNumber.value($0) } + [r.note])
        }
        return table.text
    }
}
