/// Reads a CLoTH `payments.csv` (`id,sender_id,receiver_id,amount,start_time`; amounts in msat,
/// start times in ms) so that ampsim runs exactly the payments CLoTH ran.
///
/// Guarantees: one payment per row, in file order, ids dense from 0; sender and receiver are looked
/// up by node id (a CLoTH-imported graph keeps CLoTH's ids); a file with no row, any id the graph
/// lacks, an amount outside 1 msat ... 21 million BTC, a start time outside 0 ... 100 years or
/// sender == receiver is an `InputError` at `FILE:LINE: column` (`FILE` for an empty file).
public enum PaymentReplay {
    public static let columns = ["id", "sender_id", "receiver_id", "amount", "start_time"]

    /// The file's rows, every check that needs no graph done (ids, amounts, start times, at least one
    /// row): what `validate` reads, and how many payments a run will have.
    static func table(path: String, label: String, limits: ResourceLimits = .standard) throws -> CSVTable {
        try table(bytes: try GraphFileReader.read(path, label: label, limits: limits), label: label)
    }

    /// The same from the file's (decompressed) bytes.
    static func table(bytes: [UInt8], label: String) throws -> CSVTable {
        let table = try CSVTable(bytes: bytes, label: label, columns: columns)
        guard !table.rows.isEmpty else {
            throw InputError(location: label, expected: "at least one payment row after the header \(columns.joined(separator: ","))", found: "none")
        }
        for row in table.rows.indices {
            _ = try table.value(row, "id", in: Int64(row)...Int64(row), "the row's position \(row) (ids dense from 0)")
            _ = try table.value(row, "amount", in: 1...Bounds.maxMsat, "an amount in msat from 1 to \(Bounds.maxMsat) (21 million BTC)")
            _ = try table.value(row, "start_time", in: 0...Bounds.maxMicroseconds / 1000,
                                "a start time in ms from 0 to \(Bounds.maxMicroseconds / 1000) (100 years)")
        }
        return table
    }

    /// The number of payments the file holds, after the checks of `table`.
    public static func count(path: String, label: String, limits: ResourceLimits = .standard) throws -> Int {
        try table(path: path, label: label, limits: limits).rows.count
    }

    public static func read(path: String, label: String, graph: ChannelGraph, limits: ResourceLimits = .standard) throws -> [PaymentSpecRecord] {
        try records(try table(path: path, label: label, limits: limits), graph: graph)
    }

    /// The payments in `bytes` (a replay file's content), matched to `graph`.
    static func read(bytes: [UInt8], label: String, graph: ChannelGraph) throws -> [PaymentSpecRecord] {
        try records(try table(bytes: bytes, label: label), graph: graph)
    }

    static func records(_ table: CSVTable, graph: ChannelGraph) throws -> [PaymentSpecRecord] {
        var index: [String: Int32] = [:]
        for (i, id) in graph.nodeIDs.enumerated() { index[id] = Int32(i) }
        var records: [PaymentSpecRecord] = []
        records.reserveCapacity(table.rows.count)
        for row in table.rows.indices {
            func node(_ column: String) throws -> Int32 {
                let raw = table.rows[row][columns.firstIndex(of: column)!]
                guard let n = index[String(raw)] else {
                    throw table.fail(row, column, expected: "a node id of the graph", found: "\(raw)")
                }
                return n
            }
            let sender = try node("sender_id"), receiver = try node("receiver_id")
            if sender == receiver { throw table.fail(row, "receiver_id", expected: "a node other than sender_id", found: "\(graph.nodeIDs[Int(receiver)])") }
            let amount = table.rows[row][3], start = table.rows[row][4]
            records.append(PaymentSpecRecord(sender: sender, receiver: receiver, amountMsat: amount, arrival: start * 1000, invoice: -1))
        }
        return records
    }
}
