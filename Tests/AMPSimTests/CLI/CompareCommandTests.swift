import Foundation
import Testing
@testable import AMPSim

/// `ampsim compare` as a user runs it: a sweep folder over the configurations, the side-by-side
/// table, the paired differences, bad input refused with one message, an occupied folder refused
/// without --force.
@Suite struct CompareCommandTests {
    static let small = ["--set", "graph.nodes=60", "--set", "workload.payments=40", "--replications", "2", "--jobs", "2"]

    func compare(_ out: String, _ extra: [String] = []) throws -> CommandRun {
        try CommandRun.ampsim(["compare", TestPaths.scenario("quickstart.yaml"), "--out", out] + Self.small + extra,
                              in: TestPaths.scratch())  // no Scripts/plot.py in that folder: AMPSIM_PLOT decides
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>" }

    @Test func defaultConfigurationsSideBySideThenPairedAgainstKeysend() throws {
        let out = TestPaths.scratch() + "/cmp"
        let run = try compare(out)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "quickstart: 6 configurations, each on the same graphs, balances and payments: 40 payments × 2 replications")
        let header = lines[1].components(separatedBy: "  ").filter { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(header == ["configuration", "success [95% CI]", "success among feasible", "fee ppm (median)", "HTLCs/payment",
                           "slot·s/payment", "locked sat·s/payment", "linkable share", "partial loss (sat)"])
        #expect(lines[2...7].map { String($0.prefix { $0 != " " }) } == ["keysend:single", "mpp:single", "mpp:lnd", "mpp:halving", "amp:halving", "amp:window"])
        #expect(lines[8] == "")
        #expect(lines[9] == "paired differences, each configuration minus keysend:single on the same payments (mean over 2 replications, 95% t interval):")
        let paired = lines[10].components(separatedBy: "  ").filter { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(paired == ["configuration", "Δ success [95% CI]", "Δ success among feasible [95% CI]", "Δ fee ppm (median) [95% CI]",
                           "Δ HTLCs/payment [95% CI]"])
        #expect(lines[11...15].map { String($0.prefix { $0 != " " }) } == ["mpp:single", "mpp:lnd", "mpp:halving", "amp:halving", "amp:window"])
        // A single part is keysend on the same payments: no difference in success, exactly.
        #expect(lines[11].contains(" 0 [0, 0] ") || lines[11].contains(" 0.0000 [0.0000, 0.0000] "), "\(lines[11])")
        // The folder is a sweep folder over the configuration axis, with paired.csv against keysend:single.
        for file in ["scenario.yaml", "runs.csv", "summary.csv", "summary_ci.csv", "paired.csv", "sweep.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
        #expect(read(out + "/runs.csv").hasPrefix("run_id,point,replication,payment.protocol,payment.strategy\np000-r00,0,0,keysend,single\n"))
        let pairedCSV = read(out + "/paired.csv").split(separator: "\n")
        #expect(pairedCSV.first == "scenario,protocol,strategy,payment.protocol,payment.strategy,point,baseline_point,metric,pairs,mean_difference,ci_lower,ci_upper")
        #expect(pairedCSV.contains { $0.hasPrefix("quickstart,mpp,single,mpp,single,1,0,success_rate,2,0,") })
    }

    @Test func theSameBytesAsTheEquivalentSweep() throws {
        let root = TestPaths.scratch()
        #expect(try compare(root + "/cmp", ["--configs", "mpp:lnd,amp:halving", "--quiet"]).status == 0)
        let sweep = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", root + "/sweep", "--quiet",
                                           "--vary", "payment.protocol,payment.strategy=mpp:lnd,amp:halving",
                                           "--pair", "payment.protocol,payment.strategy=mpp:lnd"] + Self.small)
        #expect(sweep.status == 0)
        for file in ["scenario.yaml", "runs.csv", "summary.csv", "summary_ci.csv", "paired.csv", "runs/p001-r01/payments.csv"] {
            #expect(read(root + "/cmp/" + file) == read(root + "/sweep/" + file), "\(file)")
        }
    }

    @Test func badInputExitsTwoWithOneLocatedMessageAndWritesNothing() throws {
        let out = TestPaths.scratch() + "/never"
        let strategies = "single|fixed-n|halving|window|lnd|cln-presplit|optimal-flow"
        let cases: [([String], String)] = [
            (["--configs", "mpp:bogus"], "--configs mpp:bogus: expected PROTOCOL:STRATEGY with protocol keysend|mpp|amp|redundant and strategy \(strategies), found 'mpp:bogus'"),
            (["--configs", "keysend:halving,mpp:lnd"],
             "--configs keysend:halving,mpp:lnd: expected strategy single with protocol keysend (a keysend payment is never split), found 'keysend:halving'"),
            (["--configs", "mpp:lnd,amp:lnd", "--baseline", "amp:halving"],
             "--baseline amp:halving: expected one of the configurations (mpp:lnd, amp:lnd), found 'amp:halving'"),
            (["--configs", "mpp-lnd,amp:lnd"], "--configs mpp-lnd,amp:lnd: expected PROTOCOL:STRATEGY with protocol keysend|mpp|amp|redundant and strategy \(strategies), found 'mpp-lnd'"),
            (["--jobs", "0"], "--jobs 0: expected an integer from 1 to 1024 (worker threads), found '0'"),
        ]
        for (extra, message) in cases {
            let run = try compare(out, extra)
            #expect(run.status == 2)
            #expect(run.stderr == message + "\n")
            #expect(run.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func anOccupiedFolderIsRefusedUnlessForced() throws {
        let out = TestPaths.scratch() + "/cmp"
        let configs = ["--configs", "mpp:single,amp:halving", "--quiet"]
        #expect(try compare(out, configs).status == 0)
        let before = read(out + "/summary.csv")
        // A stale run folder and figure of an earlier compare, and a file that is not compare's.
        try FileManager.default.createDirectory(atPath: out + "/runs/p007-r00", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out + "/success_rate.png", contents: Data("old".utf8))
        _ = FileManager.default.createFile(atPath: out + "/notes.txt", contents: Data("mine".utf8))
        let refused = try compare(out, configs)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("\(out): --out: expected a new or empty folder (pass --force to replace the results in it), " +
                "found a folder holding "))
        #expect(refused.stderr.hasSuffix(" entries (notes.txt, paired.csv, runs, ...)\n"))
        let forced = try compare(out, configs + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(read(out + "/summary.csv") == before)
        #expect(!FileManager.default.fileExists(atPath: out + "/runs/p007-r00"))
        #expect(read(out + "/success_rate.png") != "old")  // removed, then drawn again when matplotlib is there
        #expect(read(out + "/notes.txt") == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/runs").sorted() == ["p000-r00", "p000-r01", "p001-r00", "p001-r01"])
    }

    /// A scenario's own grid is left out, with a note: the table has one row per configuration.
    @Test func theScenarioSweepIsLeftOutWithANote() throws {
        let scenario = TestPaths.write("""
            name: gridded
            graph: {nodes: 40}
            workload: {payments: 10}
            sweep:
              vary:
                workload.amount_sat: [1000, 20000]
                payment.protocol,payment.strategy: [[mpp, single], [amp, halving]]
            """)
        let out = TestPaths.scratch() + "/cmp"
        let run = try CommandRun.ampsim(["compare", scenario, "--configs", "mpp:lnd,amp:lnd", "--out", out], in: TestPaths.scratch())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("note: compare leaves out the scenario's sweep axes (workload.amount_sat, payment.protocol,payment.strategy); " +
                                     "use ampsim sweep --pair for a grid\ncompare: 2 configurations × 1 replication = 2 runs, "))
        #expect(run.stdout.hasPrefix("gridded: 2 configurations, each on the same graphs, balances and payments: 10 payments × 1 replication\n"))
        #expect(read(out + "/runs.csv") == "run_id,point,replication,payment.protocol,payment.strategy\np000-r00,0,0,mpp,lnd\np001-r00,1,0,amp,lnd\n")
    }
}
