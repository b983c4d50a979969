import CGSL
import Testing
@testable import AMPSim

@Suite struct PrivacyAndInvoiceTests {
    /// Two MPP parts over s → m → d: m forwards both with the same hash, so both parts are linkable.
    /// The same payment as AMP: every part has its own hash, nothing to link.
    @Test func mppPartsMeetingAtAForwarderAreLinkableAMPPartsAreNot() throws {
        func run(_ proto: String) throws -> PaymentRecord {
            try SimulationHarness.run(try SimulationHarness.scenario("""
            name: link
            \(SimulationHarness.explicitGraph(nodes: ["s", "m", "d"], channels: [
                "{from: s, to: m, capacity_sat: 1000000, balance_sat: 1000000}",
                "{from: m, to: d, capacity_sat: 1000000, balance_sat: 1000000}",
            ]))
            workload: {payments: 1, amount_sat: 100000, sender: s, receiver: d}
            payment: {protocol: \(proto), strategy: fixed-n, fixed_n: {n: 2}}
            """)).records[0]
        }
        let mpp = try run("mpp"), amp = try run("amp")
        #expect(mpp.success && mpp.parts == 2 && mpp.linkableParts == 2)
        #expect(amp.success && amp.parts == 2 && amp.linkableParts == 0)
    }

    /// The count behind `linkable_parts`: every part seen by a forwarder that saw two or more parts
    /// of the payment. [7, 8, 7, 9, 9, 9]: node 7 saw 2 parts, 8 saw 1, 9 saw 3: 2 + 3 = 5.
    @Test func linkabilityCountsPartsAtSharedForwarders() {
        #expect(Simulation.linkableParts(forwarders: []) == 0)
        #expect(Simulation.linkableParts(forwarders: [7, 8, 9]) == 0)
        #expect(Simulation.linkableParts(forwarders: [7, 8, 7, 9, 9, 9]) == 5)
    }

    /// Reusable AMP invoices: three receivers, every payment pays one of them, each with its own set id.
    /// The workload stream is drawn again here in the order `Workload.generate` draws it (3 invoice
    /// receivers, then per payment: arrival gap, sender, share coin, invoice, the amount's lognormal),
    /// so which payment pays which invoice is known exactly: share 1 makes every payment pick an
    /// invoice, and only a payment whose sender is that invoice's receiver goes elsewhere (invoice -1).
    @Test func recurringPaymentsPayReusableInvoicesWithFreshSetIDs() throws {
        let s = try ScenarioLoader.load(path: TestPaths.scenario("quickstart.yaml"), overrides: [
            "graph.nodes=200", "workload.payments=150", "workload.recurring={invoices: 3, share: 1}",
        ].map { try Override.parse($0) })
        let out = try SimulationHarness.run(s)
        #expect(out.violation == nil)
        let n = UInt64(out.graph.nodeCount)
        let stream = RandomStream(kind: s.rng, seed: s.seed, replication: 0, purpose: .workload)
        let receivers = (0..<3).map { _ in Int32(stream.uniformInt(below: n)) }
        var expected: [[Int32]] = []
        for _ in 0..<150 {
            _ = gsl_ran_exponential(stream.generator, 1e6 / 10)
            let sender = Int32(stream.uniformInt(below: n))
            _ = stream.uniform() // < share 1: always
            var invoice = Int32(stream.uniformInt(below: 3))
            var receiver = receivers[Int(invoice)]
            if receiver == sender {
                invoice = -1
                repeat { receiver = Int32(stream.uniformInt(below: n)) } while receiver == sender
            }
            _ = gsl_ran_lognormal(stream.generator, 0, 1) // the amount: its draws do not depend on mu, sigma
            expected.append([sender, receiver, invoice])
        }
        #expect(out.records.map { [$0.sender, $0.receiver, $0.invoice] } == expected)
        let invoiced = out.records.filter { $0.invoice >= 0 }
        #expect(Set(invoiced.map(\.receiver)) == Set(receivers))
        // Every payment has its own set id (AMP: one per payment, invoiced or not).
        let setIDs = out.records.compactMap(\.setID)
        #expect(setIDs.count == 150 && Set(setIDs).count == 150)
    }

    /// One reusable invoice paid three times over a direct channel s → d (1,000,000 sat on s's side, no
    /// fee): each 1,000-sat payment settles with its own set id, and the invoice closes all three sets.
    /// The invoice's receiver is the workload stream's first draw, uniformInt(below: 2) = 1: d.
    @Test func aReusableInvoiceIsPaidOncePerSetID() throws {
        let scenario = try SimulationHarness.scenario("""
        name: reuse
        \(SimulationHarness.explicitGraph(nodes: ["s", "d"], channels: ["{from: s, to: d, capacity_sat: 1000000, balance_sat: 1000000}"]))
        workload: {payments: 3, amount_sat: 1000, sender: s, recurring: {invoices: 1, share: 1}}
        payment: {protocol: amp, strategy: single}
        """)
        #expect(RandomStream(kind: scenario.rng, seed: scenario.seed, replication: 0, purpose: .workload).uniformInt(below: 2) == 1)
        var simulation: Simulation?
        let (records, attempts, violation) = try SimulationHarness.trace(scenario) { simulation = $0 }
        #expect(violation == nil)
        #expect(records.map(\.invoice) == [0, 0, 0])
        #expect(records.map(\.success) == [true, true, true])
        #expect(records.map(\.feeMsat) == [0, 0, 0])
        #expect(attempts.map(\.path) == ["s-d", "s-d", "s-d"])
        #expect(Set(records.compactMap(\.setID)).count == 3)
        let invoice = try #require(simulation?.invoices[0])
        #expect(invoice.closedSetIDs == Set(records.compactMap(\.setID)))
        #expect(invoice.openSets.isEmpty)
    }
}
