import Foundation
import Testing

/// Every known-answer case of Scenarios/validation/ (validation.md's V1, V4 for k = 1…16, the BOLT 7
/// fee, atomicity, the hub of issue 16, the oracle's closed forms) through `Scripts/validate.sh`, with
/// the binary this test run built: each expectation stated in a case's header must hold. Part of the
/// README's test command, so CI checks them on every change.
@Suite struct ValidationScriptTests {
    @Test func everyKnownAnswerHolds() throws {
        let script = TestPaths.packageRoot + "/Scripts/validate.sh"
        let out = try CommandRun.run("/bin/sh", ["-c", "AMPSIM='\(TestPaths.binary)' '\(script)'"])
        #expect(out.status == 0, "\(out.stdout)\n\(out.stderr)")
        let cases = try FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot + "/Scenarios/validation")
            .filter { $0.hasSuffix(".yaml") }.count
        #expect(cases >= 20)
        #expect(out.stdout.contains("validate.sh: all \(cases) cases pass"), "\(out.stdout)")
        #expect(!out.stdout.contains("| no"))
    }
}
