/// The flow of the last solve cut into paths, as renepay's `get_flow_paths` (plugins/renepay/mcf.c):
/// follow positive flow from the source until the target, take the bottleneck, subtract, repeat.
///
/// Guarantees: the units of the paths sum to the units that left the source; each path is a simple
/// path from the source to the target over directions that carried flow; a cycle met on the way (only
/// zero-cost ties could make one) is cancelled rather than followed. Consumes the workspace's flow.
extension FlowWorkspace {
    public func decompose(from source: Int, to target: Int) -> [(directions: [Int32], units: Int64)] {
        var paths: [(directions: [Int32], units: Int64)] = []
        guard source != target else { return paths }
        while true {
            pathStamp &+= 1
            if pathStamp == 0 { for i in 0..<nodeCount { onPathStamp[i] = 0 }; pathStamp = 1 }
            var path: [Int32] = []
            var v = source
            onPath[v] = 0; onPathStamp[v] = pathStamp
            var stuck = false
            while v != target {
                guard let d = graph.outgoing(v).first(where: { flow(on: Int($0)) > 0 }) else { stuck = true; break }
                let w = graph.target(of: Int(d))
                if onPathStamp[w] == pathStamp {
                    // A cycle back to w: cancel it and continue from w.
                    let p = Int(onPath[w])
                    var cycle = Array(path[p...])
                    cycle.append(d)
                    let least = cycle.map { flow(on: Int($0)) }.min()!
                    for c in cycle { subtractFlow(Int(c), least) }
                    for c in path[p...] { onPathStamp[graph.target(of: Int(c))] = 0 }
                    path.removeSubrange(p...)
                    v = w
                    onPath[w] = Int32(p); onPathStamp[w] = pathStamp
                    continue
                }
                path.append(d)
                onPath[w] = Int32(path.count); onPathStamp[w] = pathStamp
                v = w
            }
            if stuck || path.isEmpty { break }
            let units = path.map { flow(on: Int($0)) }.min()!
            for d in path { subtractFlow(Int(d), units) }
            paths.append((path, units))
        }
        return paths
    }
}
