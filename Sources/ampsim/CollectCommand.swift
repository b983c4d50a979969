import AMPSim
import ArgumentParser
import Foundation

/// `ampsim collect`: stacks the per-run tables of a sweep folder (or one run folder) into one tidy CSV,
/// on standard output or into a file.
struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Stack a sweep's per-run payments, parts or channels tables into one CSV.",
        discussion: """
        DIR is a sweep folder (from ampsim sweep or a merge) or a run folder (from ampsim run). The \
        output has the columns run_id, scenario, protocol, strategy, the sweep's varied paths and point \
        (a run folder has neither; its run_id is empty), then the table's own columns except protocol \
        and strategy. Rows come in (point, replication) order, each run's fields exactly as the run \
        wrote them. Every run is checked first: an unfinished run, or a run without the table (parts.csv \
        needs output.parts, channels.csv output.channels), exits with status 2 and writes nothing.

        Examples:
          ampsim collect Results/qs-sweep --table payments --out payments.csv
          ampsim collect Results/qs-sweep --table parts | gzip > parts.csv.gz
          ampsim collect Results/quickstart --table payments

        Exit status: 0 on success, 2 when DIR or one of its runs cannot be collected.
        """
    )

    @Argument(help: "A sweep folder or a run folder.")
    var dir: String

    @Option(help: ArgumentHelp("The table to stack.", valueName: "payments|parts|channels"))
    var table: String

    @Option(help: ArgumentHelp("Write the CSV to this file (replaced whole) instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        try InputFailure.exitOnInputError {
            let table = try OptionValue.choice(self.table, flag: "--table", as: CollectedTable.Table.self)
            let collected = try CollectedTable(dir, table: table)
            if let out {
                try collected.write(toFile: out)
            } else {
                try collected.write { FileHandle.standardOutput.write(Data($0.utf8)) }
            }
        }
    }
}
