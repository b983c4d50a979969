import Foundation
import Testing
@testable import AMPSim

/// `optimal-flow` in the simulation: parameters, bad input, and payments that route themselves.
@Suite struct OptimalFlowStrategyTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try ScenarioLoader.load(text: text, label: "s.yaml")
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func defaultsAndParameters() throws {
        let s = try ScenarioLoader.load(text: "name: m\ngraph: {nodes: 100}\npayment: {strategy: optimal-flow}")
        #expect(s.payment.strategy == .optimalFlow && s.payment.optimalFlow == OptimalFlowParams(mu: 0.001, segments: 4))
        let t = try ScenarioLoader.load(text: "name: m\ngraph: {nodes: 100}\npayment: {strategy: optimal-flow, optimal_flow: {mu: 0, segments: 8}}")
        #expect(t.payment.optimalFlow == OptimalFlowParams(mu: 0, segments: 8) && t.payment.optimalFlow.maxPlans == 64)
        #expect(try ScenarioLoader.load(text: t.yaml) == t)
        let u = try ScenarioLoader.load(text: "name: m\ngraph: {nodes: 100}\npayment: {strategy: optimal-flow, optimal_flow: {max_plans: 10000}}")
        #expect(u.payment.optimalFlow == OptimalFlowParams(mu: 0.001, segments: 4, maxPlans: 10_000))
        #expect(try ScenarioLoader.load(text: u.yaml) == u)
    }

    @Test func badInputIsLocated() {
        let head = "name: x\ngraph: {nodes: 10}\npayment:\n"
        #expect(problems(head + "  protocol: keysend\n  strategy: optimal-flow\n")
                == ["s.yaml:5: payment.strategy: expected single with protocol keysend (a keysend payment is never split), found 'optimal-flow'"])
        #expect(problems(head + "  strategy: optimal-flow\n  optimal_flow: {mu: -1}\n")
                == ["s.yaml:5: payment.optimal_flow.mu: expected a number from 0 to 1000000, found '-1'"])
        #expect(problems(head + "  strategy: optimal-flow\n  optimal_flow: {segments: 0}\n")
                == ["s.yaml:5: payment.optimal_flow.segments: expected an integer from 1 to 32, found '0'"])
        #expect(problems(head + "  strategy: optimal-flow\n  optimal_flow: {segments: 33}\n")
                == ["s.yaml:5: payment.optimal_flow.segments: expected an integer from 1 to 32, found '33'"])
        #expect(problems(head + "  strategy: optimal-flow\n  optimal_flow: {max_plans: 0}\n")
                == ["s.yaml:5: payment.optimal_flow.max_plans: expected an integer from 1 to 10000, found '0'"])
        #expect(problems(head + "  strategy: optimal-flow\n  optimal_flow: {max_plans: 10001}\n")
                == ["s.yaml:5: payment.optimal_flow.max_plans: expected an integer from 1 to 10000, found '10001'"])
        #expect(problems(head + "  strategy: optimal-flow\n  optimal_flow: {max_plans: 2.5}\n")
                == ["s.yaml:5: payment.optimal_flow.max_plans: expected an integer from 1 to 10000, found '2.5'"])
        #expect(problems(head + "  strategy: optimal-flow\n  optimal_flow: {segmnets: 3}\n").first?.contains("did you mean 'segments'?") == true)
    }

    /// 150,000 sat from s to d over s → m → d (m holds nothing towards d) and s → n → d (120,000 sat
    /// there): the first flow splits over both branches; the part via m fails, the belief of m → d
    /// drops to below what was asked, and the rest goes via n. With AMP and MPP the payment succeeds.
    @Test(arguments: ["mpp", "amp"])
    func learnsAndRoutesAround(proto: String) throws {
        let graph = SimulationHarness.explicitGraph(nodes: ["s", "m", "n", "d"], channels: [
            "{from: s, to: m, capacity_sat: 200000, balance_sat: 200000}",
            "{from: m, to: d, capacity_sat: 200000, balance_sat: 0}",
            "{from: s, to: n, capacity_sat: 200000, balance_sat: 200000}",
            "{from: n, to: d, capacity_sat: 200000, balance_sat: 200000}",
        ])
        let s = try SimulationHarness.scenario("""
        name: of
        \(graph)
        workload: {payments: 1, amount_sat: 150000, sender: s, receiver: d}
        payment: {protocol: \(proto), strategy: optimal-flow, optimal_flow: {mu: 0}}
        """)
        let out = try SimulationHarness.run(s)
        #expect(out.violation == nil)
        let r = out.records[0]
        #expect(r.success && r.attempts >= 2 && r.feeMsat == 0)
    }

    /// The same payment under `max_plans`: with 1, the first plan's part via m fails and no second plan
    /// is made, so the part via n arrives alone and the payment times out with one attempt per path of
    /// the first plan; it needs 3 plans to succeed.
    @Test func maxPlansStopsPlanning() throws {
        let graph = SimulationHarness.explicitGraph(nodes: ["s", "m", "n", "d"], channels: [
            "{from: s, to: m, capacity_sat: 200000, balance_sat: 200000}",
            "{from: m, to: d, capacity_sat: 200000, balance_sat: 0}",
            "{from: s, to: n, capacity_sat: 200000, balance_sat: 200000}",
            "{from: n, to: d, capacity_sat: 200000, balance_sat: 200000}",
        ])
        func run(_ plans: Int) throws -> PaymentRecord {
            let s = try SimulationHarness.scenario("""
            name: of
            \(graph)
            workload: {payments: 1, amount_sat: 150000, sender: s, receiver: d}
            payment: {protocol: amp, strategy: optimal-flow, optimal_flow: {mu: 0, max_plans: \(plans)}}
            """)
            return try SimulationHarness.run(s).records[0]
        }
        // Plans made: 1 → the first two parts only; 2 → four parts; 3 or more → five parts and done. The
        // part that arrived stays held by the receiver (an incomplete AMP set) until the timeout.
        let outcomes = try [1, 2, 3, 64].map { try run($0) }.map { ($0.success, $0.attempts, $0.failure) }
        #expect(outcomes.map(\.0) == [false, false, true, true])
        #expect(outcomes.map(\.1) == [2, 4, 5, 5])
        #expect(outcomes.map(\.2) == ["timeout", "timeout", "", ""])
    }

    /// Nothing can reach d: the payment ends with no_route before any HTLC.
    @Test func noFlowEndsWithNoRoute() throws {
        let graph = SimulationHarness.explicitGraph(nodes: ["s", "m", "d"], channels: [
            "{from: s, to: m, capacity_sat: 100000, balance_sat: 100000}",
            "{from: m, to: d, capacity_sat: 50000, balance_sat: 50000}",
        ])
        let s = try SimulationHarness.scenario("""
        name: of
        \(graph)
        workload: {payments: 1, amount_sat: 60000, sender: s, receiver: d}
        payment: {protocol: amp, strategy: optimal-flow}
        """)
        let r = try SimulationHarness.run(s).records[0]
        #expect(!r.success && r.failure == "no_route" && r.attempts == 0)
    }
}
