import AMPSim
import ArgumentParser
import Foundation

/// `ampsim bench`: runs the benchmark cases of issue #11 (Benchmarks/*.yaml), each in its own child
/// process, and prints wall time, payments/s, events/s, path searches/s and peak memory as a table and
/// as CSV. Speed is measured here only; the tests never time anything.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the benchmark cases (A-H, and I on request) and print a table; write the figures as CSV.",
        discussion: """
        Build with -c release first (Scripts/bench.sh does both). Each case runs `ampsim run` in a child \
        process; peak memory is that child's ru_maxrss. Case D runs `ampsim sweep` over --sweep-runs \
        replications of case A's scenario with --jobs 1, then --jobs 2. Case I (100,000 nodes) runs only \
        when asked for (--cases I).

        Examples:
          ampsim bench
          ampsim bench --cases A,B --csv /tmp/bench.csv
          ampsim bench --cases A --set workload.payments=500
        """
    )

    @Option(help: "Comma-separated case ids (A,B,C,D,E,F,G,H; I on request).")
    var cases = "A,B,C,D,E,F,G,H"

    @Option(help: "Folder holding the case scenarios.")
    var benchDir = "Benchmarks"

    @Option(help: "Where to write the CSV.")
    var csv = "Benchmarks/results.csv"

    @Option(help: "Folder for the children's outputs and logs (default: a fresh folder under the temporary directory).")
    var workDir: String?

    @Option(parsing: .unconditional, help: "Runs of case A in case D (split over two children).")
    var sweepRuns = "20"

    @Option(name: .customLong("set"), help: ArgumentHelp("Override applied to every case; repeatable.", valueName: "path.to.field=value"))
    var overrides: [String] = []

    func run() throws {
        guard let selected = BenchCase.select(cases.split(separator: ",").map(String.init)) else {
            StandardError.write("--cases \(cases): expected ids among A,B,C,D,E,F,G,H,I, found '\(cases)'\n")
            throw ExitCode(2)
        }
        let sweepRuns = try InputFailure.exitOnInputError {
            try OptionValue.integer(self.sweepRuns, flag: "--sweep-runs", in: 1...Scenario.maxReplications, "runs of case A in case D")
        }
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let work = workDir ?? NSTemporaryDirectory() + "ampsim-bench-\(ProcessInfo.processInfo.processIdentifier)"
        let runner = BenchRunner(executable: executable, benchDir: benchDir, workDir: work, sweepRuns: sweepRuns,
                                 overrides: overrides)
        var rows: [BenchResult] = []
        for c in selected {
            let title = c.isParallelSweep ? "\(sweepRuns) runs of case A (ampsim sweep), jobs 1 vs jobs 2" : c.title
            StandardError.write("case \(c.id): \(title) ...\n")
            rows += try runner.run(c)
        }
        print(BenchResult.table(rows))
        try BenchResult.csv(rows).write(toFile: csv, atomically: true, encoding: .utf8)
        print("wrote \(csv); outputs and logs in \(work)")
    }
}
