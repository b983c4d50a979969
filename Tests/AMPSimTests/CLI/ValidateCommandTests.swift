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

    /// validate refuses what run refuses before simulating: amounts past 21 million BTC, the resource
    /// limits (unless --allow-large), a missing graph file, an endpoint the explicit graph lacks.
    @Test func validateAppliesEveryBoundRunApplies() throws {
        let quickstart = TestPaths.scenario("quickstart.yaml")
        let huge = try CommandRun.ampsim(["validate", quickstart, "--set", "workload.amount_sat=1e30"])
        #expect(huge.status == 2 && huge.stderr == "--set workload.amount_sat=1e30: workload.amount_sat: expected amounts of at most 2100000000000000 sat (21 million BTC; a max clamp keeps a long tail within), found '1e+30'\n")
        let big = ["validate", quickstart, "--set", "workload.payments=100000000", "--set", "replications=100000"]
        let refused = try CommandRun.ampsim(big)
        #expect(refused.status == 2 && refused.stderr.hasPrefix("scenario 'quickstart': workload.payments: expected a run estimated to fit in "))
        #expect(try CommandRun.ampsim(big + ["--allow-large"]).status == 0)
        let missing = try CommandRun.ampsim(["validate", quickstart, "--set", "graph={generator: import, format: lnd, path: no-such.json}"])
        #expect(missing.status == 2 && missing.stderr == "no-such.json: expected an existing file, found no such file\n")
        let explicit = TestPaths.write("name: x\ngraph:\n  generator: explicit\n  explicit:\n    nodes: [a, b]\n    channels: [{from: a, to: b, capacity_sat: 1000}]\nworkload: {receiver: zzz}\n")
        let endpoint = try CommandRun.ampsim(["validate", explicit])
        #expect(endpoint.status == 2 && endpoint.stderr == "scenario 'x': workload.receiver: expected a node of graph.explicit.nodes, found 'zzz'\n")
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
