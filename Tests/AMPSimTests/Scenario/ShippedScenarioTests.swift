import Foundation
import Testing

/// Every scenario the repository ships (Scenarios/*.yaml: the quickstart and the experiments) and
/// every benchmark case validates from a clone: its fields, its sweep and the files it reads (the
/// snapshots in data/) — so a README command or `Scripts/reproduce.sh NAME` cannot fail on them.
@Suite struct ShippedScenarioTests {
    @Test func everyShippedScenarioValidates() throws {
        let folder = TestPaths.packageRoot + "/Scenarios"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.contains("compare-protocols-2026.yaml") && names.contains("load.yaml") && names.count >= 6)
        for name in names {
            let run = try CommandRun.ampsim(["validate", "\(folder)/\(name)"])
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
    }
}
