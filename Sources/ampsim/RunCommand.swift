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
              --set payment.strategy=single --out Results/qs-keysend
          ampsim run Scenarios/quickstart.yaml --seed 7 --replications 10 --out /tmp/qs
          ampsim run Scenarios/quickstart.yaml --set output.parts=true \\
              --set output.channels=true --out /tmp/qs-parts
          ampsim run Scenarios/quickstart.yaml --seed 8 --out /tmp/qs --force

        An output folder that already holds files is refused (exit status 2) \
        unless --force, which replaces the run's files and removes an earlier \
        run's parts.csv / channels.csv that this run does not write.

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

    @Flag(help: "Replace the results in an output folder that already holds some (and remove an earlier run's parts.csv / channels.csv that this run does not write).")
    var force = false

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
            try RunExperiment.run(scenario, outputDir: dir, limits: limits, replace: force, field: out == nil ? "output.dir" : "--out",
                                  outputGuard: outputGuard, provenance: .thisProcess) { line in
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
