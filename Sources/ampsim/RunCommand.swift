import AMPSim
import ArgumentParser
import Foundation

/// `ampsim run`: simulates every replication of a scenario and writes payments.csv, summary.csv and
/// run.json to the output folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and write payments.csv, summary.csv and run.json.",
        discussion: """
        Examples:
          ampsim run Scenarios/quickstart.yaml
          ampsim run Scenarios/quickstart.yaml --set payment.protocol=keysend --set payment.strategy=single
          ampsim run Scenarios/quickstart.yaml --seed 7 --replications 10 --out /tmp/qs
        """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(help: "Output folder (default: the scenario's output.dir).")
    var out: String?

    @Option(help: "Seed (same as --set seed=N).")
    var seed: UInt64?

    @Option(help: "Number of replications (same as --set replications=N).")
    var replications: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        var opts = options
        if let seed { opts.overrides.append("seed=\(seed)") }
        if let replications { opts.overrides.append("replications=\(replications)") }
        let scenario = try opts.load()
        let dir = out ?? scenario.output.dir
        let summaries = try InputFailure.exitOnInputError {
            try RunExperiment.run(scenario, outputDir: dir) { line in
                if !quiet { StandardError.write(line + "\n") }
            }
        }
        if !quiet {
            print(SummaryTable.render(summaries, scenario: scenario))
            print("wrote \(dir)/payments.csv, summary.csv, run.json")
        }
    }
}

/// The compact table `ampsim run` prints: one row per replication plus the mean.
enum SummaryTable {
    static let shown: [(String, String)] = [
        ("success_rate", "success"), ("volume_success_rate", "vol.success"), ("fee_ppm_mean", "fee ppm"),
        ("attempts_mean", "attempts"), ("parts_mean", "parts"), ("htlcs_per_payment", "HTLCs"),
        ("slot_seconds_per_payment", "slot·s"), ("latency_ms_mean", "latency ms"),
    ]

    static func render(_ summaries: [ReplicationSummary], scenario: Scenario) -> String {
        var lines = ["\(scenario.name): \(scenario.payment.protocol.rawValue) / \(scenario.payment.strategy.rawValue), " +
                     "\(scenario.workload.payments) payments x \(scenario.replications) replications"]
        let header = ["rep"] + shown.map(\.1)
        var rows: [[String]] = summaries.map { s in
            [CSVFormat.decimal(s.value("replication"))] + shown.map { CSVFormat.decimal(s.value($0.0), places: 3) }
        }
        if summaries.count > 1 {
            rows.append(["mean"] + shown.map { key in
                CSVFormat.decimal(Statistics.mean(summaries.map { $0.value(key.0) }), places: 3)
            })
        }
        let widths = header.indices.map { i in max(header[i].count, rows.map { $0[i].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { String(repeating: " ", count: widths[$0.offset] - $0.element.count) + $0.element }.joined(separator: "  ")
        }
        lines.append(line(header))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
