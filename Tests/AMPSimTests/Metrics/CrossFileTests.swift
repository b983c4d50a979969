import Testing
@testable import AMPSim

/// What the files say about the same run agrees: channels.csv and payments.csv count the same
/// slot-seconds, locked liquidity and fees; parts.csv has one row per attempt of payments.csv.
@Suite struct CrossFileTests {
    @Test(arguments: ["keysend single", "mpp halving", "amp fixed-n"])
    func channelsPaymentsAndPartsAgree(setting: String) throws {
        let words = setting.split(separator: " ")
        let s = try SimulationHarness.scenario(try String(contentsOfFile: TestPaths.scenario("quickstart.yaml"), encoding: .utf8), [
            "graph.nodes=60", "workload.payments=40", "payment.protocol=\(words[0])", "payment.strategy=\(words[1])",
            "output.parts=true", "output.channels=true",
        ])
        let out = try SimulationHarness.run(s)
        let stats = out.network.stats
        // Integer microseconds summed in doubles below 2^53: exact.
        #expect(stats.slotMicroseconds.reduce(0, +) == out.records.reduce(0.0) { $0 + $1.slotMicros })
        let locked = out.records.reduce(0.0) { $0 + $1.lockedMsatMicros }
        #expect(abs(stats.lockedMsatMicroseconds.reduce(0, +) - locked) <= 1e-9 * locked)
        // An honest receiver: every settled part belongs to a successful payment.
        #expect(stats.feesEarnedMsat.reduce(0, +) == out.records.reduce(Int64(0)) { $0 + $1.feeMsat })
        let result = try RunExperiment.replicate(s, replication: 0)
        let parts = result.partsCSV.split(separator: "\n")
        #expect(parts.count == out.records.reduce(0) { $0 + $1.attempts })
        #expect(parts.filter { $0.contains(",settled,") }.count == out.records.reduce(0) { $0 + $1.partsSettled })
        #expect(result.channelsCSV.split(separator: "\n").count == 2 * out.graph.channelCount)
    }
}
