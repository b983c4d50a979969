import Foundation
import Testing
@testable import AMPSim

/// Faults during `ampsim run`: SIGINT (exit 130, nothing half-written, the empty folder removed), an
/// output folder that cannot be written (clear error before simulating), a write that fails at the end
/// (earlier results intact), a scenario too large (refused up front, `--allow-large` to override).
@Suite struct FaultTests {
    let small = ["--set", "graph.nodes=60", "--set", "workload.payments=40", "--replications", "2"]

    @Test func sigintExits130AndLeavesNothingHalfWritten() throws {
        let out = TestPaths.scratch() + "/interrupted"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = ["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--replications", "100000",
                             "--set", "graph.nodes=30", "--set", "workload.payments=5"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        // Wait (by reading, not by the clock) until the first replication is done, then interrupt.
        var seen = ""
        while !seen.contains("replication 1/100000 done") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        process.interrupt()
        let rest = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        seen += String(decoding: rest, as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 130, "\(seen)")
        #expect(seen.contains("interrupted: results written before the interrupt are kept"))
        #expect(!FileManager.default.fileExists(atPath: out), "the folder the run created, still empty, is removed")
    }

    @Test func unwritableOutputIsRefusedBeforeSimulating() throws {
        let file = TestPaths.write("x", name: "plain-file")
        let run = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", file, "--replications", "500"])
        #expect(run.status == 2)
        #expect(run.stderr == "\(file): output.dir: expected a folder for the results, found a file\n")
    }

    @Test func failedWriteKeepsEarlierResults() throws {
        let scenario = try ScenarioLoader.load(path: TestPaths.scenario("quickstart.yaml"), overrides: [
            try Override.parse("graph.nodes=40"), try Override.parse("workload.payments=20"), try Override.parse("replications=1"),
        ])
        let out = TestPaths.scratch() + "/results"
        _ = try RunExperiment.run(scenario, outputDir: out)
        let before = try String(contentsOfFile: out + "/payments.csv", encoding: .utf8)
        // A folder where run.json's temporary file would go makes the last staged write fail.
        let blocker = "\(out)/run.json.tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        var second = scenario
        second.seed = 99
        do {
            _ = try RunExperiment.run(second, outputDir: out, replace: true)
            Issue.record("the write should have failed")
        } catch let e as InputError {
            #expect(e.description.hasPrefix("\(out)/run.json: expected a writable output path, found a write error ("))
        }
        #expect(try String(contentsOfFile: out + "/payments.csv", encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() ==
                ["payments.csv", "run.json", "run.json.tmp-\(ProcessInfo.processInfo.processIdentifier)", "summary.csv", "summary_ci.csv"])
    }

    @Test func tooLargeIsRefusedUpFrontUnlessAllowed() throws {
        let out = TestPaths.scratch() + "/never"
        let run = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out,
                                         "--set", "workload.payments=100000000", "--replications", "100000"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("scenario 'quickstart': workload.payments: expected a run estimated to fit in "))
        #expect(run.stderr.contains("(pass --allow-large to try anyway), found an estimate of 2500060.0 GB for 1000 nodes, 100000000 payments x 100000 replications"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let allowed = try CommandRun.ampsim(["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet", "--allow-large"] + small)
        #expect(allowed.status == 0)
    }
}
