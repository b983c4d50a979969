import Testing
@testable import AMPSim

/// The `redundant` protocol on hand-made graphs (no fees, 100 ms per hop), against hand-computed
/// outcomes; its part plan and its n per strategy in closed form.
@Suite struct RedundantProtocolTests {
    /// s → d over three 2-hop paths, each able to carry one 50,000-sat part: via m and o (60,000 sat
    /// towards d), and via n, which holds nothing towards d (a dead path that looks as good).
    static func threePaths(dead: Bool) -> String {
        SimulationHarness.explicitGraph(nodes: ["s", "m", "n", "o", "d"], channels: [
            "{from: s, to: m, capacity_sat: 100000, balance_sat: 100000}",
            "{from: s, to: n, capacity_sat: 100000, balance_sat: 100000}",
            "{from: s, to: o, capacity_sat: 100000, balance_sat: 100000}",
            "{from: m, to: d, capacity_sat: 60000, balance_sat: 60000}",
            "{from: n, to: d, capacity_sat: 60000, balance_sat: \(dead ? 0 : 60000)}",
            "{from: o, to: d, capacity_sat: 60000, balance_sat: 60000}",
        ])
    }

    func run(_ payment: String, dead: Bool = true, receiver: String = "honest", timeout: Double = 60) throws -> PaymentRecord {
        let yaml = """
        name: redundant
        \(Self.threePaths(dead: dead))
        network: {hop_latency_ms: 100}
        workload: {payments: 1, amount_sat: 100000, sender: s, receiver: d}
        payment: {\(payment), timeout_s: \(timeout)}
        receiver: {behavior: \(receiver)}
        """
        let out = try SimulationHarness.run(try SimulationHarness.scenario(yaml))
        #expect(out.violation == nil)
        return out.records[0]
    }

    static let mpp = "protocol: mpp, strategy: fixed-n, fixed_n: {n: 2}"
    static func redundant(_ scheme: String, k: Int = 1) -> String {
        "protocol: redundant, strategy: fixed-n, fixed_n: {n: 2}, redundant: {extra_parts: \(k), scheme: \(scheme)}"
    }

    /// Three parts of 50,000 sat leave at 0 s, one per path; the two live ones reach d at 0.2 s, which
    /// claims them (their settles are back at s at 0.4 s) and the dead one's fail is back at 0.2 s:
    /// success at 0.4 s with no retry. MPP's two parts meet the dead path too; its failure is back
    /// at 0.2 s, after a 0.15 s timeout, so MPP fails — and with time to retry, it succeeds a round
    /// trip later (0.2 + 0.4 s).
    @Test func redundantSucceedsWhereMPPNeedsARetry() throws {
        let r = try run(Self.redundant("boomerang"), timeout: 0.15)
        #expect(r.success && r.latency == 400_000 && r.attempts == 3 && r.parts == 3 && r.partsSettled == 2)
        #expect(r.partsNeeded == 2 && r.sparesFailedBack == 0 && r.overpaidMsat == 0 && r.feeMsat == 0)
        let m = try run(Self.mpp, timeout: 0.15)
        #expect(!m.success && m.failure == "timeout" && m.partsNeeded == 2 && m.parts == 2)
        let slow = try run(Self.mpp)
        #expect(slow.success && slow.latency == 600_000 && slow.attempts == 3)
    }

    /// All three paths live: the three parts reach d together at 0.2 s; the first two are claimed, the
    /// third is a spare. Boomerang settles at once (0.4 s at s). Stuckless first sends the
    /// acknowledgement back and the key forward over each claimed part's 2 hops (0.4 s), so its
    /// settles start at 0.6 s and are back at s at 0.8 s: boomerang + one round trip.
    @Test func stucklessAddsOneRoundTrip() throws {
        let boomerang = try run(Self.redundant("boomerang"), dead: false)
        let stuckless = try run(Self.redundant("stuckless"), dead: false)
        #expect(boomerang.success && boomerang.latency == 400_000 && boomerang.sparesFailedBack == 1)
        #expect(stuckless.success && stuckless.latency == 800_000 && stuckless.sparesFailedBack == 1)
        #expect(stuckless.latency - boomerang.latency == 2 * 2 * 100_000)
        // The spare's fail is back at s at 0.4 s, before stuckless's settles (0.8 s): it is not retried.
        #expect(boomerang.attempts == 3 && stuckless.attempts == 3)
        // The claimed parts hold both hops' slots 0.4 s longer: 2 parts × 2 hops × 0.4 s.
        #expect(stuckless.slotMicros - boomerang.slotMicros == 1_600_000)
    }

    /// A greedy receiver gains nothing from boomerang or stuckless (settling a spare would reveal the
    /// clawback secret): it fails the spare back. The same three parts under one hash (scheme mpp) let
    /// it take the spare: the sender overpays 50,000 sat; an honest receiver fails it back, but it was
    /// at risk.
    @Test func greedyReceiverTakesSparesOnlyUnderOneHash() throws {
        for scheme in ["boomerang", "stuckless"] {
            let r = try run(Self.redundant(scheme), dead: false, receiver: "greedy")
            #expect(r.success && r.sparesFailedBack == 1 && r.overpaidMsat == 0 && r.overpaymentAtRiskMsat == 0 && r.partsSettled == 2)
        }
        let greedy = try run(Self.redundant("mpp"), dead: false, receiver: "greedy")
        #expect(greedy.success && greedy.partsSettled == 3 && greedy.sparesFailedBack == 0)
        #expect(greedy.overpaidMsat == 50_000_000 && greedy.overpaymentAtRiskMsat == 50_000_000)
        let honest = try run(Self.redundant("mpp"), dead: false)
        #expect(honest.success && honest.partsSettled == 2 && honest.sparesFailedBack == 1)
        #expect(honest.overpaidMsat == 0 && honest.overpaymentAtRiskMsat == 50_000_000 && honest.linkableParts == 0)
    }

    /// k = 0 is plain fixed-n with n parts: the dead path makes it retry like MPP.
    @Test func noSparesBehavesLikeFixedN() throws {
        let r = try run(Self.redundant("boomerang", k: 0))
        let m = try run(Self.mpp)
        #expect(r.success && r.latency == m.latency && r.attempts == m.attempts && r.parts == 2)
    }

    /// Part sizes: n parts of amount / n, the first amount mod n one msat larger, spares of the larger
    /// size; any n of them carry between the amount and amount + min(k, n - amount mod n).
    @Test func planRoundsUpTheFirstPartsAndTheSpares() {
        #expect(RedundantProtocol.plan(amountMsat: 10, needed: 3, extra: 2).sizes == [4, 3, 3, 4, 4])
        #expect(RedundantProtocol.plan(amountMsat: 100, needed: 4, extra: 1).sizes == [25, 25, 25, 25, 25])
        #expect(RedundantProtocol.plan(amountMsat: 100, needed: 4, extra: 1).outlayMsat == 125)
        #expect(RedundantProtocol.plan(amountMsat: 7, needed: 1, extra: 3).sizes == [7, 7, 7, 7])
    }

    /// n for each strategy: fixed-n's n; halving's first part is the whole amount; window's part of
    /// initial_part × amount; lnd's max_shard_sat; cln-presplit's part_sat; never above the amount.
    @Test func partsNeededPerStrategy() throws {
        func n(_ strategy: String, _ extra: String = "", amountMsat: Int64 = 1_000_000_000) throws -> Int {
            let s = try SimulationHarness.scenario("name: n\ngraph: {nodes: 10}\npayment: {protocol: redundant, strategy: \(strategy)\(extra)}")
            return RedundantProtocol.partsNeeded(s.payment, amountMsat: amountMsat)
        }
        #expect(try n("fixed-n", ", fixed_n: {n: 5}") == 5)
        #expect(try n("fixed-n", ", fixed_n: {n: 5}", amountMsat: 3) == 3)
        #expect(try n("halving") == 1)
        #expect(try n("window") == 4)
        #expect(try n("window", ", window: {initial_part: 0.3}") == 4)
        #expect(try n("window", ", window: {initial_part: 0.01, max_in_flight_parts: 16}") == 16)
        #expect(try n("lnd") == 1)
        #expect(try n("lnd", ", lnd: {max_shard_sat: 300000}") == 4)
        #expect(try n("cln-presplit") == 100)
    }
}
