import Foundation
import Testing

/// The `ampsim validate` command as a user runs it: exit status and what it prints.
@Suite struct ValidateCommandTests {
    @Test func validScenarioPrintsResolvedYAMLAndExitsZero() throws {
        let run = try CommandRun.ampsim(["validate", TestPaths.scenario("quickstart.yaml"), "--set", "payment.protocol=mpp"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("protocol: mpp") && run.stdout.contains("hold_timeout_s: 120"))
        #expect(run.stderr.isEmpty)
    }

    @Test func invalidScenarioExitsTwoWithEveryProblem() throws {
        let path = TestPaths.write("name: x\ngraph: {nodes: 0}\nnetwork: {offline_probability: 2}\n")
        let run = try CommandRun.ampsim(["validate", path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == """
        \(path):2: graph.nodes: expected an integer from 2 to 10000000, found '0'
        \(path):3: network.offline_probability: expected a number from 0 to 1, found '2'

        """)
    }

    @Test func missingFileAndBadOverrideExitTwo() throws {
        let missing = try CommandRun.ampsim(["validate", "/no/such/file.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("/no/such/file.yaml: expected a YAML scenario file, found no such file"))
        let bad = try CommandRun.ampsim(["validate", TestPaths.scenario("quickstart.yaml"), "--set", "payment.protocol"])
        #expect(bad.status == 2 && bad.stderr.contains("--set payment.protocol: expected PATH=VALUE"))
    }

    @Test func helpShowsAnExample() throws {
        let run = try CommandRun.ampsim(["validate", "--help"])
        #expect(run.status == 0 && run.stdout.contains("ampsim validate Scenarios/quickstart.yaml"))
    }
}
