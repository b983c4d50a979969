import AMPSim
import ArgumentParser
import Foundation

/// `ampsim compare`: the question ampsim exists for in one command — keysend, MPP and AMP with several
/// sender strategies on the same graphs, balances and payments — run as a sweep over the
/// `payment.protocol,payment.strategy` axis, printed side by side with each configuration's paired
/// difference from the baseline.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run several protocol:strategy configurations on the same payments and print them side by side.",
        discussion: """
        A compare is a sweep whose one axis is payment.protocol,payment.strategy (the scenario's own
        sweep: axes are left out): replication r of every configuration uses the same graph, balances and
        payments, so the paired differences from the baseline are replication by replication.

        The table: configuration, success [95% CI], success among feasible (when output.oracle is on),
        fee ppm (median), HTLCs/payment, slot·s/payment, locked sat·s/payment, linkable share, partial
        loss (sat, per replication); each a mean over replications. Then each configuration minus the
        baseline: Δ success, Δ success among feasible, Δ fee ppm (median), Δ HTLCs/payment, with a 95% t
        interval over the paired replications.

        DIR gets what a sweep writes (scenario.yaml, runs.csv, runs/<run_id>/, summary.csv,
        summary_ci.csv, paired.csv, sweep.json) and success_rate.png / .svg, drawn by Scripts/plot.py when
        python3 and matplotlib are available (otherwise a one-line note). A DIR that holds files is
        refused unless --force, which removes an earlier sweep's or compare's files first.

        Examples:
          ampsim compare Scenarios/quickstart.yaml
          ampsim compare Scenarios/quickstart.yaml --configs mpp:lnd,amp:lnd,amp:halving --baseline mpp:lnd --replications 10
          ampsim compare Scenarios/quickstart.yaml --set workload.amount_sat=500000 --out Results/qs-500k --force

        Exit status: 0 on success, 2 when an input is not valid (nothing is written), 130 when interrupted.
        """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(help: ArgumentHelp("Configurations, comma-separated (default: keysend:single,mpp:single,mpp:lnd,mpp:halving,amp:halving,amp:window).",
                               valueName: "protocol:strategy,..."))
    var configs: String?

    @Option(help: ArgumentHelp("The configuration the others are paired against (default: keysend:single, else the first).",
                               valueName: "protocol:strategy"))
    var baseline: String?

    @Option(parsing: .unconditional, help: "Replications per configuration (same as --set replications=N).")
    var replications: String?

    @Option(parsing: .unconditional, help: "Worker threads (default: the CPUs this process may use).")
    var jobs: String?

    @Option(help: "Output folder (default: the scenario's output.dir followed by -compare).")
    var out: String?

    @Flag(help: "Replace the results of an earlier compare or sweep in --out.")
    var force = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Run even when a run is estimated to exceed the memory limit or a graph file the size limit.")
    var allowLarge = false

    func run() throws {
        let (plan, execution, dir, jobs) = try InputFailure.exitOnInputError { () -> (ComparePlan, SweepExecution, String, Int) in
            let configurations = try configs.map(CompareConfiguration.parseList) ?? CompareConfiguration.defaults
            let baseline = try CompareConfiguration.baseline(self.baseline, among: configurations)
            let jobs = try self.jobs.map { try OptionValue.integer($0, flag: "--jobs", in: 1...WorkerPool.maxJobs, "worker threads") }
                ?? UsableProcessors.count()
            let replications = try self.replications.map {
                try OptionValue.integer($0, flag: "--replications", in: 1...Scenario.maxReplications, "replications per configuration")
            }
            let sets = try options.overrides.map { try Override.parse($0) }
            let plan = try ComparePlan.make(path: options.scenario, overrides: sets, configurations: configurations, baseline: baseline,
                                            replications: replications)
            let dir = out ?? plan.sweep.base.output.dir + "-compare"
            if !force { try OutputFolder.requireEmpty(dir, field: out == nil ? "output.dir" : "--out") }
            let limits = allowLarge ? ResourceLimits.unlimited : .standard
            try ScenarioPreflight.check(plan.sweep.points, runs: plan.sweep.runs.count, limits: limits)
            if force { try OutputFolder.remove(CompareFigure.files.map { dir + "/" + $0 }) }
            return (plan, SweepExecution(plan: plan.sweep, folder: SweepFolder(dir), jobs: jobs, limits: limits), dir, jobs)
        }
        let reporter = ProgressReporter(quiet: quiet)
        if !quiet {
            if !plan.ignoredAxes.isEmpty {
                StandardError.write("note: compare leaves out the scenario's sweep axes (\(plan.ignoredAxes.joined(separator: ", "))); " +
                                    "use ampsim sweep --pair for a grid\n")
            }
            StandardError.write("compare: \(ReadableNumber.plural(plan.configurations.count, "configuration")) × " +
                                "\(ReadableNumber.plural(plan.sweep.base.replications, "replication")) = " +
                                "\(ReadableNumber.plural(plan.sweep.runs.count, "run")), \(ReadableNumber.plural(jobs, "job")), folder \(dir)\n")
        }
        let signals = Interruption.install { signal in
            execution.interrupt()
            reporter.interrupted()
            StandardError.write("interrupted: finished runs are kept in \(dir); rerun with --force to start again\n")
            _exit(128 + signal)
        }
        let report = try InputFailure.exitOnInputError {
            try execution.run(resume: false, replace: force, pair: plan.pair, progress: reporter.update)
        }
        signals.forEach { $0.cancel() }
        let table = try InputFailure.exitOnInputError { try CompareTable.render(plan, folder: dir) }
        let figure = CompareFigure.draw(folder: dir, title: plan.sweep.base.name)
        guard !quiet else { return }
        print(table)
        print("\nwrote \(dir): summary.csv, summary_ci.csv, paired.csv, runs/ (\(ReadableNumber.plural(report.ran, "run")), " +
              "\(ReadableNumber.seconds(report.wallSeconds)))")
        print(figure)
    }
}
