import Foundation

/// Runs benchmark cases, each in its own `ampsim run` child process, and measures them.
///
/// Guarantees: every case runs in fresh processes, so its peak memory is its own (wait4's rusage of
/// that child); figures come from the children's summary.csv (`payments`, `events`, `path_searches`,
/// summed over replications); outputs and logs go to `workDir`, never to Results/. Case D runs
/// `ampsim sweep` over `sweepRuns` replications of its scenario with `--jobs 1`, then `--jobs 2`.
public struct BenchRunner {
    public var executable: String
    public var benchDir: String
    public var workDir: String
    public var sweepRuns: Int
    /// Overrides applied to every case (e.g. fewer payments for a quick check).
    public var overrides: [String]

    public init(executable: String, benchDir: String, workDir: String, sweepRuns: Int = 20, overrides: [String] = []) {
        self.executable = executable
        self.benchDir = benchDir
        self.workDir = workDir
        self.sweepRuns = sweepRuns
        self.overrides = overrides
    }

    /// The rows of one case: one row, or two for case D (jobs 1, jobs 2).
    public func run(_ c: BenchCase) throws -> [BenchResult] {
        try FileManager.default.createDirectory(atPath: workDir, withIntermediateDirectories: true)
        return c.isParallelSweep ? try sweep(c) : [try single(c)]
    }

    func arguments(_ c: BenchCase, out: String, extra: [String]) -> [String] {
        [executable, "run", benchDir + "/" + c.scenarioFile, "--out", out, "--quiet"]
            + (overrides + extra).flatMap { ["--set", $0] }
    }

    func start(_ c: BenchCase, tag: String, extra: [String]) throws -> (ChildProcess, String, String) {
        let out = "\(workDir)/\(tag)", log = "\(workDir)/\(tag).log"
        try? FileManager.default.removeItem(atPath: out)
        let child = try ChildProcess.start(arguments(c, out: out, extra: extra), logPath: log,
                                           environment: ProcessInfo.processInfo.environment)
        return (child, out, log)
    }

    func single(_ c: BenchCase) throws -> BenchResult {
        var result = BenchResult(caseID: c.id, title: c.title, loadAverage: Self.loadAverage())
        let (child, out, log) = try start(c, tag: c.id, extra: [])
        let usage = try child.wait()
        record(usage, into: &result)
        guard usage.exitStatus == 0 else {
            result.note = "failed: exit \(usage.exitStatus), see \(log)"
            return result
        }
        add(Self.totals(summary: out + "/summary.csv"), to: &result)
        return result
    }

    /// Case D: `ampsim sweep` of `sweepRuns` replications of the case's scenario at `--jobs 1`, then at
    /// `--jobs 2` — the same runs (the sweep's own worker threads), so the ratio of wall times is the
    /// throughput ratio.
    func sweep(_ c: BenchCase) throws -> [BenchResult] {
        let title = "\(sweepRuns) runs of \(c.scenarioFile)"
        var rows: [BenchResult] = []
        for jobs in [1, 2] {
            var row = BenchResult(caseID: "D jobs=\(jobs)", title: title, note: "ampsim sweep --jobs \(jobs)", loadAverage: Self.loadAverage())
            let out = "\(workDir)/D-jobs\(jobs)", log = "\(workDir)/D-jobs\(jobs).log"
            try? FileManager.default.removeItem(atPath: out)
            let arguments = [executable, "sweep", benchDir + "/" + c.scenarioFile, "--out", out, "--quiet",
                             "--replications", String(sweepRuns), "--jobs", String(jobs)] + overrides.flatMap { ["--set", $0] }
            let child = try ChildProcess.start(arguments, logPath: log, environment: ProcessInfo.processInfo.environment)
            let usage = try child.wait()
            record(usage, into: &row)
            if usage.exitStatus == 0 { add(Self.totals(summary: out + "/summary.csv"), to: &row) } else { row.note = "failed: exit \(usage.exitStatus), see \(log)" }
            rows.append(row)
        }
        if rows.count == 2, rows[1].wallSeconds > 0 { rows[1].throughputRatio = rows[0].wallSeconds / rows[1].wallSeconds }
        return rows
    }

    func record(_ usage: ChildUsage, into result: inout BenchResult) {
        result.wallSeconds = usage.wallSeconds
        result.cpuSeconds = usage.cpuSeconds
        result.peakMemoryBytes = usage.peakMemoryBytes
    }

    func add(_ totals: (payments: Double, events: Double, searches: Double), to result: inout BenchResult) {
        result.payments = (result.payments.isNaN ? 0 : result.payments) + totals.payments
        result.events = (result.events.isNaN ? 0 : result.events) + totals.events
        result.pathSearches = (result.pathSearches.isNaN ? 0 : result.pathSearches) + totals.searches
    }

    /// Sums of the `payments`, `events` and `path_searches` columns of a summary.csv (NaN when unreadable).
    public static func totals(summary path: String) -> (payments: Double, events: Double, searches: Double) {
        totals(csv: read(path))
    }

    static func totals(csv text: String) -> (payments: Double, events: Double, searches: Double) {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let p = header.firstIndex(of: "payments"), let e = header.firstIndex(of: "events"),
              let s = header.firstIndex(of: "path_searches"), lines.count > 1 else { return (.nan, .nan, .nan) }
        var sums = (payments: 0.0, events: 0.0, searches: 0.0)
        for row in lines.dropFirst() where row.count == header.count {
            sums.payments += Double(row[p]) ?? .nan
            sums.events += Double(row[e]) ?? .nan
            sums.searches += Double(row[s]) ?? .nan
        }
        return sums
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// The 1-minute load average from /proc/loadavg, or nil where there is none.
    public static func loadAverage() -> Double? {
        read("/proc/loadavg").split(separator: " ").first.flatMap { Double($0) }
    }
}
