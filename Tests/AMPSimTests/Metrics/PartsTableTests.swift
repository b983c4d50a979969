import Testing
@testable import AMPSim

/// parts.csv on a hand-made graph where every message takes exactly 100 ms per hop: s → m → d looks
/// likelier but m holds nothing towards d, so the one part fails at hop 1 and is retried via n.
@Suite struct PartsTableTests {
    func scenario(_ extra: [String] = []) throws -> Scenario {
        try SimulationHarness.scenario("""
        name: parts
        \(SimulationHarness.blockedAndOpenPaths)
        network: {hop_latency_ms: 100}
        workload: {payments: 1, amount_sat: 40000, sender: s, receiver: d}
        payment: {protocol: keysend, strategy: single}
        routing: {cost: pickhardt}
        output: {parts: true, channels: true}
        """, extra)
    }

    @Test func oneRowPerAttemptTimedToTheHop() throws {
        let s = try scenario()
        let result = try RunExperiment.replicate(s, replication: 0)
        let (graph, _) = try GraphFactory.build(s, replication: 0)
        let t0 = try RunExperiment.payments(s, graph: graph, replication: 0)[0].arrival
        func ms(_ offset: Int64) -> String { CSVFormat.milliseconds(t0 + offset) }
        // Attempt 1: added on s→m at t0, refused by m at t0 + 100 ms (insufficient balance, 0x1007 = 4103,
        // hop 1), the fail is back at s at t0 + 200 ms. Attempt 2 of the same part: via n, settled at the
        // receiver at t0 + 400 ms, the fulfil back at s at t0 + 600 ms.
        #expect(result.partsCSV == """
        0,0,0,1,40000000,2,failed,insufficient_balance,4103,1,\(ms(0)),\(ms(200_000)),0
        0,0,0,2,40000000,2,settled,,,,\(ms(200_000)),\(ms(600_000)),0

        """)
        // Slots: s→m 0.2 s; s→n 0.4 s; n→d 0.2 s: 0.8 slot-seconds, 40,000,000 · 0.8 msat·s locked.
        let payment = result.paymentsCSV.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(payment[PaymentsTable.columns.firstIndex(of: "slot_seconds")!] == "0.8")
        #expect(payment[PaymentsTable.columns.firstIndex(of: "locked_msat_seconds")!] == "32000000")
        #expect(payment[PaymentsTable.columns.firstIndex(of: "parts_settled")!] == "1")
        #expect(payment[PaymentsTable.columns.firstIndex(of: "attempts")!] == "2")
    }

    @Test func channelRowsCountTheRefusalWhereItHappened() throws {
        let result = try RunExperiment.replicate(try scenario(), replication: 0)
        let rows = result.channelsCSV.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        func row(_ from: String, _ to: String) -> [String] { rows.first { $0[3] == from && $0[4] == to }! }
        func col(_ r: [String], _ name: String) -> String { r[ChannelsTable.columns.firstIndex(of: name)!] }
        #expect(rows.count == 8)
        #expect(col(row("m", "d"), "failures_insufficient_balance") == "1" && col(row("m", "d"), "forwarded_htlcs") == "0")
        #expect(col(row("s", "m"), "slot_seconds") == "0.2" && col(row("s", "m"), "forwarded_htlcs") == "0")
        #expect(col(row("s", "n"), "slot_seconds") == "0.4" && col(row("s", "n"), "forwarded_msat") == "40000000")
        #expect(col(row("n", "d"), "slot_seconds") == "0.2" && col(row("n", "d"), "peak_slots") == "1")
        #expect(col(row("n", "d"), "channel") == "c3" && col(row("n", "d"), "direction") == "0")
    }

    @Test func nothingIsBuiltWhenTheFilesAreOff() throws {
        let result = try RunExperiment.replicate(try scenario(["output.parts=false", "output.channels=false"]), replication: 0)
        #expect(result.partsCSV.isEmpty && result.channelsCSV.isEmpty && !result.paymentsCSV.isEmpty)
    }

    @Test func threeHopRouteFeeInEveryFile() throws {
        // The BOLT 7 example of KnownAnswerTests: b charges 10,199 msat, a 1,501 msat, s's own channel nothing.
        let s = try SimulationHarness.scenario("""
        name: fee
        \(SimulationHarness.boltSevenRoute)
        workload: {payments: 1, amount_sat: 4999.999, sender: s, receiver: d}
        payment: {protocol: keysend, strategy: single}
        output: {parts: true, channels: true}
        """)
        let result = try RunExperiment.replicate(s, replication: 0)
        let part = result.partsCSV.split(separator: ",", omittingEmptySubsequences: false)
        #expect(part[4] == "4999999" && part[5] == "3" && part[6] == "settled" && part.last == "11700\n")
        let feeColumn = ChannelsTable.columns.firstIndex(of: "fees_earned_msat")!
        let rows: [[Substring]] = result.channelsCSV.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let fees: [String] = rows.filter { $0[2] == "0" }.map { String($0[feeColumn]) }
        #expect(fees == ["0", "1501", "10199"])
        #expect(result.summary.value("fee_msat_mean") == 11_700)
        #expect(abs(result.summary.value("fee_ppm_mean") - 11_700e6 / 4_999_999) < 1e-9)
    }
}
