import Foundation
import Testing
@testable import AMPSim

@Suite struct ScenarioValidationTests {
    /// The problems a scenario text produces, as printed.
    func problems(_ text: String, overrides: [String] = []) -> [String] {
        do {
            _ = try ScenarioLoader.load(text: text, label: "s.yaml", overrides: overrides.map { try Override.parse($0) })
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func quickstartValidatesAsIs() throws {
        let s = try ScenarioLoader.load(path: TestPaths.scenario("quickstart.yaml"))
        #expect(s.name == "quickstart" && s.seed == 1 && s.replications == 5)
        #expect(s.graph.generator == .lnLike && s.graph.nodes == 1000 && s.graph.channels == 2930)
        #expect(s.payment.protocol == .amp && s.payment.strategy == .halving)
        #expect(s.payment.halving == HalvingParams(maxDepth: 8, minPartSat: 1000))
        #expect(s.receiver.holdTimeoutS == 120 && s.receiver.holdTimer == .perHTLC)
        #expect(s.output.dir == "Results/quickstart")
        #expect(s.graph.capacitySat.clampMax == 16_777_215)
    }

    @Test func resolvedYAMLReadsBackToTheSameScenario() throws {
        let s = try ScenarioLoader.load(path: TestPaths.scenario("quickstart.yaml"))
        let again = try ScenarioLoader.load(text: s.yaml, baseDirectory: s.baseDirectory)
        #expect(again == s)
        #expect(again.yaml == s.yaml)
    }

    @Test func minimalScenarioGetsDocumentedDefaults() throws {
        let s = try ScenarioLoader.load(text: "name: m\ngraph: {nodes: 100}")
        #expect(s.seed == 1 && s.replications == 1 && s.rng == .mt19937)
        #expect(s.graph.channels == 293) // 2.93 per node
        #expect(s.payment.protocol == .mpp && s.payment.strategy == .single && s.payment.timeoutS == 60)
        #expect(s.payment.lnd == LndSplitParams(maxParts: 16, minShardSat: 10_000, maxShardSat: nil))
        #expect(s.routing.aprioriProbability == 0.6 && s.routing.halfLifeS == 3600 && s.routing.maxHops == 20)
        #expect(s.workload.payments == 1000 && s.network.offlineProbability == 0)
        #expect(s.graph.policy == PolicySpec.preset(.lnd))
    }

    @Test func unknownFieldGetsDidYouMean() {
        let p = problems("name: x\ngraph: {nodes: 10}\nreceiver:\n  behaviour: greedy\n")
        #expect(p == ["s.yaml:4: receiver.behaviour: expected a known field (did you mean 'behavior'?): hold_preset, hold_timeout_s, hold_timer, behavior, found an unknown field"])
        #expect(problems("name: x\ngraph: {nodes: 10}\npaymnet: {}\n").first?.contains("did you mean 'payment'?") == true)
    }

    @Test func wrongTypesNameTheField() {
        #expect(problems("name: x\ngraph: {nodes: many}") == ["s.yaml:2: graph.nodes: expected an integer from 2 to 10000000, found 'many'"])
        #expect(problems("name: x\ngraph: {nodes: 10}\noutput: {parts: maybe}") == ["s.yaml:3: output.parts: expected true or false, found 'maybe'"])
        #expect(problems("name: x\ngraph: {nodes: 10}\nnetwork: [1, 2]") == ["s.yaml:3: network: expected a mapping of fields, found a list"])
        #expect(problems("name: x\ngraph: {nodes: \"10\"}").first?.contains("graph.nodes: expected an integer") == true)
    }

    @Test func outOfRangeValues() {
        let p = problems("""
        name: x
        graph: {nodes: 10, capacity_sat: {lognormal: {mu: 13, sigma: 0}}}
        network: {offline_probability: 1.5}
        workload: {amount_sat: -5}
        payment: {fixed_n: {n: 0}}
        """)
        #expect(p == [
            "s.yaml:2: graph.capacity_sat.lognormal.sigma: expected a number > 0, found '0'",
            "s.yaml:3: network.offline_probability: expected a number from 0 to 1, found '1.5'",
            "s.yaml:4: workload.amount_sat: expected values > 0 (add a min/max clamp if the family can go further), found '-5'",
            "s.yaml:5: payment.fixed_n.n: expected an integer from 1 to 483, found '0'",
        ])
    }

    @Test func strategyParametersAreChecked() {
        let p = problems("""
        name: x
        graph: {nodes: 10}
        payment: {window: {beta: 1, ack_after_s: 0, remember: always}, cln_presplit: {slot_share: 0, fuzz: 1}}
        """)
        #expect(p == [
            "s.yaml:3: payment.window.beta: expected a number > 0 and < 1, found '1'",
            "s.yaml:3: payment.window.remember: expected one of none | per-destination, found 'always'",
            "s.yaml:3: payment.window.ack_after_s: expected a number > 0 and <= 3200000000, found '0'",
            "s.yaml:3: payment.cln_presplit.fuzz: expected a number >= 0 and < 1, found '1'",
            "s.yaml:3: payment.cln_presplit.slot_share: expected a number > 0 and <= 1, found '0'",
        ])
    }

    @Test func distributionThatCanGoNegativeIsRefusedForAmounts() {
        let p = problems("name: x\ngraph: {nodes: 10}\nworkload: {amount_sat: {normal: {mean: 1000, sd: 500}}}")
        #expect(p.count == 1 && p[0].hasPrefix("s.yaml:3: workload.amount_sat: expected values > 0"))
        #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {amount_sat: {normal: {mean: 1000, sd: 500, min: 1}}}").isEmpty)
        #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {amount_sat: {lognormal: {mu: 1, median: 2, sigma: 1}}}")
            == ["s.yaml:3: workload.amount_sat.lognormal: expected exactly one of mu or median, found both"])
        #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {amount_sat: {lognormel: {mu: 1, sigma: 1}}}").first?
            .contains("(did you mean 'lognormal'?)") == true)
    }

    /// Amounts and capacities past 21 million BTC are refused, not clamped without a word: constants,
    /// bounded families, and unbounded ones whose median or mean is already beyond; a max clamp within
    /// the bound (or a long tail of a reasonable median) is accepted.
    @Test func amountsAndCapacitiesBeyondTwentyOneMillionBitcoinAreRefused() {
        let expected = "workload.amount_sat: expected amounts of at most 2100000000000000 sat (21 million BTC; a max clamp keeps a long tail within), found "
        for (value, found) in [("1e30", "'1e+30'"), ("1e300", "'1e+300'"), ("{uniform: {min: 1, max: 1e16}}", "draws up to 1e+16"),
                               ("{lognormal: {median: 1e20, sigma: 1}}", "a median of 1e+20"), ("{exponential: {mean: 3e15}}", "a mean of 3e+15"),
                               ("{pareto: {scale: 1e16, shape: 2}}", "draws of at least 1e+16")] {
            #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {amount_sat: \(value)}") == ["s.yaml:3: " + expected + found], "\(value)")
        }
        #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {amount_sat: 2100000000000000}").isEmpty)
        #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {amount_sat: {uniform: {min: 1, max: 1e30}, max: 1e15}}").isEmpty)
        #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {amount_sat: {pareto: {scale: 1000, shape: 0.5}}}").isEmpty)
        #expect(problems("name: x\ngraph: {nodes: 10, capacity_sat: 1e16}") == [
            "s.yaml:2: graph.capacity_sat: expected capacities of at most 2100000000000000 sat (21 million BTC; a max clamp keeps a long tail within), found '1e+16'",
        ])
    }

    /// BOLT 7's cltv_expiry_delta is 16 bits: a larger delta is refused (20 hops of it then add up far
    /// below Int32.max in the route search).
    @Test func cltvDeltasBeyondSixteenBitsAreRefused() {
        #expect(problems("name: x\ngraph: {nodes: 10, policy: {cltv_delta: 70000}}") == [
            "s.yaml:2: graph.policy.cltv_delta: expected deltas of at most 65535 blocks (BOLT 7: 16 bits; a max clamp keeps a long tail within), found '70000'",
        ])
        #expect(problems("name: x\ngraph: {nodes: 10, policy: {cltv_delta: 65535}}").isEmpty)
    }

    @Test func arrivalsBeyondACenturyAreRefused() {
        #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {payments: 100000000, arrival_rate_per_s: 0.001}") == [
            "s.yaml:3: workload.payments: expected payments / arrival_rate_per_s of at most 3.2e9 s (100 years; arrivals later than that cannot be simulated), found 100000000 payments at 0.001/s",
        ])
        #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {payments: 100000000, arrival_rate_per_s: 0.001, duration_s: 1000}").isEmpty)
    }

    @Test func impossibleCombinationsAreRefused() {
        #expect(problems("name: x\ngraph: {nodes: 10}\npayment: {protocol: keysend, strategy: halving}")
            == ["s.yaml:3: payment.strategy: expected single with protocol keysend (a keysend payment is never split), found 'halving'"])
        #expect(problems("name: x\ngraph: {generator: barabasi-albert, nodes: 10, channels: 5}")
            == ["s.yaml:2: graph.channels: expected no 'channels' for generator barabasi-albert (it sets the channel count itself), found '5'"])
        #expect(problems("name: x\ngraph: {generator: import, format: lnd}") == ["s.yaml:2: graph.path: expected a text (required), found nothing"])
        #expect(problems("name: x\ngraph: {nodes: 10}\nworkload: {recurring: {invoices: 3}}").first?.contains("protocol amp for reusable invoices") == true)
    }

    @Test func missingRequiredFields() {
        #expect(problems("seed: 3\ngraph: {nodes: 10}") == ["s.yaml:1: name: expected a text (required), found nothing"])
        #expect(problems("name: x\ngraph: {generator: erdos-renyi, nodes: 10}")
            == ["s.yaml:2: graph.channels: expected an integer from 1 to 45 (required), found nothing"])
    }

    @Test func everyProblemIsReportedAtOnceInFileOrder() {
        let p = problems("name: x\nreplications: 0\ngraph: {nodes: 1}\npayment: {timeout_s: -1, max_attempts: 0}\nrng: nope\n")
        #expect(p.count == 5)
        #expect(p.map { $0.split(separator: ":")[1] } == ["2", "3", "4", "4", "5"])
    }

    @Test func explicitGraphsCheckTheirNodes() {
        let p = problems("""
        name: x
        graph:
          generator: explicit
          explicit:
            nodes: [s, m, d]
            channels:
              - {from: s, to: m, capacity_sat: 100000, balance_sat: 200000}
              - {from: m, to: dd, capacity_sat: 100000}
        """)
        #expect(p == [
            "s.yaml:7: graph.explicit.channels[0].balance_sat: expected an integer from 0 to 100000, found '200000'",
            "s.yaml:8: graph.explicit.channels[1].to: expected a node listed in graph.explicit.nodes (did you mean 'd'?), found 'dd'",
        ])
        // A capacity past 21 million BTC is the one problem: the balance is not checked against a fallback of 1.
        #expect(problems("name: x\ngraph:\n  generator: explicit\n  explicit:\n    nodes: [a, b]\n    channels:\n      - {from: a, to: b, capacity_sat: 3e15, balance_sat: 1000}") == [
            "s.yaml:7: graph.explicit.channels[0].capacity_sat: expected an integer from 1 to 2100000000000000, found '3e15'",
        ])
    }

    @Test func badRNGNameSuggestsOne() {
        #expect(problems("name: x\ngraph: {nodes: 10}\nrng: ranlxd3").first?.contains("did you mean") == true)
    }
}
