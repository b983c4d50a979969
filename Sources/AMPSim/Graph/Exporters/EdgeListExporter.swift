import Foundation

/// Writes a graph as one CSV row per usable channel direction, for networkx, igraph or R:
/// `source,target,channel_id,capacity_msat,balance_msat,fee_base_msat,fee_rate_ppm,cltv_delta`.
///
/// Guarantees: source and target are the nodes' external ids (public keys, names, n0 ...); balance is
/// what the source holds at the start; disabled directions are left out; fields containing a comma or
/// quote are quoted (RFC 4180); missing parent folders are created; the file appears only once complete.
public enum EdgeListExporter {
    public static let header = "source,target,channel_id,capacity_msat,balance_msat,fee_base_msat,fee_rate_ppm,cltv_delta"

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func write(_ graph: ChannelGraph, to path: String) throws {
        var text = header + "\n"
        for d in 0..<graph.directionCount where graph.enabled[d] {
            let c = d >> 1
            text += "\(field(graph.nodeIDs[graph.source(of: d)])),\(field(graph.nodeIDs[graph.target(of: d)])),\(field(graph.channelIDs[c])),"
            text += "\(graph.capacityMsat[c]),\(graph.initialBalanceMsat(of: d)),\(graph.feeBaseMsat[d]),\(graph.feeRatePPM[d]),\(graph.cltvDelta[d])\n"
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try OutputFolder.create(folder, field: "--export edgelist") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError(location: path, path: "--export edgelist", expected: "a file name for the edge list", found: "a folder")
        }
        var writer = AtomicFileWriter()
        try writer.stage(text, to: path)
        try writer.commit()
    }
}
