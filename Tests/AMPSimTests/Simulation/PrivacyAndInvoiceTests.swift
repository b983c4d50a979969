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

    /// Reusable AMP invoices: three receivers, every payment pays one of them, each with its own set id.
    @Test func recurringPaymentsPayReusableInvoicesWithFreshSetIDs() throws {
        let s = try ScenarioLoader.load(path: TestPaths.scenario("quickstart.yaml"), overrides: [
            "graph.nodes=200", "workload.payments=150", "workload.recurring={invoices: 3, share: 1}",
        ].map { try Override.parse($0) })
        let out = try SimulationHarness.run(s)
        #expect(out.violation == nil)
        let invoiced = out.records.filter { $0.invoice >= 0 }
        #expect(invoiced.count >= 140) // only a payment whose sender is the invoice's receiver pays someone else
        #expect(Set(invoiced.map(\.invoice)).isSubset(of: [0, 1, 2]))
        #expect(Set(invoiced.map(\.receiver)).count <= 3)
        let setIDs = out.records.compactMap(\.setID)
        #expect(setIDs.count == 150 && Set(setIDs).count == 150)
        #expect(invoiced.contains { $0.success })
    }
}
