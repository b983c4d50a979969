import Testing
@testable import AMPSim

/// channels.csv from the hand-driven network of ChannelStatisticsTests.
@Suite struct ChannelsTableTests {
    @Test func rowsAreExact() {
        let text = ChannelsTable.header + ChannelsTable.rows(ChannelStatisticsTests.network(), duration: 10_000_000, replication: 3)
        #expect(text == """
        replication,channel,direction,from_node,to_node,capacity_msat,max_accepted_htlcs,forwarded_htlcs,forwarded_msat,\
        fees_earned_msat,failures_insufficient_balance,failures_slots_exhausted,failures_offline,failures_below_minimum,\
        failures_above_maximum,peak_slots,mean_slots,slot_seconds,at_limit_seconds,peak_locked_msat,locked_msat_seconds
        3,7x1x0,0,a,b,20000,2,1,2000,7,0,1,0,0,0,2,0.8,8,1.5,3000,13000
        3,7x1x0,1,b,a,20000,1,0,0,0,0,0,0,0,0,1,0.1,1,1,500,500

        """)
        #expect(ChannelsTable.rows(ChannelStatisticsTests.network(), duration: 0, replication: 0).split(separator: "\n")[0].contains(",2,,8,1.5,"))
    }

    @Test func oneRowPerDirectionAndNoReceiverCauses() {
        #expect(ChannelsTable.causes.map(\.name) == ["insufficient_balance", "slots_exhausted", "offline", "below_minimum", "above_maximum"])
        let rows = ChannelsTable.rows(ChannelStatisticsTests.network(), duration: 1, replication: 0).split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == ChannelsTable.columns.count })
    }
}
