import Testing
@testable import AMPSim

/// Every protocol has rules, and each says what forwarders can link and what a greedy receiver takes.
@Suite struct ProtocolRegistryTests {
    @Test func eachProtocolsLinkingAndGreedyRules() throws {
        func rules(_ payment: String) throws -> any PaymentProtocolRules {
            ProtocolRegistry.make(try SimulationHarness.scenario("name: r\ngraph: {nodes: 10}\npayment: {\(payment)}").payment)
        }
        let table: [(String, Bool, Bool)] = [
            ("protocol: keysend", false, false),
            ("protocol: mpp", true, true),
            ("protocol: amp", false, false),
            ("protocol: redundant, strategy: fixed-n, redundant: {scheme: boomerang}", false, false),
            ("protocol: redundant, strategy: fixed-n, redundant: {scheme: stuckless}", false, false),
            ("protocol: redundant, strategy: fixed-n, redundant: {scheme: mpp}", true, true),
        ]
        for (payment, links, greedy) in table {
            let r = try rules(payment)
            #expect(r.linksParts == links && r.greedyTakesHeld == greedy, "\(payment)")
        }
        // Only redundant plans its own parts: fixed-n's 4 of 25,000 msat and one spare (the default k).
        let spec = try SimulationHarness.scenario("name: r\ngraph: {nodes: 10}\npayment: {protocol: redundant, strategy: fixed-n}").payment
        #expect(try rules("protocol: amp").plan(spec, amountMsat: 100_000) == nil)
        #expect(try rules("protocol: redundant, strategy: fixed-n").plan(spec, amountMsat: 100_000)
                == PartPlan(needed: 4, sizes: [25_000, 25_000, 25_000, 25_000, 25_000]))
    }
}
