/// channels.csv: one row per channel direction (written when `output.channels` is true).
///
/// Guarantees: the columns below, in this order, two rows per channel (direction 0: node1 → node2,
/// then direction 1), ordered by replication then channel index; one `failures_<cause>` column per
/// cause a forwarder can give; time integrals are exact (taken at every change); `mean_slots` is
/// slot-seconds over the run's duration (empty when the run lasted no time); identical text for
/// identical runs.
public enum ChannelsTable {
    /// The causes that get a failures_ column.
    public static let causes = FailureCause.allCases.filter(\.raisedByForwarder)

    public static let columns = [
        "replication", "channel", "direction", "from_node", "to_node", "capacity_msat", "max_accepted_htlcs",
        "forwarded_htlcs", "forwarded_msat", "fees_earned_msat",
    ] + causes.map { "failures_\($0.name)" } + [
        "peak_slots", "mean_slots", "slot_seconds", "at_limit_seconds", "peak_locked_msat", "locked_msat_seconds",
    ]

    public static var header: String { columns.joined(separator: ",") + "\n" }

    /// The rows of `network` after a run that lasted `duration` µs of simulated time.
    public static func rows(_ network: NetworkState, duration: SimTime, replication: Int) -> String {
        let graph = network.graph, stats = network.stats
        var out = ""
        out.reserveCapacity(graph.directionCount * 96)
        let rep = String(replication)
        for d in 0..<graph.directionCount {
            let c = ChannelGraph.channel(of: d)
            var fields: [String] = [
                rep, CSVFormat.text(graph.channelIDs[c]), String(d & 1),
                CSVFormat.text(graph.nodeIDs[graph.source(of: d)]), CSVFormat.text(graph.nodeIDs[graph.target(of: d)]),
                String(graph.capacityMsat[c]), String(graph.maxAcceptedHTLCs[d]),
                String(stats.forwardedCount[d]), String(stats.forwardedMsat[d]), String(stats.feesEarnedMsat[d]),
            ]
            for cause in causes {
                fields.append(String(stats.failures[Int(cause.rawValue) * graph.directionCount + d]))
            }
            fields += [
                String(stats.peakSlots[d]),
                duration > 0 ? CSVFormat.decimal(stats.slotMicroseconds[d] / Double(duration)) : "",
                CSVFormat.decimal(stats.slotMicroseconds[d] / 1e6), CSVFormat.decimal(Double(stats.atLimitMicroseconds[d]) / 1e6),
                String(stats.peakLockedMsat[d]), CSVFormat.decimal(stats.lockedMsatMicroseconds[d] / 1e6, places: 3),
            ]
            out += fields.joined(separator: ",")
            out += "\n"
        }
        return out
    }
}
