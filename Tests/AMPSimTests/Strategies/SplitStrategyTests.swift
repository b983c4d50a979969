import Testing
@testable import AMPSim

/// Exact part amounts and attempt sequences of each strategy on the two-path graph (see `TwoPaths`):
/// a → d holds 50,000 sat, b → d 100,000 sat; the sender pays 70,000 sat and tries a first (cheaper).
@Suite struct SplitStrategyTests {
    func run(_ yaml: String, _ overrides: [String] = []) throws -> (records: [PaymentRecord], attempts: [AttemptTrace], violation: String?) {
        try SimulationHarness.trace(try SimulationHarness.scenario(yaml, overrides))
    }

    @Test func singleRetriesTheWholeAmountOnANewRoute() throws {
        let out = try run(TwoPaths.yaml(strategy: "single", protocol: "keysend"))
        // 70,000 via a: reaches a at 100 ms, refused there, the fail is back at s at 200 ms; then via b:
        // at d at 400 ms, the fulfil back at s at 600 ms.
        #expect(out.attempts.map(\.description) == [
            "p0.0 70000000 s-a-d failed 0-200ms",
            "p0.0 70000000 s-b-d settled 200-600ms",
        ])
        #expect(out.records[0].success && out.records[0].parts == 1 && out.records[0].attempts == 2)
        #expect(out.records[0].feeMsat == 2 && out.violation == nil)
    }

    @Test func fixedNSpreadsTheRemainderAndRetriesAFailedPartWithItsAmount() throws {
        #expect(FixedNStrategy.parts(total: 70_000_000, n: 3) == [23_333_334, 23_333_333, 23_333_333])
        #expect(FixedNStrategy.parts(total: 10, n: 4) == [3, 3, 2, 2])
        #expect(FixedNStrategy.parts(total: 2, n: 5) == [1, 1])
        let out = try run(TwoPaths.yaml(strategy: "fixed-n"), ["payment.fixed_n.n=3"])
        // All three go via a (cheapest, nothing known); a → d holds 50,000 sat: the third is refused
        // and retried with the same amount via b (a is now known to fail at 23,333,333 msat).
        #expect(out.attempts.map(\.description) == [
            "p0.0 23333334 s-a-d settled 0-600ms",
            "p0.1 23333333 s-a-d settled 0-600ms",
            "p0.2 23333333 s-a-d failed 0-200ms",
            "p0.2 23333333 s-b-d settled 200-600ms",
        ])
        let r = out.records[0]
        #expect(r.success && r.parts == 3 && r.attempts == 4 && r.partsSettled == 3 && r.feeMsat == 1 + 1 + 2)
    }

    @Test(arguments: ["mpp", "amp"])
    func halvingSplitsTheFailedWholeIntoHalves(proto: String) throws {
        // Two parallel paths, 200,000 and 100,000 sat, paying 70,000: the whole fails at a → d (50,000),
        // its halves go one via a and, since a with 35,000 of its own in flight is then known to fail
        // at 70,000, one via b.
        let out = try run(TwoPaths.yaml(strategy: "halving", protocol: proto))
        #expect(out.attempts.map(\.description) == [
            "p0.0 70000000 s-a-d failed 0-200ms",
            "p0.1 35000000 s-a-d settled 200-600ms",
            "p0.2 35000000 s-b-d settled 200-600ms",
        ])
        let r = out.records[0]
        #expect(r.success && r.parts == 3 && r.attempts == 3 && r.partsSettled == 2 && r.feeMsat == 3 && out.violation == nil)
    }

    @Test func lndHalvesOnNoRouteAndKeepsTheCapForTheRest() throws {
        // b's side can carry only 60,000 sat: after 70,000 fails via a, no route carries 70,000; lnd
        // halves to 35,000 (via a, now below the failed amount), then sends the other 35,000 via b.
        let out = try run(TwoPaths.yaml(strategy: "lnd", bToD: 60_000, bCapacity: 60_000), ["payment.lnd.min_shard_sat=1000"])
        #expect(out.attempts.map(\.description) == [
            "p0.0 70000000 s-a-d failed 0-200ms",
            "p0.1 35000000 s-a-d settled 200-600ms",
            "p0.2 35000000 s-b-d settled 200-600ms",
        ])
        #expect(out.records[0].success && out.records[0].parts == 3)
        // With min_shard_sat above 35,000, lnd may not halve: no route, the payment fails (reported with
        // the part failure that preceded giving up).
        let floor = try run(TwoPaths.yaml(strategy: "lnd", bToD: 60_000, bCapacity: 60_000), ["payment.lnd.min_shard_sat=40000"])
        #expect(floor.attempts.count == 1 && !floor.records[0].success && floor.records[0].failure == "insufficient_balance")
    }
}
