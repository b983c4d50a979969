import Foundation
import Testing
@testable import AMPSim

/// `ampsim run` as a user runs it: the files, their columns, the table of intervals, exit status 2 and
/// nothing written for bad input.
@Suite struct RunCommandTests {
    let small = ["--set", "graph.nodes=60", "--set", "workload.payments=40", "--replications", "2"]

    @Test func writesTheFourFilesWithTheDocumentedColumns() throws {
        let out = TestPaths.scratch() + "/run"
        let run = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet"] + small)
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty)
        let payments = try String(contentsOfFile: out + "/payments.csv", encoding: .utf8).split(separator: "\n")
        #expect(payments.first.map(String.init) == PaymentsTable.columns.joined(separator: ","))
        #expect(payments.count == 1 + 2 * 40)
        #expect(payments.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == PaymentsTable.columns.count })
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n")
        #expect(summary.first.map(String.init) == (["scenario", "protocol", "strategy"] + ReplicationSummary.columns).joined(separator: ","))
        #expect(summary.count == 3)
        #expect(summary[1].hasPrefix("quickstart,amp,halving,0,40,") && summary[2].hasPrefix("quickstart,amp,halving,1,40,"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as? [String: Any]
        #expect(json?["ampsim_version"] as? String == AMPSimVersion.string)
        #expect((json?["scenario_yaml"] as? String)?.contains("replications: 2") == true)
        let ci = try String(contentsOfFile: out + "/summary_ci.csv", encoding: .utf8).split(separator: "\n")
        #expect(ci.first == "scenario,protocol,strategy,metric,replications,mean,ci_lower,ci_upper,interval")
        #expect(ci.count == ReplicationSummary.columns.count)
        #expect(ci.contains { $0.hasPrefix("quickstart,amp,halving,success_rate,2,") && $0.hasSuffix(",t") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["payments.csv", "run.json", "summary.csv", "summary_ci.csv"])
    }

    @Test func partsAndChannelsWhenAskedAndATableOfIntervals() throws {
        let out = TestPaths.scratch() + "/all"
        let run = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out,
                                         "--set", "output.parts=true", "--set", "output.channels=true"] + small)
        #expect(run.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() ==
                ["channels.csv", "parts.csv", "payments.csv", "run.json", "summary.csv", "summary_ci.csv"])
        func table(_ name: String) throws -> [[Substring]] {
            try String(contentsOfFile: "\(out)/\(name)", encoding: .utf8).split(separator: "\n")
                .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        }
        let payments = try table("payments.csv"), parts = try table("parts.csv"), channels = try table("channels.csv")
        #expect(parts.first?.joined(separator: ",") == PartsTable.columns.joined(separator: ","))
        #expect(channels.first?.joined(separator: ",") == ChannelsTable.columns.joined(separator: ","))
        #expect(parts.allSatisfy { $0.count == PartsTable.columns.count })
        #expect(channels.allSatisfy { $0.count == ChannelsTable.columns.count })
        // One parts row per attempt of every payment; two channel rows per channel of the 60-node graph.
        let attempts = PaymentsTable.columns.firstIndex(of: "attempts")!
        #expect(parts.count - 1 == payments.dropFirst().reduce(0) { $0 + Int($1[attempts])! })
        #expect((channels.count - 1) % 4 == 0 && channels.count > 1)
        // The headline figures with their 95% intervals.
        #expect(run.stdout.contains("metric") && run.stdout.contains("95% interval"))
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("success rate ") && $0.hasSuffix(" t") })
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("success among feasible ") && $0.contains("[") })
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("slot·s per payment ") && $0.contains("[") })
        #expect(run.stdout.contains("parts.csv, channels.csv"))
    }

    @Test func sameCommandSameBytesWhateverTheFolder() throws {
        let a = TestPaths.scratch() + "/a", b = TestPaths.scratch() + "/b"
        for dir in [a, b] {
            #expect(try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", dir, "--quiet",
                                           "--set", "output.parts=true", "--set", "output.channels=true"] + small).status == 0)
        }
        for file in ["payments.csv", "summary.csv", "summary_ci.csv", "parts.csv", "channels.csv"] {
            let bytes = FileManager.default.contents(atPath: "\(a)/\(file)")
            #expect(bytes?.isEmpty == false, "\(file) missing or empty")
            #expect(bytes == FileManager.default.contents(atPath: "\(b)/\(file)"), "\(file) differs between the two processes")
        }
    }

    /// A replayed workload reports the payments the file holds, not workload.payments (1000 by default).
    @Test func replayPrintsThePaymentsItRan() throws {
        let (_, folder) = try ScenarioPreflightTests.clothScenario(replay: ScenarioPreflightTests.header + "0,0,2,100000,0\n1,2,0,100000,10\n")
        let run = try CommandRun.ampsim(["run", folder + "/rp.yaml", "--out", folder + "/out"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("rp: mpp / single, 2 payments × 1 replication\n"), "\(run.stdout)")
    }

    @Test func badInputExitsTwoAndWritesNothing() throws {
        let out = TestPaths.scratch() + "/never"
        let badProbability = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out,
                                                    "--set", "routing.min_probability=0"])
        #expect(badProbability.status == 2)
        #expect(badProbability.stderr.contains("routing.min_probability: expected"))
        let badChurn = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out,
                                              "--set", "network.churn={mean_up_s: 10, mean_down_s: 0}"])
        #expect(badChurn.status == 2 && badChurn.stderr.contains("network.churn.mean_down_s: expected"))
        let badCost = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--set", "routing.cost=bimodal2"])
        #expect(badCost.status == 2 && badCost.stderr.contains("routing.cost: expected"))
        let missingGraph = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out,
                                                  "--set", "graph={generator: import, format: lnd, path: no-such.json}"])
        #expect(missingGraph.status == 2 && missingGraph.stderr.contains("no-such.json"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // An output folder that cannot be created (its parent is a file).
        let file = TestPaths.write("x", name: "plain-file")
        let unwritable = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", file + "/sub", "--quiet"] + small)
        #expect(unwritable.status == 2 && unwritable.stderr.contains("output.dir: expected a folder that can be created"))
    }

    /// An occupied folder is refused before anything runs; --force replaces the run's files and
    /// removes the optional ones the new run does not write.
    @Test func noSilentOverwriteAndForceLeavesNoStaleParts() throws {
        let out = TestPaths.scratch() + "/qs"
        let first = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet",
                                           "--set", "output.parts=true", "--set", "output.channels=true"] + small)
        #expect(first.status == 0)
        let before = try String(contentsOfFile: out + "/payments.csv", encoding: .utf8)
        let refused = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet", "--seed", "9"] + small)
        #expect(refused.status == 2)
        #expect(refused.stderr == "\(out): --out: expected a new or empty folder (pass --force to replace the results in it), " +
                "found a folder holding 6 entries (channels.csv, parts.csv, payments.csv, ...)\n")
        #expect(try String(contentsOfFile: out + "/payments.csv", encoding: .utf8) == before)
        _ = FileManager.default.createFile(atPath: out + "/notes.txt", contents: Data("mine".utf8))
        let forced = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet", "--seed", "9", "--force"] + small)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: out + "/payments.csv", encoding: .utf8) != before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() ==
                ["notes.txt", "payments.csv", "run.json", "summary.csv", "summary_ci.csv"])
        // The scenario's own output.dir is refused the same way, named as such.
        let scenario = TestPaths.write("name: t\ngraph: {nodes: 30}\nworkload: {payments: 5}\noutput: {dir: \(out)}\n")
        let byScenario = try CommandRun.ampsim(["run", scenario, "--quiet"])
        #expect(byScenario.status == 2 && byScenario.stderr.hasPrefix("\(out): output.dir: expected a new or empty folder (pass --force"))
    }

    @Test func theTableIsReadable() throws {
        let out = TestPaths.scratch() + "/one"
        let run = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--set", "graph.nodes=60",
                                         "--set", "workload.payments=40", "--replications", "1"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "quickstart: amp / halving, 40 payments × 1 replication")
        #expect(lines[1].hasPrefix("metric ") && lines[1].hasSuffix("  95% interval      method"))
        // One replication: a rate gets Wilson's interval, every other figure none ("—", method "—").
        #expect(lines.contains { $0.hasPrefix("success rate ") && $0.hasSuffix("]  Wilson") })
        #expect(lines.contains { $0.hasPrefix("HTLCs per payment ") && $0.split(separator: " ").suffix(2) == ["—", "—"] })
        #expect(lines.contains { $0.hasPrefix("locked liquidity per payment (sat·s) ") })
        #expect(!run.stdout.contains("msat"))
    }
}
