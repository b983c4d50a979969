import AMPSim
import ArgumentParser

/// The scenario argument and its `--set` overrides, shared by every subcommand that reads a scenario.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a field before validation; repeatable.", valueName: "path.to.field=value"))
    var overrides: [String] = []

    /// The validated scenario, or exit status 2 with every problem on standard error. `extra` (from
    /// options such as `--seed`) apply after the `--set` overrides.
    func load(extra: [Override] = []) throws -> Scenario {
        try InputFailure.exitOnInputError {
            let parsed = try overrides.map { try Override.parse($0) }
            return try ScenarioLoader.load(path: scenario, overrides: parsed + extra)
        }
    }
}

/// Prints input problems the way every subcommand does: one per line on standard error, exit status 2.
enum InputFailure {
    static func exitOnInputError<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            StandardError.write(error.description + "\n")
            throw ExitCode(2)
        }
    }
}
