import Foundation
import Testing
@testable import AMPSim

/// `ampsim sweep` and `ampsim summarize` as a user runs them: the folder layout, the same bytes
/// whatever --jobs, sharding or folder, resume after kill -9, paired runs, and exit 2 on bad input.
@Suite struct SweepCommandTests {
    static let small = ["--set", "graph.nodes=60", "--set", "workload.payments=40"]
    static let grid = ["--vary", "payment.protocol,payment.strategy=keysend:single,mpp:halving,amp:halving",
                       "--vary", "workload.amount_sat=10000,100000", "--replications", "2"]
    static let csvs = ["runs.csv", "summary.csv", "summary_ci.csv", "paired.csv"]

    func sweep(_ out: String, _ extra: [String] = []) throws -> CommandRun {
        try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet"] + Self.small + Self.grid + extra)
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(path)>" }

    /// Polls (a safety limit of 2 minutes, not a timing assertion) until `condition` holds.
    func waitUntil(_ condition: () -> Bool) {
        let limit = Date().addingTimeInterval(120)
        while !condition() && Date() < limit { usleep(10_000) }
    }

    func lines(_ path: String) -> [String] { read(path).split(separator: "\n").map(String.init) }

    @Test func smallSweepWritesItsFolderAndItsRunsMatchAmpsimRun() throws {
        let out = TestPaths.scratch() + "/sweep"
        let run = try sweep(out, ["--pair", "payment.protocol,payment.strategy=mpp:halving"])
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "\(run.stderr)")
        let fm = FileManager.default
        #expect(try fm.contentsOfDirectory(atPath: out).sorted()
                == ["paired.csv", "runs", "runs.csv", "scenario.yaml", "summary.csv", "summary_ci.csv", "sweep.json"])
        let ids = try fm.contentsOfDirectory(atPath: out + "/runs").sorted()
        #expect(ids == (0..<6).flatMap { p in (0..<2).map { SweepRunID(point: p, replication: $0).text } })
        #expect(try fm.contentsOfDirectory(atPath: out + "/runs/p004-r01").sorted() == ["done", "payments.csv", "run.json", "summary.csv"])
        #expect(lines(out + "/runs.csv").prefix(3) == ["run_id,point,replication,payment.protocol,payment.strategy,workload.amount_sat",
                                                        "p000-r00,0,0,keysend,single,10000", "p000-r01,0,1,keysend,single,10000"])
        let metrics = ReplicationSummary.columns.dropFirst()
        let summary = lines(out + "/summary.csv")
        #expect(summary.count == 13)
        // The configuration first: run id, scenario, protocol, strategy, the varied paths, point, replication.
        #expect(summary[0] == (["run_id", "scenario", "protocol", "strategy", "payment.protocol", "payment.strategy", "workload.amount_sat",
                                "point", "replication"] + metrics).joined(separator: ","))
        let ci = lines(out + "/summary_ci.csv")
        #expect(ci[0] == "scenario,protocol,strategy,payment.protocol,payment.strategy,workload.amount_sat,point,metric,replications,mean,ci_lower,ci_upper,interval")
        #expect(ci.count == 1 + 6 * metrics.count)
        #expect(ci.contains { $0.hasPrefix("quickstart,amp,halving,amp,halving,10000,4,success_rate,2,") && $0.hasSuffix(",t") })
        let paired = lines(out + "/paired.csv")
        #expect(paired[0] == "scenario,protocol,strategy,payment.protocol,payment.strategy,workload.amount_sat,point,baseline_point,metric,pairs,mean_difference,ci_lower,ci_upper")
        #expect(paired.count == 1 + 4 * metrics.count)
        #expect(paired.contains { $0.hasPrefix("quickstart,amp,halving,amp,halving,10000,4,2,success_rate,2,") })
        // Run p004-r01 (amp/halving, 10000 sat, replication 1) holds what `ampsim run` writes for it.
        let single = TestPaths.scratch() + "/run"
        let plain = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", single, "--quiet", "--replications", "2",
                                          "--set", "payment.protocol=amp", "--set", "payment.strategy=halving", "--set", "workload.amount_sat=10000"] + Self.small)
        #expect(plain.status == 0)
        let runPayments = lines(out + "/runs/p004-r01/payments.csv")
        #expect(runPayments.count == 41)
        #expect(runPayments == [lines(single + "/payments.csv")[0]] + lines(single + "/payments.csv").filter { $0.hasPrefix("1,") })
        #expect(lines(out + "/runs/p004-r01/summary.csv")[1] == lines(single + "/summary.csv")[2])
        let runRow = lines(single + "/summary.csv")[2]
        #expect(runRow.hasPrefix("quickstart,amp,halving,1,"))
        #expect(summary[10] == "p004-r01,quickstart,amp,halving,amp,halving,10000,4,1," + runRow.dropFirst("quickstart,amp,halving,1,".count))
        // Summarizing again rewrites the same bytes.
        let before = Self.csvs.map { read(out + "/" + $0) }
        let again = try CommandRun.ampsim(["summarize", out, "--quiet", "--pair", "payment.protocol,payment.strategy=mpp:halving"])
        #expect(again.status == 0 && Self.csvs.map { read(out + "/" + $0) } == before)
    }

    /// With `output.parts` and `output.channels` on, each run folder also holds the parts.csv and
    /// channels.csv that `ampsim run` writes for that replication.
    @Test func runFoldersHoldPartsAndChannelsWhenAsked() throws {
        let out = TestPaths.scratch() + "/sweep"
        let outputs = ["--set", "output.parts=true", "--set", "output.channels=true"]
        let run = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet"] + Self.small + outputs
                                        + ["--vary", "payment.protocol=mpp,amp", "--set", "payment.strategy=halving", "--replications", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/runs/p001-r01").sorted()
                == ["channels.csv", "done", "parts.csv", "payments.csv", "run.json", "summary.csv"])
        let single = TestPaths.scratch() + "/run"
        let plain = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", single, "--quiet", "--replications", "2",
                                          "--set", "payment.protocol=amp", "--set", "payment.strategy=halving"] + Self.small + outputs)
        #expect(plain.status == 0)
        for file in ["parts.csv", "channels.csv"] {
            let all = lines(single + "/" + file)
            #expect(lines(out + "/runs/p001-r01/" + file) == [all[0]] + all.filter { $0.hasPrefix("1,") })
        }
    }

    /// More than 100,000 runs is refused up front, before any folder is made, unless --allow-large.
    @Test func tooManyRunsAreRefusedUpFront() throws {
        let out = TestPaths.scratch() + "/huge"
        let run = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet",
                                         "--vary", "workload.amount_sat=1000..100000:lin:2000", "--replications", "100"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("sweep: expected at most 100000 runs (grid points x replications; pass --allow-large to run more), found 200000 runs"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func sameBytesWhateverJobsAndFolderAndProgressLinesOnAPipe() throws {
        let a = TestPaths.scratch() + "/one", b = TestPaths.scratch() + "/two"
        let one = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", a, "--jobs", "1", "--pair", "payment.protocol,payment.strategy=keysend:single"]
                                        + Self.small + Self.grid)
        #expect(one.status == 0)
        #expect(one.stderr.hasPrefix("sweep: 6 points × 2 replications = 12 runs, 1 job, folder \(a)\n"))
        #expect(one.stderr.contains("sweep: 12/12 runs "))
        #expect(one.stdout.hasPrefix("wrote \(a): runs.csv, summary.csv, summary_ci.csv, paired.csv, sweep.json (12 runs: 12 run now, 0 already finished;"))
        #expect(try sweep(b, ["--jobs", "2", "--pair", "payment.protocol,payment.strategy=keysend:single"]).status == 0)
        for file in Self.csvs { #expect(read("\(a)/\(file)") == read("\(b)/\(file)"), "\(file)") }
        for id in try FileManager.default.contentsOfDirectory(atPath: a + "/runs") {
            for file in ["payments.csv", "summary.csv"] { #expect(read("\(a)/runs/\(id)/\(file)") == read("\(b)/runs/\(id)/\(file)")) }
        }
        #expect(read(a + "/sweep.json").contains("\"jobs\" : 1") && read(b + "/sweep.json").contains("\"jobs\" : 2"))
    }

    /// Without --jobs a sweep starts one worker per CPU it may use: under `taskset -c 0` (as in a
    /// 1-CPU Slurm allocation) that is 1, however many cores the machine has.
    @Test func jobsDefaultToTheCPUsTheProcessMayUse() throws {
        let out = TestPaths.scratch() + "/pinned"
        let run = try CommandRun.run("/usr/bin/taskset", ["-c", "0", TestPaths.binary, "sweep", TestPaths.scenario("quickstart.yaml"), "--out", out,
                                                          "--vary", "payment.protocol=mpp,amp", "--set", "payment.strategy=halving", "--replications", "1"] + Self.small)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("sweep: 2 points × 1 replication = 2 runs, 1 job, folder \(out)\n"), "\(run.stderr)")
        #expect(read(out + "/sweep.json").contains("\"jobs\" : 1"))
    }

    @Test func shardUnionIsTheFullSweep() throws {
        let root = TestPaths.scratch()
        #expect(try sweep(root + "/full", ["--jobs", "2"]).status == 0)
        for i in 1...3 { #expect(try sweep(root + "/s\(i)", ["--shard", "\(i)/3", "--jobs", "1"]).status == 0) }
        #expect(lines(root + "/s2/runs.csv").count == 1 + 4)
        let merge = try CommandRun.ampsim(["summarize", root + "/s1", root + "/s2", root + "/s3", "--out", root + "/merged"])
        #expect(merge.status == 0 && merge.stdout == "wrote \(root)/merged/summary.csv, summary_ci.csv (12 runs)\n")
        for file in ["runs.csv", "summary.csv", "summary_ci.csv", "scenario.yaml"] { #expect(read("\(root)/full/\(file)") == read("\(root)/merged/\(file)"), "\(file)") }
        #expect(read(root + "/merged/runs/p005-r01/payments.csv") == read(root + "/full/runs/p005-r01/payments.csv"))
        // A lone shard summarizes with a note that it is part of a grid.
        let lone = try CommandRun.ampsim(["summarize", root + "/s1"])
        #expect(lone.status == 0 && lone.stderr == "note: \(root)/s1 holds 4 of the grid's 12 runs (one shard?)\n")
        // Merging a shard twice, or shards of different sweeps, is refused.
        let twice = try CommandRun.ampsim(["summarize", root + "/s1", root + "/full", "--out", root + "/bad"])
        #expect(twice.status == 2 && twice.stderr.contains("expected each run in one folder only, found run p000-r00 in \(root)/s1 too"))
        #expect(!FileManager.default.fileExists(atPath: root + "/bad"))
    }

    /// Merging again into an earlier merge leaves nothing of it behind: runs the inputs no longer hold
    /// and a paired.csv not asked for are removed (a file a merge does not write stays); the folder of
    /// a sweep, or an earlier merge with something else in runs/, is refused and left as it was.
    @Test func mergingAgainLeavesNoStaleFiles() throws {
        let root = TestPaths.scratch()
        for i in 1...3 { #expect(try sweep(root + "/s\(i)", ["--shard", "\(i)/3", "--jobs", "1"]).status == 0) }
        let merged = root + "/merged", fm = FileManager.default
        let all = try CommandRun.ampsim(["summarize", root + "/s1", root + "/s2", root + "/s3", "--out", merged, "--quiet",
                                         "--pair", "payment.protocol,payment.strategy=mpp:halving"])
        #expect(all.status == 0 && fm.fileExists(atPath: merged + "/paired.csv"), "\(all.stderr)")
        _ = fm.createFile(atPath: merged + "/figure.svg", contents: Data("<svg/>".utf8))
        let two = try CommandRun.ampsim(["summarize", root + "/s1", root + "/s2", "--out", merged, "--quiet"])
        #expect(two.status == 0 && two.stderr.isEmpty, "\(two.stderr)")
        #expect(try CommandRun.ampsim(["summarize", root + "/s1", root + "/s2", "--out", root + "/fresh", "--quiet"]).status == 0)
        #expect(try fm.contentsOfDirectory(atPath: merged).sorted() == ["figure.svg", "runs", "runs.csv", "scenario.yaml", "summary.csv", "summary_ci.csv"])
        #expect(try fm.contentsOfDirectory(atPath: merged + "/runs").sorted() == fm.contentsOfDirectory(atPath: root + "/fresh/runs").sorted())
        #expect(try fm.contentsOfDirectory(atPath: merged + "/runs").count == 8)
        for file in ["runs.csv", "summary.csv", "summary_ci.csv", "scenario.yaml"] { #expect(read("\(merged)/\(file)") == read("\(root)/fresh/\(file)"), "\(file)") }

        func snapshot(_ dir: String) throws -> [String] { try fm.subpathsOfDirectory(atPath: dir).sorted().map { $0 + "=" + read(dir + "/" + $0) } }
        let shard3 = try snapshot(root + "/s3")
        let intoSweep = try CommandRun.ampsim(["summarize", root + "/s1", root + "/s2", "--out", root + "/s3"])
        #expect(intoSweep.status == 2 && intoSweep.stderr == "\(root)/s3: --out: expected a new or empty folder, or an earlier merge of the same sweep, "
                + "found the folder of a sweep (it holds sweep.json)\n", "\(intoSweep.stderr)")
        #expect(try snapshot(root + "/s3") == shard3)
        _ = fm.createFile(atPath: merged + "/runs/notes.txt", contents: Data("mine".utf8))
        let before = try snapshot(merged)
        let junk = try CommandRun.ampsim(["summarize", root + "/s1", root + "/s2", root + "/s3", "--out", merged])
        #expect(junk.status == 2 && junk.stderr == "\(merged)/runs: --out: expected only run folders (p<point>-r<replication>) in an earlier merge, "
                + "found 'notes.txt'\n", "\(junk.stderr)")
        #expect(try snapshot(merged) == before)
    }

    @Test func pairedRunsSeeTheSameGraphAndPayments() throws {
        let out = TestPaths.scratch() + "/paired"
        let run = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet", "--replications", "2",
                                         "--vary", "payment.protocol,payment.strategy=keysend:single,mpp:halving,amp:halving"] + Self.small)
        #expect(run.status == 0)
        func workload(_ id: String) -> [String] {
            lines("\(out)/runs/\(id)/payments.csv").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }
        }
        for r in ["r00", "r01"] {
            #expect(workload("p000-\(r)").count == 41)
            #expect(workload("p000-\(r)") == workload("p001-\(r)") && workload("p001-\(r)") == workload("p002-\(r)"))
        }
        #expect(workload("p000-r00") != workload("p000-r01"))
        let proto = lines("\(out)/runs/p002-r00/payments.csv")[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(proto[6] == "amp" && proto[7] == "halving")
    }

    @Test func resumeAfterKill9RedoesOnlyUnfinishedRuns() throws {
        let root = TestPaths.scratch()
        let heavy = ["--set", "graph.nodes=100", "--set", "workload.payments=100", "--replications", "3",
                     "--vary", "payment.protocol,payment.strategy=keysend:single,mpp:halving,amp:halving", "--vary", "workload.amount_sat=20000,200000"]
        let args = ["sweep", TestPaths.scenario("quickstart.yaml"), "--quiet", "--jobs", "2"] + heavy
        #expect(try CommandRun.ampsim(args + ["--out", root + "/whole"]).status == 0)
        let out = root + "/killed"
        let child = Process()
        child.executableURL = URL(fileURLWithPath: TestPaths.binary)
        child.arguments = args + ["--out", out]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let folder = SweepFolder(out)
        let ids = (0..<6).flatMap { p in (0..<3).map { SweepRunID(point: p, replication: $0) } }
        func finished() -> Int { ids.filter(folder.isFinished).count }
        waitUntil { finished() > 0 || !child.isRunning }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        let before = finished()
        #expect(before >= 1 && before < ids.count, "killed after \(before) runs")
        #expect(!FileManager.default.fileExists(atPath: out + "/summary.csv"))
        let kept = ids.first(where: folder.isFinished)!
        let keep = read(folder.runPath(kept) + "/run.json")
        let resumed = try CommandRun.ampsim(args + ["--out", out, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(finished() == ids.count)
        #expect(read(folder.runPath(kept) + "/run.json") == keep, "a finished run is not redone")
        for file in ["runs.csv", "summary.csv", "summary_ci.csv"] { #expect(read("\(root)/whole/\(file)") == read("\(out)/\(file)"), "\(file)") }
        let leftovers = FileManager.default.enumerator(atPath: out)?.compactMap { $0 as? String }.filter { $0.contains(".tmp-") } ?? []
        #expect(leftovers.isEmpty)
        #expect(read(out + "/sweep.json").contains("\"runs_resumed\" : \(before)"))
    }

    @Test func sigintKeepsFinishedRunsAndExits130() throws {
        let out = TestPaths.scratch() + "/interrupted"
        let child = Process()
        child.executableURL = URL(fileURLWithPath: TestPaths.binary)
        child.arguments = ["sweep", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet", "--jobs", "1", "--replications", "6",
                           "--set", "graph.nodes=150", "--set", "workload.payments=150", "--vary", "payment.protocol=mpp,amp"]
        let err = Pipe()
        child.standardOutput = FileHandle.nullDevice
        child.standardError = err
        try child.run()
        waitUntil { FileManager.default.fileExists(atPath: out + "/runs/p000-r00/done") || !child.isRunning }
        child.interrupt()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        #expect(child.terminationStatus == 130)
        #expect(message == "interrupted: finished runs are kept in \(out); rerun with --resume to continue\n")
        for id in try FileManager.default.contentsOfDirectory(atPath: out + "/runs") {
            #expect(FileManager.default.fileExists(atPath: "\(out)/runs/\(id)/done"), "\(id) has no marker")
        }
    }

    /// A sweep whose runs fail (a graph file that is not JSON, found only when a run reads it) exits 2
    /// and removes what it created: no empty folder, no temporary file; a folder that existed (empty)
    /// is left empty.
    @Test func failedFreshSweepLeavesNothing() throws {
        let root = TestPaths.scratch()
        _ = FileManager.default.createFile(atPath: root + "/bad.json", contents: Data("{\"nodes\": [".utf8))
        let scenario = TestPaths.write("name: bad\ngraph: {generator: import, format: lnd, path: \(root)/bad.json}\n", name: "bad.yaml")
        for (out, existed) in [(root + "/new/sweep", false), (root + "/empty", true)] {
            if existed { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
            let run = try CommandRun.ampsim(["sweep", scenario, "--vary", "payment.protocol=mpp,amp", "--jobs", "2", "--quiet", "--out", out])
            #expect(run.status == 2 && run.stderr.hasPrefix("\(root)/bad.json:1: expected a JSON value"), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
            if existed {
                #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
            } else {
                #expect(!FileManager.default.fileExists(atPath: root + "/new"))
            }
        }
    }

    /// A run's summary.csv with a corrupt cell is refused with its file, line and column, and the
    /// sweep's summaries stay as they were.
    @Test func summarizeRefusesACorruptCell() throws {
        let out = TestPaths.scratch() + "/sw"
        let made = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet", "--vary", "payment.protocol=mpp,amp"]
                                         + Self.small)
        #expect(made.status == 0)
        let summary = read(out + "/summary.csv"), ci = read(out + "/summary_ci.csv")
        let file = out + "/runs/p001-r00/summary.csv"
        var rows = lines(file)
        var fields = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[4] = "20x"  // scenario, protocol, strategy, replication, payments
        rows[1] = fields.joined(separator: ",")
        try (rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let run = try CommandRun.ampsim(["summarize", out])
        #expect(run.status == 2 && run.stderr == "\(file):2: payments: expected a number or an empty field (not applicable), found '20x'\n")
        #expect(read(out + "/summary.csv") == summary && read(out + "/summary_ci.csv") == ci)
    }

    @Test func badInputExitsTwoAndOverwritesNothing() throws {
        let root = TestPaths.scratch()
        func expectRefused(_ extra: [String], _ message: String, out: String = root + "/never") throws {
            let run = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet"] + Self.small + extra)
            #expect(run.status == 2 && run.stderr == message + "\n", "\(run.stderr)")
        }
        try expectRefused(["--shard", "3/2"], "--shard 3/2: expected I/N with 1 <= I <= N, e.g. 1/4, found '3/2'")
        try expectRefused(["--vary", "graph.nodez=10,20"], "--vary graph.nodez=10,20: graph.nodez: expected a known field (did you mean 'nodes'?), found an unknown field")
        try expectRefused(["--vary", "workload.amount_sat=1000..1000:log:5"],
                          "--vary workload.amount_sat=1000..1000:log:5: workload.amount_sat: expected a range START..END:lin|log:N with a range whose ends differ (or a point count of 1), found '1000..1000:log:5'")
        try expectRefused(["--jobs", "0"], "--jobs 0: expected an integer from 1 to 1024 (worker threads), found '0'")
        #expect(!FileManager.default.fileExists(atPath: root + "/never"))

        let made = root + "/made"
        #expect(try sweep(made).status == 0)
        let snapshot = try FileManager.default.subpathsOfDirectory(atPath: made).sorted().map { ($0, read(made + "/" + $0)) }
        let different = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", made, "--resume", "--quiet",
                                               "--set", "graph.nodes=60", "--set", "workload.payments=41"] + Self.grid)
        #expect(different.status == 2)
        #expect(different.stderr.hasPrefix("\(made)/scenario.yaml: --resume: expected the scenario this sweep was started with (use another --out for a new sweep), found a different one: line "))
        #expect(different.stderr.contains("is '  payments: 40' in the folder, '  payments: 41' now"))
        let again = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", made, "--quiet"] + Self.small + Self.grid)
        #expect(again.status == 2 && again.stderr.contains("--out: expected a new or empty folder (or --resume to continue the sweep in it), found a folder with 6 entries"))
        let otherShard = try sweep(made, ["--resume", "--shard", "1/2"])
        #expect(otherShard.status == 2 && otherShard.stderr.contains("runs.csv: --resume: expected the runs of --shard 1/2 (6 runs)"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: made).sorted().map { ($0, read(made + "/" + $0)) }.elementsEqual(snapshot) { $0 == $1 })
        // A finished sweep resumed does nothing but summarize again.
        let noop = try CommandRun.ampsim(["sweep", TestPaths.scenario("quickstart.yaml"), "--out", made, "--resume"] + Self.small + Self.grid)
        #expect(noop.status == 0 && noop.stdout.contains("(12 runs: 0 run now, 12 already finished;"))

        let notSweep = try CommandRun.ampsim(["summarize", root])
        #expect(notSweep.status == 2 && notSweep.stderr == "\(root): expected a sweep folder (holding scenario.yaml and runs.csv), found no readable scenario.yaml\n")
        let noOut = try CommandRun.ampsim(["summarize", made, made])
        #expect(noOut.status == 2 && noOut.stderr == "summarize: --out: expected a folder to merge 2 folders into, found none\n")
        let badPair = try CommandRun.ampsim(["summarize", made, "--pair", "payment.protocol=mpp"])
        #expect(badPair.status == 2 && badPair.stderr.hasPrefix("--pair payment.protocol=mpp: expected AXIS=BASELINE with AXIS one of the sweep's axes"))
    }
}
