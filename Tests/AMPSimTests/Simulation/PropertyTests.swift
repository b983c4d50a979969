import Testing
@testable import AMPSim

/// Property tests on random scenarios (`RandomScenario`): for every protocol x strategy, after every
/// event the design's invariants hold (conservation, slot limits, no negative balance, no AMP HTLC
/// settled before its set is whole), every payment ends exactly once, nothing stays in flight, no part
/// is launched after its payment's deadline (no attempt cap is set: nothing may loop), and
/// payments.csv / parts.csv / channels.csv parse back to the records they came from.
@Suite struct PropertyTests {
    static let seeds: ClosedRange<UInt64> = 1...80
    static let payments = 12

    @Test func invariantsAndCSVsOnRandomScenarios() throws {
        var cases = 0
        for seed in Self.seeds {
            for (proto, strategies) in InvariantTests.protocols {
                for strategy in strategies {
                    let yaml = RandomScenario.yaml(seed: seed &* 7919, protocol: proto, strategy: strategy, payments: Self.payments)
                    try check(yaml, label: "seed \(seed) \(proto) \(strategy)")
                    cases += 1
                }
            }
        }
        #expect(cases == Self.seeds.count * (1 + 2 * StrategyName.allCases.count))
    }

    func check(_ yaml: String, label: String) throws {
        let scenario = try SimulationHarness.scenario(yaml)
        let (graph, _) = try GraphFactory.build(scenario, replication: 0)
        let workload = try RunExperiment.payments(scenario, graph: graph, replication: 0)
        let simulation = try Simulation(scenario: scenario, graph: graph, replication: 0)
        simulation.checkInvariants = true
        let records = simulation.run(workload)
        #expect(simulation.invariantViolation == nil, "\(label): \(simulation.invariantViolation ?? "")")
        #expect(records.map(\.paymentID) == Array(0..<workload.count), "\(label): every payment ends exactly once")
        #expect(simulation.finalNetwork.htlcsInFlight == 0, "\(label): HTLCs left in flight")
        for r in records {
            #expect(r.success == r.failure.isEmpty, "\(label)")
            #expect(r.feeMsat >= 0 && r.amountMsat >= 1 && r.end >= r.arrival, "\(label)")
            // The oracle's flow never exceeds what the sender can spend, the receiver take, or the amount.
            if let o = r.oracle {
                #expect(o.maxFlowMsat <= min(o.senderSpendableMsat, o.receiverInboundMsat, r.amountMsat), "\(label): \(o)")
                #expect(o.feasibleMultiPath == (o.maxFlowMsat == r.amountMsat) && (!o.feasibleSinglePath || o.feasibleMultiPath), "\(label): \(o)")
            } else {
                Issue.record("\(label): the oracle is on by default")
            }
        }
        // payments.csv parses back: one row per record, every column, the record's values.
        let rows = CSVReader.parse(PaymentsTable.header + PaymentsTable.rows(records, replication: 0, graph: graph, payment: scenario.payment))
        #expect(rows.first == PaymentsTable.columns, "\(label)")
        #expect(rows.count == records.count + 1, "\(label)")
        for (r, row) in zip(records, rows.dropFirst()) {
            #expect(row.count == PaymentsTable.columns.count, "\(label): \(row)")
            guard row.count == PaymentsTable.columns.count else { continue }
            #expect(row[1] == String(r.paymentID) && row[5] == String(r.amountMsat) && row[9] == String(r.feeMsat), "\(label)")
            #expect(row[3] == graph.nodeIDs[Int(r.sender)] && row[4] == graph.nodeIDs[Int(r.receiver)], "\(label)")
            let column = { (name: String) in row[PaymentsTable.columns.firstIndex(of: name)!] }
            #expect(row[8] == (r.success ? "true" : "false") && column("failure") == r.failure, "\(label)")
            // A failed payment gave up at or after its start and no later than its last outcome.
            if r.success {
                #expect(column("gave_up_ms").isEmpty && r.gaveUpAt == nil, "\(label)")
            } else if let delay = r.gaveUpDelay {
                #expect(delay >= 0 && delay <= r.latency, "\(label): gave up after \(delay) µs, last outcome after \(r.latency) µs")
            } else {
                Issue.record("\(label): a failed payment without the time it gave up")
            }
        }
        // Nothing loops without an attempt cap (none is set here): no part starts at or after its
        // payment's deadline, and an ended payment launched nothing more.
        #expect(scenario.payment.maxAttempts == nil, "\(label)")
        let timeout = Bounds.microseconds(seconds: scenario.payment.timeoutS)
        for part in simulation.partRecords() {
            let r = records[part.paymentID]
            #expect(part.start < r.arrival + timeout && part.start <= r.end, "\(label): part \(part.partID) of payment \(part.paymentID) started at \(part.start)")
        }
        let parts = CSVReader.parse(PartsTable.header + PartsTable.rows(simulation.partRecords(), replication: 0))
        #expect(parts.allSatisfy { $0.count == PartsTable.columns.count }, "\(label): parts.csv")
        let channels = CSVReader.parse(ChannelsTable.header + ChannelsTable.rows(simulation.finalNetwork, duration: simulation.endTime, replication: 0))
        #expect(channels.count == graph.channelCount * 2 + 1, "\(label): channels.csv rows")
        #expect(channels.allSatisfy { $0.count == ChannelsTable.columns.count }, "\(label): channels.csv")
    }
}

/// A strict RFC 4180 reader for the tests: quoted fields with doubled quotes, rows ended by "\n".
enum CSVReader {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if quoted {
                if c == "\"" {
                    let next = text.index(after: i)
                    if next < text.endIndex && text[next] == "\"" { field.append("\""); i = next } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(c) }
            i = text.index(after: i)
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
