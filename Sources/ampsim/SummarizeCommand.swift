import AMPSim
import ArgumentParser

/// `ampsim summarize`: (re)writes a sweep folder's summary.csv and summary_ci.csv, or merges the
/// folders of several shards into one.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarize a sweep folder, or merge shard folders into one.",
        discussion: """
        With one DIR: (re)writes DIR/summary.csv (one row per run) and DIR/summary_ci.csv (per grid point \
        and metric: mean and 95% interval over replications). With several DIRs and --out: links or copies \
        their runs into OUT and summarizes it (the same bytes as one unsharded sweep); OUT is new, empty or \
        an earlier merge of the same sweep, and keeps none of that merge's runs that the DIRs do not hold, \
        nor its paired.csv without --pair. --pair AXIS=BASELINE \
        also writes paired.csv: per point and metric, the mean difference from the point holding BASELINE \
        on AXIS, replication by replication, with a 95% t interval.

        Examples:
          ampsim summarize Results/qs-sweep
          ampsim summarize Results/qs-shard1 Results/qs-shard2 --out Results/qs-sweep
          ampsim summarize Results/qs-sweep \\
              --pair payment.protocol,payment.strategy=mpp:halving

        Exit status: 0 on success, 2 when a folder is not a (finished) sweep folder; nothing is written then.
        """
    )

    @Argument(help: "Sweep folders (one to summarize in place; several, with --out, to merge).")
    var folders: [String]

    @Option(help: "Merge the folders into this folder.")
    var out: String?

    @Option(help: ArgumentHelp("Also write paired.csv: differences from this value of one axis.", valueName: "axis=baseline"))
    var pair: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let folder = try InputFailure.exitOnInputError { () -> SweepSummary.Folder in
            guard !folders.isEmpty else { throw InputError(location: "summarize", expected: "at least one sweep folder", found: "none") }
            if let out { return try SweepMerge.merge(folders, into: out, pair: pair) }
            guard folders.count == 1 else {
                throw InputError(location: "summarize", path: "--out", expected: "a folder to merge \(folders.count) folders into", found: "none")
            }
            return try SweepSummary.write(folders[0], pair: pair)
        }
        guard !quiet else { return }
        let expected = folder.grid.pointCount * folder.replications
        if folder.runs.count < expected {
            StandardError.write("note: \(folder.path) holds \(ReadableNumber.count(folder.runs.count)) of the grid's " +
                                "\(ReadableNumber.plural(expected, "run")) (one shard?)\n")
        }
        print("wrote \(folder.path)/summary.csv, summary_ci.csv\(pair == nil ? "" : ", paired.csv") (\(ReadableNumber.plural(folder.runs.count, "run")))")
    }
}
