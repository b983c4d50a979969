import AMPSim
import ArgumentParser

/// `ampsim validate`: checks a scenario and prints it resolved, every default filled in.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario and print it resolved (defaults filled in) as YAML.",
        discussion: """
        Every problem is reported at once as FILE:LINE: path.to.field: expected ..., found ... \
        and the exit status is 2; a valid scenario prints as YAML and exits 0. Everything `ampsim run` \
        refuses before simulating is refused here too: the resource limits (unless --allow-large), a \
        missing or oversized graph file, an empty or malformed replay file, explicit-graph endpoints \
        that do not exist.

        Examples:
          ampsim validate Scenarios/quickstart.yaml
          ampsim validate Scenarios/quickstart.yaml --set payment.strategy=fixed-n \\
              --set payment.fixed_n.n=8
        """
    )

    @OptionGroup var options: ScenarioOptions

    @Flag(help: "Accept a scenario that exceeds the resource limits (as run --allow-large would run it).")
    var allowLarge = false

    func run() throws {
        let scenario = try options.load()
        try InputFailure.exitOnInputError {
            try ScenarioPreflight.check(scenario, runs: 1, limits: allowLarge ? .unlimited : .standard)
        }
        print(scenario.yaml, terminator: "")
    }
}
