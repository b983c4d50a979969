import AMPSim
import ArgumentParser
import Foundation

/// The `ampsim` command line: one subcommand per task a researcher runs from a shell.
@main
struct AMPSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ampsim",
        abstract: "Discrete-event simulator comparing keysend, MPP and AMP payments on Lightning-like channel graphs.",
        discussion: """
        Examples:
          ampsim compare Scenarios/quickstart.yaml
          ampsim validate Scenarios/quickstart.yaml
          ampsim run Scenarios/quickstart.yaml --set payment.protocol=mpp
          ampsim graph Scenarios/quickstart.yaml --json
          ampsim sweep Scenarios/quickstart.yaml --vary payment.protocol=mpp,amp \\
              --replications 10 --out Results/qs-sweep
          ampsim collect Results/qs-sweep --table payments --out payments.csv

        Exit status: 0 on success, 2 when an input (scenario, override, graph \
        file, command-line argument) is not valid, 130 when a run or sweep is \
        interrupted.
        """,
        version: Provenance.thisProcess.versionLine,
        subcommands: [ValidateCommand.self, RunCommand.self, CompareCommand.self, SweepCommand.self, SummarizeCommand.self, CollectCommand.self,
                      GraphCommand.self, BenchCommand.self]
    )

    /// Parses and runs like `ParsableCommand.main()`, except that an argument the parser refuses is
    /// reported as one located line with exit status 2 (the parser's own default is its usage text
    /// and status 64); --help and --version behave as usual.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
            let failure = ArgumentFailure(subcommand: ArgumentFailure.subcommand(in: arguments, among: names), message: message(for: error))
            StandardError.write(failure.diagnostic.description + "\n")
            Foundation.exit(2)
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
