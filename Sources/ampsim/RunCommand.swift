import AMPSim
import ArgumentParser
import Foundation

/// `ampsim run`: simulates every replication of a scenario and writes payments.csv, summary.csv,
/// summary_ci.csv, run.json (and parts.csv / channels.csv when the scenario asks) to the output folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and write payments.csv, summary.csv, summary_ci.csv and run.json.",
        discussion: """
        Examples:
          ampsim run Scenarios/quickstart.yaml
          ampsim run Scenarios/quickstart.yaml --set payment.protocol=keysend \\
              --set payment.strategy=single --out Results/keysend
          ampsim run Scenarios/quickstart.yaml --seed 7 --replications 10 --out /tmp/qs
          ampsim run Scenarios/quickstart.yaml --set output.parts=true \\
              --set output.channels=true

        Exit status: 0 on success, 2 when an input (scenario, override, graph \
        file, command-line argument) is not valid, 130 when interrupted.
        """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(help: "Output folder (default: the scenario's output.dir).")
    var out: String?

    @Option(parsing: .unconditional, help: "Seed (same as --set seed=N).")
    var seed: String?

    @Option(parsing: .unconditional, help: "Number of replications (same as --set replications=N).")
    var replications: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Run even when the scenario or its graph file exceeds the resource limits (memory estimate, file size).")
    var allowLarge = false

    func run() throws {
        let extra = try InputFailure.exitOnInputError { () -> [Override] in
            var extra: [Override] = []
            if let seed {
                extra.append(Override.scalar("seed", String(try OptionValue.seed(seed)), origin: "--seed \(seed)"))
            }
            if let replications {
                let n = try OptionValue.integer(replications, flag: "--replications", in: 1...Scenario.maxReplications, "replications")
                extra.append(Override.scalar("replications", String(n), origin: "--replications \(replications)"))
            }
            return extra
        }
        let scenario = try options.load(extra: extra)
        let dir = out ?? scenario.output.dir
        let limits = allowLarge ? ResourceLimits.unlimited : .standard
        let outputGuard = OutputGuard()
        let interrupts = InterruptHandler.install(outputGuard)
        defer { interrupts.cancel() }
        let summaries = try InputFailure.exitOnInputError {
            try RunExperiment.run(scenario, outputDir: dir, limits: limits, outputGuard: outputGuard, provenance: .thisProcess) { line in
                if !quiet { StandardError.write(line + "\n") }
            }
        }
        if !quiet {
            print(SummaryTable.render(summaries, scenario: scenario))
            let optional = (scenario.output.parts ? ", parts.csv" : "") + (scenario.output.channels ? ", channels.csv" : "")
            print("wrote \(dir)/payments.csv, summary.csv, summary_ci.csv\(optional), run.json")
        }
    }
}

/// The compact table `ampsim run` prints: each headline figure's mean over the replications with its
/// 95% interval (the rows of summary_ci.csv: Student t over replications, Wilson for a rate of a
/// single replication).
enum SummaryTable {
    static let shown = [
        "success_rate", "volume_success_rate", "feasible_multi_path_share", "feasible_single_path_share", "success_rate_feasible",
        "succeeded_infeasible", "fee_msat_mean", "fee_ppm_mean", "fee_ppm_p95", "attempts_mean", "parts_mean",
        "htlcs_per_payment", "latency_ms_mean", "latency_ms_p95", "peak_htlcs_in_flight", "max_channel_peak_slots",
        "slot_seconds_per_payment", "slots_exhausted_payments", "locked_msat_seconds_per_payment", "partial_loss_payments",
        "linked_payment_share",
    ]

    /// The payments each replication actually ran (a replay file or `duration_s` decides, not
    /// `workload.payments`): one number, or the range when replications differ.
    static func paymentCount(_ summaries: [ReplicationSummary]) -> String {
        let counts = summaries.compactMap { Int(exactly: $0.value("payments")) }
        guard let lo = counts.min(), let hi = counts.max() else { return "0" }
        return lo == hi ? "\(lo)" : "\(lo) to \(hi)"
    }

    static func render(_ summaries: [ReplicationSummary], scenario: Scenario) -> String {
        var lines = ["\(scenario.name): \(scenario.payment.protocol.rawValue) / \(scenario.payment.strategy.rawValue), " +
                     "\(paymentCount(summaries)) payments x \(scenario.replications) replications"]
        let intervals = IntervalSummary.rows(summaries)
        let header = ["metric", "mean", "95% interval", "method"]
        let rows: [[String]] = shown.compactMap { name in
            guard let r = intervals.first(where: { $0.metric == name }) else { return nil }
            func f(_ x: Double) -> String { x.isFinite ? CSVFormat.decimal(x, places: 3) : "-" }
            let bounds = r.interval.lower.isFinite ? "[\(f(r.interval.lower)), \(f(r.interval.upper))]" : "-"
            return [name, f(r.interval.estimate), bounds, r.method]
        }
        let widths = header.indices.map { i in max(header[i].count, rows.map { $0[i].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == cells.count - 1 ? cell : i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        lines.append(line(header))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
