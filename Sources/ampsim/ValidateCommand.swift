import AMPSim
import ArgumentParser

/// `ampsim validate`: checks a scenario and prints it resolved, every default filled in.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario and print it resolved (defaults filled in) as YAML.",
        discussion: """
        Every problem is reported at once as FILE:LINE: path.to.field: expected ..., found ...
        and the exit status is 2; a valid scenario prints as YAML and exits 0.

        Examples:
          ampsim validate Scenarios/quickstart.yaml
          ampsim validate Scenarios/quickstart.yaml --set payment.strategy=fixed-n --set payment.fixed_n.n=8
        """
    )

    @OptionGroup var options: ScenarioOptions

    func run() throws {
        let scenario = try options.load()
        print(scenario.yaml, terminator: "")
    }
}
