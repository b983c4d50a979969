import Foundation

/// One execution of a sweep plan into its folder: prepare (or resume), run the pending runs on a pool
/// of worker threads, summarize the folder, write sweep.json.
///
/// Guarantees: each run is written to its own folder as soon as it finishes (marker last), so an
/// interruption at any moment loses at most the runs in progress; the summaries are built afterwards
/// from the run folders in (point, replication) order, so their bytes do not depend on `jobs` or on
/// completion order; wall time, host and jobs go to sweep.json only; after `interrupt()` returns, no
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
    }

    /// What an execution did.
    public struct Report: Sendable {
        public var ran: Int
        public var resumed: Int
        public var wallSeconds: Double
    }

    /// Graph files are read within these limits (`ResourceLimits.unlimited` with --allow-large).
    public let limits: ResourceLimits

    public init(plan: SweepPlan, folder: SweepFolder, jobs: Int, limits: ResourceLimits = .standard) {
        self.plan = plan
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
        let pending = plan.runs.filter { !finished.contains($0) }
        let counter = Counter(finished.count)
        progress(Progress(done: finished.count, total: plan.runs.count, resumed: finished.count, elapsed: 0))
        let plan = self.plan, folder = self.folder, limits = self.limits
        do {
            try pool.run(count: pending.count, compute: { i in try SweepRun.files(plan, pending[i], limits: limits) }, commit: { i, files in
                try folder.writeRun(pending[i], files: files)
                progress(Progress(done: counter.increment(), total: plan.runs.count, resumed: finished.count,
                                  elapsed: Date().timeIntervalSince(started)))
            })
        } catch {
            if finished.isEmpty && counter.current == 0 { folder.removeFresh(created: created) }
            throw error
        }
        try SweepSummary.write(folder.path, pair: pair)
        let wall = Date().timeIntervalSince(started)
        var writer = AtomicFileWriter()
        try writer.stage(sweepJSON(ran: pending.count, resumed: finished.count, wallSeconds: wall), to: folder.path + "/sweep.json")
        try writer.commit()
        return Report(ran: pending.count, resumed: finished.count, wallSeconds: wall)
    }

    /// Stops the execution for good (the process is about to exit): see the type's guarantees.
    public func interrupt() { pool.halt() }

    func sweepJSON(ran: Int, resumed: Int, wallSeconds: Double) -> String {
        let object: [String: Any] = [
            "ampsim_version": AMPSimVersion.string,
            "grid_points": plan.grid.pointCount,
            "replications": plan.base.replications,
            "shard": plan.shard.description,
            "runs": plan.runs.count,
            "runs_this_execution": ran,
            "runs_resumed": resumed,
            "jobs": pool.jobs,
            "wall_seconds": (wallSeconds * 1000).rounded() / 1000,
            "host": ProcessInfo.processInfo.hostName,
            "folder": URL(fileURLWithPath: folder.path).standardizedFileURL.path,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A count shared by the workers; only touched under the pool's lock.
    final class Counter: @unchecked Sendable {
        private var value: Int
        init(_ value: Int) { self.value = value }
        func increment() -> Int {
            value += 1
            return value
        }
        /// Read only once every worker has stopped.
        var current: Int { value }
    }
}
