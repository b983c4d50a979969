import Foundation
import Testing
@testable import AMPSim

/// Every command-line argument the parser or ampsim refuses: exit status 2 and one located line
/// `LOCATION: expected ..., found ...` (never the parser's usage text and status 64); nothing written.
@Suite struct ArgumentErrorTests {
    static let cases: [([String], String)] = [
        (["sweep", "S", "--jobs", "-3"], "--jobs -3: expected an integer from 1 to 1024 (worker threads), found '-3'"),
        (["sweep", "S", "--jobs", "many"], "--jobs many: expected an integer from 1 to 1024 (worker threads), found 'many'"),
        (["sweep", "S", "--shard", "-1/2"], "--shard -1/2: expected I/N with 1 <= I <= N, e.g. 1/4, found '-1/2'"),
        (["sweep", "S", "--replications", "0"], "--replications 0: expected an integer from 1 to 100000 (replications per grid point), found '0'"),
        (["run", "S", "--seed", "-1"], "--seed -1: expected an integer from 0 to 18446744073709551615, found '-1'"),
        (["run", "S", "--seed", "18446744073709551616"],
         "--seed 18446744073709551616: expected an integer from 0 to 18446744073709551615, found '18446744073709551616'"),
        (["run", "S", "--replications", "-1"], "--replications -1: expected an integer from 1 to 100000 (replications), found '-1'"),
        (["run", "S", "--bogus"], "--bogus: expected an option of ampsim run (see ampsim run --help; did you mean --out?), found an unknown option"),
        (["validate", "S", "--zzzzzzzz"], "--zzzzzzzz: expected an option of ampsim validate (see ampsim validate --help), found an unknown option"),
        (["run", "S", "--ot", "x"], "--ot: expected an option of ampsim run (see ampsim run --help; did you mean --out?), found an unknown option"),
        (["run", "S", "--out"], "--out: expected a value after --out <out>, found none"),
        (["run", "S", "--quiet=yes"], "--quiet: expected no value (it is a flag), found a value"),
        (["run"], "ampsim run: expected the argument <scenario> (see ampsim run --help), found none"),
        (["run", "S", "extra"], "extra: expected no further argument to ampsim run (see ampsim run --help), found an unexpected argument"),
        (["frob"], "frob: expected a subcommand: validate, run, compare, sweep, summarize, collect, graph or bench (see ampsim --help), found 'frob'"),
        (["graph", "S", "--from", "csv"], "--from csv: expected one of lnd, cln, cloth, found 'csv'"),
        (["graph", "S", "--replication", "-2"],
         "--replication -2: expected an integer from 0 to 99999 (the replication whose random streams build the graph), found '-2'"),
        (["graph", "S", "--export", "svg", "x.svg"], "--export svg: expected a format cloth or edgelist, found 'svg'"),
        (["graph", "S", "--export", "cloth"], "--export cloth: expected a format and a destination: cloth DIR or edgelist FILE.csv, found no destination"),
        (["bench", "--sweep-runs", "-5"], "--sweep-runs -5: expected an integer from 1 to 100000 (runs of case A in case D), found '-5'"),
    ]

    @Test func everyArgumentErrorIsOneLineAndExitsTwo() throws {
        let out = TestPaths.scratch() + "/never"
        for (arguments, message) in Self.cases {
            let args = arguments.map { $0 == "S" ? TestPaths.scenario("quickstart.yaml") : $0 }
            let extra = ["run", "sweep"].contains(args[0]) && args.count > 1 && args.last != "--out" ? ["--out", out] : []
            let run = try CommandRun.ampsim(args + extra)
            #expect(run.status == 2, "\(arguments): status \(run.status)")
            #expect(run.stderr == message + "\n", "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func helpAndVersionStillExitZero() throws {
        let help = try CommandRun.ampsim(["run", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: ampsim run"))
        let version = try CommandRun.ampsim(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("ampsim \(AMPSimVersion.string) (commit "))
    }
}
