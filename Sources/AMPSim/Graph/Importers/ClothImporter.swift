import Foundation

/// Reads a CLoTH network folder: `nodes.csv`, `channels.csv`, `edges.csv` (or CLoTH's own
/// `nodes_ln.csv`, `channels_ln.csv`, `edges_ln.csv`), all amounts in msat.
///
/// Guarantees: node and channel ids are CLoTH's ids as text; balances are kept (an edge's `balance` is
/// what its from-node holds, so node1 holds edge1's balance); each edge gives its direction's fee_base,
/// fee_proportional (ppm), min_htlc and timelock. Ids must be dense from 0 and refer to existing rows,
/// and each channel's edges must run node1 → node2 and back; anything else throws `InputError` at
/// `FILE:LINE` (so a node id listed twice is refused: ids are dense). Zero-capacity channels and
/// self-loops are skipped and counted; a direction whose min_htlc exceeds the capacity is unusable and
/// counted (that is how `ClothExporter` writes a disabled direction), and a channel with neither
/// direction usable is skipped.
enum ClothImporter {
    static let nodeColumns = ["id"]
    static let channelColumns = ["id", "edge1_id", "edge2_id", "node1_id", "node2_id", "capacity"]
    static let edgeColumns = ["id", "channel_id", "counter_edge_id", "from_node_id", "to_node_id", "balance", "fee_base",
                              "fee_proportional", "min_htlc", "timelock"]

    static func file(_ folder: String, _ label: String, _ name: String) throws -> (path: String, label: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw InputError(location: label, expected: "a CLoTH folder with nodes.csv, channels.csv, edges.csv", found: "no such folder")
        }
        guard isDirectory.boolValue else {
            throw InputError(location: label, expected: "a CLoTH folder with nodes.csv, channels.csv, edges.csv", found: "a file")
        }
        for candidate in ["\(name).csv", "\(name)_ln.csv"] {
            let p = (folder as NSString).appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: p) { return (p, (label as NSString).appendingPathComponent(candidate)) }
        }
        throw InputError(location: (label as NSString).appendingPathComponent("\(name).csv"), expected: "a CLoTH \(name) file",
                         found: "no such file")
    }

    static func read(path: String, label: String, limits: ResourceLimits = .standard) throws -> (GraphDraft, ImportReport) {
        let nf = try file(path, label, "nodes"), cf = try file(path, label, "channels"), ef = try file(path, label, "edges")
        let nodes = try CSVTable(path: nf.path, label: nf.label, columns: nodeColumns, limits: limits)
        let channels = try CSVTable(path: cf.path, label: cf.label, columns: channelColumns, limits: limits)
        let edges = try CSVTable(path: ef.path, label: ef.label, columns: edgeColumns, limits: limits)
        return try build(nodes: nodes, channels: channels, edges: edges, label: label)
    }

    /// The same from the three files' bytes (`label` names the folder).
    static func parse(nodes: [UInt8], channels: [UInt8], edges: [UInt8], label: String) throws -> (GraphDraft, ImportReport) {
        let folder = label as NSString
        return try build(nodes: try CSVTable(bytes: nodes, label: folder.appendingPathComponent("nodes.csv"), columns: nodeColumns),
                         channels: try CSVTable(bytes: channels, label: folder.appendingPathComponent("channels.csv"), columns: channelColumns),
                         edges: try CSVTable(bytes: edges, label: folder.appendingPathComponent("edges.csv"), columns: edgeColumns),
                         label: label)
    }

    static func build(nodes: CSVTable, channels: CSVTable, edges: CSVTable, label: String) throws -> (GraphDraft, ImportReport) {
        let n = Int64(nodes.rows.count), m = Int64(channels.rows.count), e = Int64(edges.rows.count)
        var report = ImportReport(file: label, format: .cloth)
        var draft = GraphDraft()
        for i in 0..<nodes.rows.count {
            _ = try nodes.value(i, "id", in: Int64(i)...Int64(i), "id \(i) (ids dense from 0 in order)")
            draft.nodeIDs.append(String(i))
        }
        for i in 0..<edges.rows.count {
            _ = try edges.value(i, "id", in: Int64(i)...Int64(i), "id \(i) (ids dense from 0 in order)")
            _ = try edges.value(i, "channel_id", in: 0..<m, "a channel id in 0 ..< \(m)")
            _ = try edges.value(i, "counter_edge_id", in: 0..<e, "an edge id in 0 ..< \(e)")
            _ = try edges.value(i, "from_node_id", in: 0..<n, "a node id in 0 ..< \(n)")
            _ = try edges.value(i, "to_node_id", in: 0..<n, "a node id in 0 ..< \(n)")
            for column in ["balance", "fee_base", "fee_proportional", "min_htlc"] {
                _ = try edges.value(i, column, in: 0...Int64.max, "a non-negative amount")
            }
            _ = try edges.value(i, "timelock", in: 0...Int64(Bounds.maxCLTVDelta), "a timelock in 0 ... \(Bounds.maxCLTVDelta) (BOLT 7: 16 bits)")
        }
        func policy(_ row: Int) -> DirectionPolicy {
            let r = edges.rows[row]
            return DirectionPolicy(feeBaseMsat: r[6], feeRatePPM: r[7], cltvDelta: Int32(r[9]), htlcMinimumMsat: r[8])
        }
        for c in 0..<channels.rows.count {
            _ = try channels.value(c, "id", in: Int64(c)...Int64(c), "id \(c) (ids dense from 0 in order)")
            let e1 = Int(try channels.value(c, "edge1_id", in: 0..<e, "an edge id in 0 ..< \(e)"))
            let e2 = Int(try channels.value(c, "edge2_id", in: 0..<e, "an edge id in 0 ..< \(e)"))
            let a = try channels.value(c, "node1_id", in: 0..<n, "a node id in 0 ..< \(n)")
            let b = try channels.value(c, "node2_id", in: 0..<n, "a node id in 0 ..< \(n)")
            let capacity = try channels.value(c, "capacity", in: 0...Bounds.maxMsat, "a capacity in 0 ... \(Bounds.maxMsat) msat (21 million BTC)")
            let r1 = edges.rows[e1], r2 = edges.rows[e2]
            guard r1[1] == Int64(c), r1[3] == a, r1[4] == b else {
                throw channels.fail(c, "edge1_id", expected: "an edge of channel \(c) from node \(a) to node \(b)",
                                    found: "edge \(e1) (channel \(r1[1]), \(r1[3]) → \(r1[4]))")
            }
            guard r2[1] == Int64(c), r2[3] == b, r2[4] == a else {
                throw channels.fail(c, "edge2_id", expected: "an edge of channel \(c) from node \(b) to node \(a)",
                                    found: "edge \(e2) (channel \(r2[1]), \(r2[3]) → \(r2[4]))")
            }
            if a == b { report.skip(.selfLoop); continue }
            if capacity == 0 { report.skip(.zeroCapacity); continue }
            guard r1[5] <= capacity else {
                throw edges.fail(e1, "balance", expected: "at most the channel's capacity \(capacity)", found: "\(r1[5])")
            }
            var pair = [policy(e1), policy(e2)]
            GraphDraft.disableUnpayable(&pair, capacityMsat: capacity, report: &report)
            if !pair[0].enabled && !pair[1].enabled { report.skip(.noUsableDirection); continue }
            draft.addChannel(Int(a), Int(b), id: String(c), capacityMsat: capacity, balance1Msat: r1[5],
                             policy1: pair[0], policy2: pair[1])
        }
        return (draft, report)
    }
}
