import Foundation

/// Writes a graph as a CLoTH network folder (`nodes.csv`, `channels.csv`, `edges.csv`, amounts in msat),
/// so that CLoTH can run on exactly the graph ampsim uses.
///
/// Guarantees: CLoTH's column order and headers; node id = node index, channel id = channel index, edge
/// id = direction index (2c from node1, 2c+1 from node2); an edge's balance is what its from-node holds;
/// the folder is created if missing and the three files appear only when all are written. CLoTH has no
/// disabled flag, htlc maximum, slot limit or reserve: a disabled direction is written with min_htlc =
/// capacity + 1 msat, so that neither CLoTH nor ampsim's importer can route through it; the others are
/// not written.
public enum ClothExporter {
    public static func write(_ graph: ChannelGraph, to folder: String) throws {
        try OutputFolder.create(folder, field: "--export cloth")
        var nodes = "id\n"
        for v in 0..<graph.nodeCount { nodes += "\(v)\n" }
        var channels = ClothImporter.channelColumns.joined(separator: ",") + "\n"
        var edges = ClothImporter.edgeColumns.joined(separator: ",") + "\n"
        for c in 0..<graph.channelCount {
            channels += "\(c),\(2 * c),\(2 * c + 1),\(graph.node1[c]),\(graph.node2[c]),\(graph.capacityMsat[c])\n"
        }
        for d in 0..<graph.directionCount {
            edges += "\(d),\(d >> 1),\(d ^ 1),\(graph.source(of: d)),\(graph.target(of: d)),\(graph.initialBalanceMsat(of: d)),"
            let minimum = graph.enabled[d] ? graph.htlcMinimumMsat[d] : graph.capacityMsat[d >> 1] + 1
            edges += "\(graph.feeBaseMsat[d]),\(graph.feeRatePPM[d]),\(minimum),\(graph.cltvDelta[d])\n"
        }
        var writer = AtomicFileWriter()
        try writer.stage(nodes, to: (folder as NSString).appendingPathComponent("nodes.csv"))
        try writer.stage(channels, to: (folder as NSString).appendingPathComponent("channels.csv"))
        try writer.stage(edges, to: (folder as NSString).appendingPathComponent("edges.csv"))
        try writer.commit()
    }
}
