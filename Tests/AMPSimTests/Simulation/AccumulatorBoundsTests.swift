import Testing
@testable import AMPSim

/// Every running total of a run at the documented bounds (amounts up to 21 million BTC, times up to
/// 3.2e9 s): summed in Double or saturating, never a trap.
@Suite struct AccumulatorBoundsTests {
    /// 482 parts of 1,000 sat on a 10-hop chain whose second channel carries only 481 of them (no
    /// reserve; the sender itself can pay all 482): the 482nd is refused at n1 (one HTLC, on the first
    /// hop), mission control then holds (n1, n2) failed at 482,000 sat with the payment's own 481,000
    /// on it, so its retry finds no route and the payment ends. The 481 that arrived are held by the
    /// receiver for the whole 3.2e9 s hold timeout: 481 parts x 10 hops x 3.2e15 µs is about 1.5e19 µs
    /// of slot time for one payment, past Int64.max. (A 10-hop route has a-priori probability
    /// 0.95 · 0.6^9 = 0.0096, below lnd's 0.01 cut-off: the scenario lowers it to 0.001.)
    static let heldForACentury: String = {
        let nodes = (0...10).map { "n\($0)" }
        let channels = (0..<10).map { i in "{from: n\(i), to: n\(i + 1), capacity_sat: 1000000, balance_sat: \(i == 1 ? 481500 : 1000000)}" }
        return "name: held\n" + SimulationHarness.explicitGraph(nodes: nodes, policy: "{preset: lnd, fee_base_msat: 0, fee_rate_ppm: 0, reserve_share: 0}",
                                                             channels: channels) + """

        network: {hop_latency_ms: 100}
        workload: {payments: 1, amount_sat: 482000, sender: n0, receiver: n10}
        payment: {protocol: mpp, strategy: fixed-n, fixed_n: {n: 482}, timeout_s: 3.2e9, max_attempts: 1000}
        receiver: {hold_timeout_s: 3.2e9}
        routing: {min_probability: 0.001}
        """
    }()

    @Test func slotTimeOfPartsHeldACenturyOnTenHops() throws {
        let out = try SimulationHarness.run(try SimulationHarness.scenario(Self.heldForACentury))
        #expect(out.violation == nil)
        let r = try #require(out.records.first)
        #expect(!r.success && r.failure == "insufficient_balance")
        #expect(r.parts == 482 && r.attempts == 482 && r.htlcs == 4811)
        // 4810 HTLCs each held a little over 3.2e9 s (the refused part's one HTLC, 200 ms).
        #expect(r.slotMicros > 4810 * 3.2e15 && r.slotMicros < 4810 * 3.2e15 * 1.0001)
        #expect(r.slotMicros > Double(Int64.max))
        let network = out.network.stats.slotMicroseconds.reduce(0, +)
        #expect(abs(network - r.slotMicros) <= 1e-12 * r.slotMicros)
        #expect(r.lockedMsatMicros > 0 && r.lockedMsatMicros.isFinite)
        let summary = ReplicationSummary(replication: 0, records: out.records, network: out.network, pathSearches: 0, events: 0)
        #expect(abs(summary.value("slot_seconds_per_payment") - r.slotMicros / 1e6) < 1)
        let row = PaymentsTable.rows(out.records, replication: 0, graph: out.graph, payment: try SimulationHarness.scenario(Self.heldForACentury).payment)
        let fields = row.split(separator: "\n")[0].split(separator: ",", omittingEmptySubsequences: false)
        let slotSeconds = try #require(Double(String(fields[PaymentsTable.columns.firstIndex(of: "slot_seconds")!])))
        #expect(abs(slotSeconds - r.slotMicros / 1e6) < 1)
    }

    @Test func fiveAmountsOfTwentyOneMillionBitcoinAddUp() throws {
        let scenario = try SimulationHarness.scenario("name: big\ngraph: {generator: ln-like, nodes: 30}\nworkload: {payments: 5, amount_sat: 2100000000000000}")
        let out = try SimulationHarness.run(scenario)
        #expect(out.records.count == 5 && out.records.allSatisfy { $0.amountMsat == Bounds.maxMsat })
        let summary = ReplicationSummary(replication: 0, records: out.records, network: out.network, pathSearches: 0, events: 0)
        let ok = Double(out.records.filter(\.success).count)
        #expect(summary.value("volume_success_rate") == ok / 5)
    }
}
