import AMPSim
import ArgumentParser

/// The `ampsim` command line: one subcommand per task a researcher runs from a shell.
@main
struct AMPSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ampsim",
        abstract: "Discrete-event simulator comparing keysend, MPP and AMP payments on Lightning-like channel graphs.",
        discussion: """
        Examples:
          ampsim validate Scenarios/quickstart.yaml
          ampsim validate Scenarios/quickstart.yaml --set payment.protocol=mpp --set payment.fixed_n.n=8
          ampsim graph Scenarios/quickstart.yaml --json
          ampsim sweep Scenarios/quickstart.yaml --vary payment.protocol=mpp,amp --replications 10 --out Results/qs-sweep

        Exit status: 0 on success, 2 when an input (scenario, override, graph file) is not valid,
        130 when a sweep is interrupted.
        """,
        version: AMPSimVersion.string,
        subcommands: [ValidateCommand.self, RunCommand.self, SweepCommand.self, SummarizeCommand.self, GraphCommand.self, BenchCommand.self]
    )
}
