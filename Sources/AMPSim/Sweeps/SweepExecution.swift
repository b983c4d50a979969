import Foundation

/// One execution of a sweep plan into its folder: prepare (or resume), run the pending runs on a pool
/// of worker threads, summarize the folder, write sweep.json.
///
/// Guarantees: each run is written to its own folder as soon as it finishes (marker last), so an
/// interruption at any moment loses at most the runs in progress; the summaries are built afterwards
/// from the run folders in (point, replication) order, so their bytes do not depend on `jobs` or on
/// completion order; wall time, host, jobs and the provenance (command line, commit, GSL version, start
/// and end) go to sweep.json and the runs' run.json only; after `interrupt()` returns, no
/// run folder is being written and none will be. A fresh sweep that fails before any run is written
/// removes what it created (scenario.yaml, runs.csv, runs/, and the folder itself when it made it), so
/// a bad input leaves no empty sweep folder behind; runs already written are kept for `--resume`.
public final class SweepExecution: Sendable {
    public let plan: SweepPlan
    public let folder: SweepFolder
    let pool: WorkerPool

    /// Where a sweep stands, as told to a progress callback.
    public struct Progress: Sendable {
        /// Runs of this shard finished, including those found finished when resuming.
        public var done: Int
        public var total: Int
        /// Runs found finished when the execution started.
        public var resumed: Int
        /// Seconds since the execution started.
        public var elapsed: Double
        /// Expected cost (`SweepCost`) of the runs done, of all runs, and of the runs found finished.
        public var doneCost: Double = 0
        public var totalCost: Double = 0
        public var resumedCost: Double = 0

        public init(done: Int, total: Int, resumed: Int, elapsed: Double, doneCost: Double = 0, totalCost: Double = 0,
                    resumedCost: Double = 0) {
            self.done = done
            self.total = total
            self.resumed = resumed
            self.elapsed = elapsed
            self.doneCost = doneCost
            self.totalCost = totalCost
            self.resumedCost = resumedCost
        }

        /// Seconds left, weighing the runs left by their expected cost (nil before a run finished now).
        public var etaSeconds: Double? {
            SweepCost.etaSeconds(done: doneCost, total: totalCost, resumed: resumedCost, elapsed: elapsed)
        }
    }

    /// What an execution did.
    public struct Report: Sendable {
        public var ran: Int
        public var resumed: Int
        public var wallSeconds: Double
    }

    /// Graph files are read within these limits (`ResourceLimits.unlimited` with --allow-large).
    public let limits: ResourceLimits

    /// The command line and build that run.json and sweep.json name.
    public let provenance: Provenance

    public init(plan: SweepPlan, folder: SweepFolder, jobs: Int, limits: ResourceLimits = .standard, provenance: Provenance = .unknown) {
        self.plan = plan
        self.provenance = provenance
        self.folder = folder
        self.limits = limits
        pool = WorkerPool(jobs: jobs)
    }

    /// `replace` starts afresh in a folder holding an earlier sweep's files (see `SweepFolder.prepare`).
    public func run(resume: Bool, replace: Bool = false, pair: String? = nil,
                    progress: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> Report {
        let started = Date()
        if let pair { _ = try SweepPairing.parse(pair, grid: plan.grid) }
        let created = OutputFolder.outermostMissing(folder.path)
        let finished = try folder.prepare(plan, resume: resume, replace: replace)
        let costs = Dictionary(zip(plan.runs, SweepCost.runs(plan)), uniquingKeysWith: { a, _ in a })
        let pending = plan.runs.filter { !finished.contains($0) }
        let totalCost = costs.values.reduce(0, +), resumedCost = finished.reduce(0) { $0 + (costs[$1] ?? 0) }
        let counter = Counter(finished.count, cost: resumedCost)
        progress(Progress(done: finished.count, total: plan.runs.count, resumed: finished.count, elapsed: 0,
                          doneCost: resumedCost, totalCost: totalCost, resumedCost: resumedCost))
        let plan = self.plan, folder = self.folder, limits = self.limits, provenance = self.provenance
        do {
            try pool.run(count: pending.count, compute: { i in try SweepRun.files(plan, pending[i], limits: limits, provenance: provenance) },
                         commit: { i, files in
                try folder.writeRun(pending[i], files: files)
                let (done, doneCost) = counter.increment(cost: costs[pending[i]] ?? 0)
                progress(Progress(done: done, total: plan.runs.count, resumed: finished.count, elapsed: Date().timeIntervalSince(started),
                                  doneCost: doneCost, totalCost: totalCost, resumedCost: resumedCost))
            })
        } catch {
            if finished.isEmpty && counter.current == 0 { folder.removeFresh(created: created) }
            throw error
        }
        try SweepSummary.write(folder.path, pair: pair)
        let ended = Date()
        let wall = ended.timeIntervalSince(started)
        var writer = AtomicFileWriter()
        try writer.stage(sweepJSON(ran: pending.count, resumed: finished.count, started: started, ended: ended), to: folder.path + "/sweep.json")
        try writer.commit()
        return Report(ran: pending.count, resumed: finished.count, wallSeconds: wall)
    }

    /// Stops the execution for good (the process is about to exit): see the type's guarantees.
    public func interrupt() { pool.halt() }

    func sweepJSON(ran: Int, resumed: Int, started: Date, ended: Date) -> String {
        var object: [String: Any] = [
            "grid_points": plan.grid.pointCount,
            "replications": plan.base.replications,
            "shard": plan.shard.description,
            "runs": plan.runs.count,
            "runs_this_execution": ran,
            "runs_resumed": resumed,
            "jobs": pool.jobs,
            "host": ProcessInfo.processInfo.hostName,
            "folder": URL(fileURLWithPath: folder.path).standardizedFileURL.path,
        ]
        object.merge(provenance.fields(started: started, ended: ended)) { _, new in new }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A count (and the cost of the runs counted) shared by the workers; only touched under the pool's lock.
    final class Counter: @unchecked Sendable {
        private var value: Int
        private var cost: Double
        init(_ value: Int, cost: Double) {
            self.value = value
            self.cost = cost
        }
        func increment(cost runCost: Double) -> (Int, Double) {
            value += 1
            cost += runCost
            return (value, cost)
        }
        /// Read only once every worker has stopped.
        var current: Int { value }
    }
}
