import Foundation
import Testing
@testable import AMPSim

/// `ampsim collect`: a sweep's per-run tables stacked into one CSV, configuration columns first, rows
/// exactly those of the run folders; a run folder works too; bad input exits 2 and writes nothing.
@Suite struct CollectCommandTests {
    static let small = ["--set", "graph.nodes=60", "--set", "workload.payments=30"]

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>" }
    func lines(_ path: String) -> [String] { read(path).split(separator: "\n").map(String.init) }

    /// A sweep of 3 configurations x 2 amounts x 2 replications with parts.csv in every run.
    func sweep(_ out: String, _ extra: [String] = ["--set", "output.parts=true"]) throws {
        let run = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet", "--replications", "2",
                                         "--vary", "payment.protocol,payment.strategy=keysend:single,mpp:halving,amp:halving",
                                         "--vary", "workload.amount_sat=10000,100000"] + Self.small + extra)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func stacksEveryRunsRowsBehindItsConfiguration() throws {
        let out = TestPaths.scratch() + "/sweep"
        try sweep(out)
        for table in ["payments", "parts"] {
            let file = TestPaths.scratch() + "/\(table).csv"
            let run = try CommandRun.ampsim(["collect", out, "--table", table, "--out", file])
            #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "\(run.stderr)")
            let stacked = lines(file)
            let own = lines(out + "/runs/p000-r00/\(table).csv")[0].split(separator: ",").map(String.init)
            let kept = own.filter { $0 != "protocol" && $0 != "strategy" }
            #expect(stacked[0] == (["run_id", "scenario", "protocol", "strategy", "payment.protocol", "payment.strategy",
                                    "workload.amount_sat", "point"] + kept).joined(separator: ","))
            // Rows: every run's, in (point, replication) order, each behind its run id and configuration.
            var expected: [String] = []
            for p in 0..<6 {
                let config = [["keysend", "single"], ["mpp", "halving"], ["amp", "halving"]][p / 2]
                let amount = p % 2 == 0 ? "10000" : "100000"
                for r in 0..<2 {
                    let id = SweepRunID(point: p, replication: r).text
                    let own = lines(out + "/runs/\(id)/\(table).csv")
                    let header = own[0].split(separator: ",").map(String.init)
                    for row in own.dropFirst() {
                        let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                        let rest = zip(header, fields).filter { $0.0 != "protocol" && $0.0 != "strategy" }.map(\.1)
                        expected.append(([id, "quickstart"] + config + config + [amount, String(p)] + rest).joined(separator: ","))
                    }
                }
            }
            #expect(stacked.count - 1 == expected.count)
            #expect(Array(stacked.dropFirst()) == expected)
            // Standard output gets the same bytes.
            let piped = try CommandRun.ampsim(["collect", out, "--table", table])
            #expect(piped.status == 0 && piped.stdout == read(file))
        }
        // payments.csv of every run has 30 rows: 12 runs.
        let payments = try CommandRun.ampsim(["collect", out, "--table", "payments"])
        #expect(payments.stdout.split(separator: "\n").count == 1 + 12 * 30)
        let ids = payments.stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(ids == (0..<6).flatMap { p in (0..<2).flatMap { r in Array(repeating: SweepRunID(point: p, replication: r).text, count: 30) } })
    }

    /// A run folder from `ampsim run`: an empty run_id, no grid columns, every replication's rows.
    @Test func aRunFolderToo() throws {
        let out = TestPaths.scratch() + "/run"
        let made = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet", "--replications", "2",
                                          "--set", "output.channels=true"] + Self.small)
        #expect(made.status == 0)
        let run = try CommandRun.ampsim(["collect", out, "--table", "channels"])
        #expect(run.status == 0, "\(run.stderr)")
        let stacked = run.stdout.split(separator: "\n").map(String.init)
        let own = lines(out + "/channels.csv")
        #expect(stacked[0] == "run_id,scenario,protocol,strategy," + own[0])
        #expect(Array(stacked.dropFirst()) == own.dropFirst().map { ",quickstart,amp,halving," + $0 })
    }

    @Test func badInputExitsTwoAndWritesNothing() throws {
        let root = TestPaths.scratch()
        let out = root + "/sweep"
        try sweep(out, [])
        let file = root + "/parts.csv"
        // No parts.csv: the sweep ran without output.parts.
        let noParts = try CommandRun.ampsim(["collect", out, "--table", "parts", "--out", file])
        #expect(noParts.status == 2 && noParts.stdout.isEmpty)
        #expect(noParts.stderr == "\(out)/runs/p000-r00: output.parts: expected a parts.csv in every run (run with --set output.parts=true), found none\n")
        #expect(!FileManager.default.fileExists(atPath: file))
        // Not a results folder, an unknown table, a missing folder.
        let notResults = try CommandRun.ampsim(["collect", root, "--table", "payments"])
        #expect(notResults.status == 2 && notResults.stderr
                == "\(root): expected a sweep folder (scenario.yaml, runs.csv, runs/) or a run folder (run.json, payments.csv), found neither\n")
        let missing = try CommandRun.ampsim(["collect", root + "/nope", "--table", "payments"])
        #expect(missing.status == 2 && missing.stderr.hasSuffix("found no such folder\n"))
        let table = try CommandRun.ampsim(["collect", out, "--table", "htlcs"])
        #expect(table.status == 2 && table.stderr == "--table htlcs: expected one of payments, parts, channels, found 'htlcs'\n")
        // An unfinished run (its marker gone): nothing is written.
        try FileManager.default.removeItem(atPath: out + "/runs/p002-r01/done")
        let unfinished = try CommandRun.ampsim(["collect", out, "--table", "payments", "--out", file])
        #expect(unfinished.status == 2 && unfinished.stderr.hasPrefix("\(out)/runs/p002-r01: expected a finished run"))
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
