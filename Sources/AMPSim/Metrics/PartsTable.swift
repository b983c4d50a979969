/// parts.csv: one row per part attempt (written when `output.parts` is true).
///
/// Guarantees: the columns below, in this order, ordered by replication, payment id, then launch
/// order; `failure`, `failure_code` and `failing_hop` are empty for a settled attempt; times are
/// simulated milliseconds since the start of the run; identical text for identical runs.
public enum PartsTable {
    public static let columns = [
        "replication", "payment_id", "part_id", "attempt", "amount_msat", "hops", "outcome", "failure", "failure_code",
        "failing_hop", "start_ms", "end_ms", "fee_msat",
    ]

    public static var header: String { columns.joined(separator: ",") + "\n" }

    public static func rows(_ records: [PartRecord], replication: Int) -> String {
        var out = ""
        out.reserveCapacity(records.count * 64)
        let rep = String(replication)
        for r in records {
            let fields: [String] = [
                rep, String(r.paymentID), String(r.partID), String(r.attempt), String(r.amountMsat), String(r.hops),
                r.outcome.rawValue, r.cause?.name ?? "", r.cause.map { String($0.boltCode) } ?? "",
                r.failingHop.map(String.init) ?? "", CSVFormat.milliseconds(r.start), r.end.map(CSVFormat.milliseconds) ?? "",
                String(r.feeMsat),
            ]
            out += fields.joined(separator: ",")
            out += "\n"
        }
        return out
    }
}
