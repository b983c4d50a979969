/// Reads a CLoTH `payments.csv` (`id,sender_id,receiver_id,amount,start_time`; amounts in msat,
/// start times in ms) so that ampsim runs exactly the payments CLoTH ran.
///
/// Guarantees: one payment per row, in file order, ids dense from 0; sender and receiver are looked
/// up by node id (a CLoTH-imported graph keeps CLoTH's ids); any id the graph lacks, a non-positive
/// amount, a negative start time or sender == receiver is an `InputError` at `FILE:LINE: column`.
public enum PaymentReplay {
    public static let columns = ["id", "sender_id", "receiver_id", "amount", "start_time"]

    public static func read(path: String, label: String, graph: ChannelGraph) throws -> [PaymentSpecRecord] {
        let table = try CSVTable(path: path, label: label, columns: columns)
        var index: [String: Int32] = [:]
        for (i, id) in graph.nodeIDs.enumerated() { index[id] = Int32(i) }
        var records: [PaymentSpecRecord] = []
        records.reserveCapacity(table.rows.count)
        for row in table.rows.indices {
            _ = try table.value(row, "id", in: Int64(row)...Int64(row), "the row's position \(row) (ids dense from 0)")
            func node(_ column: String) throws -> Int32 {
                let raw = table.rows[row][columns.firstIndex(of: column)!]
                guard let n = index[String(raw)] else {
                    throw table.fail(row, column, expected: "a node id of the graph", found: "\(raw)")
                }
                return n
            }
            let sender = try node("sender_id"), receiver = try node("receiver_id")
            if sender == receiver { throw table.fail(row, "receiver_id", expected: "a node other than sender_id", found: "\(graph.nodeIDs[Int(receiver)])") }
            let amount = try table.value(row, "amount", in: 1...Int64.max / 4, "a positive amount in msat")
            let start = try table.value(row, "start_time", in: 0...Int64.max / 1000, "a start time >= 0 in ms")
            records.append(PaymentSpecRecord(sender: sender, receiver: receiver, amountMsat: amount, arrival: start * 1000, invoice: -1))
        }
        return records
    }
}
