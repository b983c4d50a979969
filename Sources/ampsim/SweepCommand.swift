import AMPSim
import ArgumentParser
import Foundation

/// `ampsim sweep`: runs every (grid point x replication) of a scenario on a pool of worker threads,
/// one folder per run, then summarizes the sweep folder; resumable, shardable, interruptible.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid of scenarios x replications in parallel and summarize them.",
        discussion: """
        The grid is the scenario's sweep: section plus every --vary (a --vary of the same key replaces the \
        file's axis); points are every combination, the last axis changing fastest. --vary takes a list \
        (PATH=V1,V2,...), a range (PATH=START..END:lin|log:N), or several paths that change together \
        (P1,P2=A1:B1,A2:B2, e.g. payment.protocol,payment.strategy=keysend:single,mpp:halving,amp:halving).

        DIR gets scenario.yaml (resolved, with the grid), runs.csv (run_id,point,replication, one column \
        per varied path), runs/<run_id>/ (payments.csv, summary.csv, run.json, done), summary.csv, \
        summary_ci.csv, paired.csv (with --pair) and sweep.json (wall time, host, jobs). Run ids are \
        p<point>-r<replication>, e.g. p003-r07.

        --shard I/N runs every N-th run starting at the I-th; merge shard folders with \
        ampsim summarize DIR1 DIR2 ... --out DIR. --resume skips runs whose done marker exists and redoes \
        the others. Ctrl-C keeps finished runs and exits with status 130.

        Examples:
          ampsim sweep Scenarios/quickstart.yaml \\
              --vary 'payment.protocol,payment.strategy=keysend:single,mpp:halving' \\
              --vary workload.amount_sat=1000..10000000:log:5 --replications 10 \\
              --out Results/qs-sweep
          ampsim sweep Scenarios/quickstart.yaml --set payment.protocol=mpp \\
              --vary payment.strategy=single,halving --jobs 2
          ampsim sweep Scenarios/quickstart.yaml --vary payment.protocol=mpp,amp \\
              --shard 2/8 --out Results/qs-shard2

        Exit status: 0 on success, 2 when an input is not valid (nothing is written), 130 when interrupted.
        """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .customLong("vary"), help: ArgumentHelp("Add a grid axis; repeatable.", valueName: "path=v1,v2,...|path=a..b:lin|log:n"))
    var varies: [String] = []

    @Option(parsing: .unconditional, help: "Replications per grid point (same as --set replications=N).")
    var replications: String?

    @Option(parsing: .unconditional, help: "Worker threads (default: the CPUs this process may use, e.g. a Slurm allocation or taskset).")
    var jobs: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Run only this slice of the runs, e.g. 2/8.", valueName: "I/N"))
    var shard: String?

    @Flag(help: "Continue an interrupted sweep in --out: skip finished runs, redo the others.")
    var resume = false

    @Option(help: "Sweep folder (default: the scenario's output.dir followed by -sweep).")
    var out: String?

    @Option(help: ArgumentHelp("Also write paired.csv: differences from this value of one axis.", valueName: "axis=baseline"))
    var pair: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Run even when a run is estimated to exceed the memory limit, a graph file the size limit, or the sweep 100,000 runs.")
    var allowLarge = false

    func run() throws {
        let (execution, dir, jobs) = try InputFailure.exitOnInputError { () -> (SweepExecution, String, Int) in
            let jobs = try self.jobs.map { try OptionValue.integer($0, flag: "--jobs", in: 1...WorkerPool.maxJobs, "worker threads") }
                ?? UsableProcessors.count()
            let replications = try self.replications.map {
                try OptionValue.integer($0, flag: "--replications", in: 1...Scenario.maxReplications, "replications per grid point")
            }
            let shard = try shard.map(SweepShard.parse) ?? .whole
            let sets = try options.overrides.map { try Override.parse($0) }
            let plan = try SweepPlan.make(path: options.scenario, overrides: sets, varies: varies, replications: replications, shard: shard)
            let dir = out ?? plan.base.output.dir + "-sweep"
            // Up front: the run count, each grid point's memory estimate (a point may vary its size),
            // and the files the points read.
            let limits = allowLarge ? ResourceLimits.unlimited : .standard
            let runs = plan.grid.pointCount * plan.base.replications
            try ScenarioPreflight.check(plan.points, runs: runs, limits: limits)
            return (SweepExecution(plan: plan, folder: SweepFolder(dir), jobs: jobs, limits: limits, provenance: .thisProcess), dir, jobs)
        }
        let plan = execution.plan
        let reporter = ProgressReporter(quiet: quiet)
        if !quiet {
            let shardText = plan.shard == .whole ? "" : ", shard \(plan.shard): \(ReadableNumber.plural(plan.runs.count, "run"))"
            StandardError.write("sweep: \(ReadableNumber.plural(plan.grid.pointCount, "point")) × " +
                                "\(ReadableNumber.plural(plan.base.replications, "replication")) = " +
                                "\(ReadableNumber.plural(plan.grid.pointCount * plan.base.replications, "run"))\(shardText), " +
                                "\(ReadableNumber.plural(jobs, "job")), folder \(dir)\n")
        }
        let signals = Interruption.install { signal in
            execution.interrupt()
            reporter.interrupted()
            StandardError.write("interrupted: finished runs are kept in \(dir); rerun with --resume to continue\n")
            _exit(128 + signal)  // no atexit handlers while workers still run
        }
        let report = try InputFailure.exitOnInputError {
            try execution.run(resume: resume, pair: pair, progress: reporter.update)
        }
        signals.forEach { $0.cancel() }
        if !quiet {
            let extra = pair == nil ? "" : ", paired.csv"
            print("wrote \(dir): runs.csv, summary.csv, summary_ci.csv\(extra), sweep.json (\(ReadableNumber.plural(plan.runs.count, "run")): " +
                  "\(ReadableNumber.count(report.ran)) run now, \(ReadableNumber.count(report.resumed)) already finished; " +
                  "\(ReadableNumber.seconds(report.wallSeconds)))")
        }
    }
}

/// SIGINT and SIGTERM turned into a callback on a dispatch queue instead of an immediate death.
enum Interruption {
    static func install(_ handler: @escaping @Sendable (Int32) -> Void) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { handler(sig) }
            source.resume()
            return source
        }
    }
}
