import Foundation
import Testing
@testable import AMPSim

/// The benchmark runner's pieces, without timing anything: case selection, the CSV and table shapes,
/// summary.csv totals, and child processes' exit statuses and logs.
@Suite struct BenchTests {
    @Test func selectsCasesInSuiteOrder() {
        #expect(BenchCase.select(["e", "A"])?.map(\.id) == ["A", "E"])
        #expect(BenchCase.select(["A", "Z"]) == nil)
        #expect(BenchCase.all.map(\.id) == ["A", "B", "C", "D", "E", "F", "G", "H", "I"])
    }

    @Test func everyCaseScenarioExistsAndValidates() throws {
        for c in BenchCase.all {
            let path = TestPaths.packageRoot + "/Benchmarks/" + c.scenarioFile
            #expect(FileManager.default.fileExists(atPath: path), "missing \(path)")
            let run = try CommandRun.ampsim(["validate", path])
            #expect(run.status == 0, "\(c.scenarioFile): \(run.stderr)")
        }
    }

    @Test func csvRowsHaveEveryColumn() {
        let rows = [BenchResult(caseID: "A", title: "a, quoted", wallSeconds: 2, cpuSeconds: 1.5, payments: 10, events: 100,
                                pathSearches: 20, peakMemoryBytes: 3 * 1_048_576, loadAverage: 0.5),
                    BenchResult(caseID: "D jobs=2", title: "d", note: "failed", throughputRatio: 1.9)]
        let lines = BenchResult.csv(rows).split(separator: "\n")
        #expect(lines.first.map(String.init) == BenchResult.columns.joined(separator: ","))
        #expect(lines[1] == "A,\"a, quoted\",2.00,1.50,10,5,100,50,20,10,3.0,,0.50,ok")
        #expect(lines[2].split(separator: ",", omittingEmptySubsequences: false).count == BenchResult.columns.count)
        #expect(BenchResult.table(rows).split(separator: "\n").count == 3)
        #expect(BenchResult.fixed(-0.004, 2) == "0.00" && BenchResult.fixed(1.005, 1) == "1.0" && BenchResult.fixed(12.5, 0) == "13")
    }

    @Test func totalsSumTheSummaryColumns() {
        let csv = "replication,payments,path_searches,events\n0,10,30,100\n1,10,40,120\n"
        let t = BenchRunner.totals(csv: csv)
        #expect(t.payments == 20 && t.searches == 70 && t.events == 220)
        #expect(BenchRunner.totals(csv: "replication\n0\n").payments.isNaN)
    }

    @Test func childProcessReportsExitStatusAndLog() throws {
        let log = TestPaths.scratch() + "/child.log"
        let child = try ChildProcess.start(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"], logPath: log, environment: [:])
        let usage = try child.wait()
        #expect(usage.exitStatus == 3)
        #expect(usage.peakMemoryBytes > 0 && usage.wallSeconds >= 0)
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "out\nerr\n")
    }
}
