import Testing
@testable import AMPSim

/// The window strategy on the two-path graph (a → d 50,000 sat, b → d 100,000 sat, 100 ms per hop,
/// acknowledgement after 2 s of silence), and its arithmetic on its own.
@Suite struct WindowStrategyTests {
    /// Paying 70,000 sat with the defaults (initial_part 0.25, alpha 1, beta 0.5):
    /// - 0 s: window = part = 17,500 sat; part 0 via a.
    /// - 2 s: part 0 acknowledged → window 35,000; parts 1 and 2 via a; a → d (15,000 left) refuses part 2.
    /// - 2.2 s: the fail is back → window 17,500, part size 8,750; part 1 unacknowledged fills the window.
    /// - 4 s: part 1 acknowledged → window 35,000, four parts of 8,750. a refused 17,500 while the
    ///   sender's own 35,000 were on it: mission control holds 52,500 for the pair (a, d). The first
    ///   8,750 asks 43,750 of it (below: tried, and a still has 15,000: it passes); the next would ask
    ///   52,500, so three go via b. The set is whole at 4.2 s, settled at 4.4 s; fees 3 · 1 + 3 · 2.
    @Test func slowStartGrowsOnSilenceAndCutsOnFailure() throws {
        let out = try SimulationHarness.trace(try SimulationHarness.scenario(TwoPaths.yaml(strategy: "window")))
        #expect(out.attempts.map(\.description) == [
            "p0.0 17500000 s-a-d settled 0-4400ms",
            "p0.1 17500000 s-a-d settled 2000-4400ms",
            "p0.2 17500000 s-a-d failed 2000-2200ms",
            "p0.3 8750000 s-a-d settled 4000-4400ms",
            "p0.4 8750000 s-b-d settled 4000-4400ms",
            "p0.5 8750000 s-b-d settled 4000-4400ms",
            "p0.6 8750000 s-b-d settled 4000-4400ms",
        ])
        let r = out.records[0]
        #expect(r.success && r.parts == 7 && r.partsSettled == 6 && r.feeMsat == 3 * 1 + 3 * 2 && r.latency == 4_400_000)
        #expect(out.violation == nil)
    }

    /// A second payment of 70,000 sat to the same receiver (Poisson arrivals at 0.001/s: it comes
    /// minutes later). With `remember: per-destination` it starts with the window (70,000 sat) and part
    /// size (8,750) the first ended with and sends all eight parts at once. Mission control trusts
    /// (a, d) below 52,500 (what it refused with the first payment's load), so five parts go via a
    /// (8,750 · 5 = 43,750 < 52,500) and three via b; a has only 6,250 left towards d (the first payment
    /// moved 43,750), so the five via a fail and are sent again, smaller. Without memory it starts a slow
    /// start again with one part of 17,500. Both complete.
    @Test(arguments: ["per-destination", "none"])
    func rememberCarriesTheWindowToTheNextPayment(remember: String) throws {
        let workload = "{payments: 2, arrival_rate_per_s: 0.001, amount_sat: {uniform: {min: 70000, max: 70000}}, sender: s, receiver: d}"
        let yaml = TwoPaths.yaml(strategy: "window", workload: workload)
        let out = try SimulationHarness.trace(try SimulationHarness.scenario(yaml, ["payment.window.remember=\(remember)"]))
        #expect(out.records[0].success && out.violation == nil)
        #expect(out.records[1].arrival - out.records[0].arrival > 10_000_000)
        let second = out.attempts.filter { $0.payment == 1 }
        if remember == "per-destination" {
            let first = Array(second.prefix(8))
            #expect(first.map(\.path) == Array(repeating: "s-a-d", count: 5) + Array(repeating: "s-b-d", count: 3))
            #expect(first.allSatisfy { $0.amountMsat == 8_750_000 && $0.startMs == 0 })
            #expect(first.map(\.settled) == Array(repeating: false, count: 5) + Array(repeating: true, count: 3))
            #expect(out.records[1].success)
        } else {
            #expect(second.first?.amountMsat == 17_500_000 && second.filter { $0.startMs == 0 }.count == 1)
            #expect(out.records[1].success)
        }
    }

    @Test func arithmeticOfGrowthCutAndFloors() {
        let params = WindowParams(initialPart: 0.25, alpha: 1, beta: 0.5, minPartSat: 1000, maxInFlightParts: 3,
                                  remember: .perDestination, ackAfterS: 2)
        var w = WindowStrategy(params)
        let random = RandomStream(seed: 1)
        func view(unassigned: Int64, parts: Int, now: Int64) -> SessionView {
            SessionView(totalMsat: 8_000_000, unassignedMsat: unassigned, inFlightParts: parts, inFlightMsat: 8_000_000 - unassigned,
                        deliveredMsat: 0, now: now, paymentProtocol: .mpp, ampRoot: nil)
        }
        // 8,000 sat: part 2,000 sat, window one part.
        guard case .send(var p0) = w.next(view(unassigned: 8_000_000, parts: 0, now: 0), random: random) else { Issue.record("send"); return }
        #expect(p0.amountMsat == 2_000_000 && w.windowMsat == 2_000_000)
        p0.partID = 0
        w.launched(p0, view(unassigned: 6_000_000, parts: 1, now: 0))
        #expect(w.next(view(unassigned: 6_000_000, parts: 1, now: 0), random: random) == .waitUntil(2_000_000))
        // Acknowledged at 2 s: the window doubles (alpha 1).
        guard case .send(var p1) = w.next(view(unassigned: 6_000_000, parts: 1, now: 2_000_000), random: random) else { Issue.record("send"); return }
        #expect(w.windowMsat == 4_000_000 && p1.amountMsat == 2_000_000)
        p1.partID = 1
        w.launched(p1, view(unassigned: 4_000_000, parts: 2, now: 2_000_000))
        // The third part is the last max_in_flight_parts allows: it carries everything unassigned.
        guard case .send(let p2) = w.next(view(unassigned: 4_000_000, parts: 2, now: 2_000_000), random: random) else { Issue.record("send"); return }
        #expect(p2.amountMsat == 4_000_000)
        // Two failures: window 4,000 → 2,000 → 1,000 (the floor), part 2,000 → 1,000 → 1,000.
        w.failed(p1, view(unassigned: 6_000_000, parts: 1, now: 2_200_000), random: random)
        #expect(w.windowMsat == 2_000_000 && w.partMsat == 1_000_000)
        w.failed(p0, view(unassigned: 8_000_000, parts: 0, now: 2_300_000), random: random)
        #expect(w.windowMsat == 1_000_000 && w.partMsat == 1_000_000)
        #expect(w.learned() == DestinationMemory(windowMsat: 1_000_000, partMsat: 1_000_000))
        // No route for a part that cannot be halved above the floor: give up.
        w.noRoute(PartRequest(amountMsat: 1_000_000), view(unassigned: 8_000_000, parts: 0, now: 2_300_000), random: random)
        #expect(w.next(view(unassigned: 8_000_000, parts: 0, now: 2_300_000), random: random) == .giveUp)
    }
}
