/// payments.csv: one row per payment.
///
/// Guarantees: the columns below, in this order, for every payment of every replication, ordered by
/// replication then payment id; identical text for identical runs.
public enum PaymentsTable {
    public static let columns = [
        "replication", "payment_id", "time_ms", "sender", "receiver", "amount_msat", "protocol", "strategy", "success",
        "fee_msat", "attempts", "parts", "parts_settled", "htlcs", "max_parts_in_flight", "latency_ms", "gave_up_ms", "slot_seconds",
        "locked_msat_seconds", "partial_loss_msat", "linkable_parts", "invoice", "set_id", "failure",
        "max_flow_msat", "feasible_single_path", "feasible_multi_path", "sender_spendable_msat", "receiver_inbound_msat",
        "parts_needed", "parts_sent", "spares_failed_back", "overpayment_at_risk_msat", "overpaid_msat",
    ]

    public static var header: String { columns.joined(separator: ",") + "\n" }

    public static func rows(_ records: [PaymentRecord], replication: Int, graph: ChannelGraph, payment: PaymentSpec) -> String {
        var out = ""
        out.reserveCapacity(records.count * 160)
        let proto = payment.protocol.rawValue, strategy = payment.strategy.rawValue
        for r in records {
            let fields: [String] = [
                String(replication), String(r.paymentID), CSVFormat.milliseconds(r.arrival),
                CSVFormat.text(graph.nodeIDs[Int(r.sender)]), CSVFormat.text(graph.nodeIDs[Int(r.receiver)]),
                String(r.amountMsat), proto, strategy, CSVFormat.bool(r.success), String(r.feeMsat), String(r.attempts),
                String(r.parts), String(r.partsSettled), String(r.htlcs), String(r.maxPartsInFlight), CSVFormat.milliseconds(r.latency),
                r.gaveUpDelay.map(CSVFormat.milliseconds) ?? "",
                CSVFormat.decimal(r.slotMicros / 1e6), CSVFormat.decimal(r.lockedMsatMicros / 1e6, places: 3),
                String(r.partialLossMsat), String(r.linkableParts), r.invoice >= 0 ? String(r.invoice) : "",
                r.setID?.hex ?? "", r.failure,
                r.oracle.map { String($0.maxFlowMsat) } ?? "", r.oracle.map { CSVFormat.bool($0.feasibleSinglePath) } ?? "",
                r.oracle.map { CSVFormat.bool($0.feasibleMultiPath) } ?? "", r.oracle.map { String($0.senderSpendableMsat) } ?? "",
                r.oracle.map { String($0.receiverInboundMsat) } ?? "",
                String(r.partsNeeded), String(r.parts), String(r.sparesFailedBack), String(r.overpaymentAtRiskMsat), String(r.overpaidMsat),
            ]
            out += fields.joined(separator: ",")
            out += "\n"
        }
        return out
    }
}
