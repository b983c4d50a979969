import Foundation

/// Everything `run` and `sweep` refuse about a valid scenario before simulating it — what this version
/// cannot run, files that are missing or too large, an empty or malformed replay file, endpoints an
/// explicit graph does not have, an explicit graph with no channel, the resource limits — checked
/// without building the graph, so that `validate` refuses exactly what a run would.
///
/// Guarantees: throws the first problem as an `InputError` naming the file or the field; reads no graph
/// file (only its size), and reads a replay file once per distinct path however many scenarios share it.
public enum ScenarioPreflight {
    /// Checks one scenario; `runs` is 1 for `ampsim run`, grid points x replications for a sweep.
    public static func check(_ scenario: Scenario, runs: Int, limits: ResourceLimits = .standard) throws {
        try check([scenario], runs: runs, limits: limits)
    }

    /// Checks every point of a sweep (files shared by several points are looked at once).
    public static func check(_ scenarios: [Scenario], runs: Int, limits: ResourceLimits = .standard) throws {
        var replayRows: [String: Int] = [:]
        var graphFiles = Set<String>()
        for scenario in scenarios {
            try Simulation.checkSupported(scenario)
            let graph = scenario.graph
            if graph.generator == .import, let label = graph.path {
                let path = scenario.resolve(label)
                if graphFiles.insert(path).inserted { try checkGraphFile(path, label: label, format: graph.format ?? .lnd, limits: limits) }
            }
            if graph.generator == .explicit { try checkExplicit(scenario) }
            var payments: Int?
            if let label = scenario.workload.replay {
                let path = scenario.resolve(label)
                if replayRows[path] == nil { replayRows[path] = try PaymentReplay.count(path: path, label: label, limits: limits) }
                payments = replayRows[path]
            }
            try ResourceLimits.check(scenario: scenario, runs: runs, limits: limits, replayPayments: payments)
        }
    }

    /// The graph file (or, for CLoTH, the folder's three files) exists, is readable and within the size limit.
    static func checkGraphFile(_ path: String, label: String, format: GraphFormat, limits: ResourceLimits) throws {
        guard format == .cloth else { return try GraphFileReader.checkFile(path, label: label, limits: limits) }
        for name in ["nodes", "channels", "edges"] {
            let file = try ClothImporter.file(path, label, name)
            try GraphFileReader.checkFile(file.path, label: file.label, limits: limits)
        }
    }

    /// `workload.sender` / `receiver` name nodes of the explicit graph, which has a channel for them to use.
    static func checkExplicit(_ scenario: Scenario) throws {
        let graph = scenario.graph
        let location = "scenario '\(scenario.name)'"
        for (field, name) in [("workload.sender", scenario.workload.sender), ("workload.receiver", scenario.workload.receiver)] {
            guard let name, !graph.explicitNodes.contains(name) else { continue }
            throw InputError(location: location, path: field,
                             expected: "a node of graph.explicit.nodes" + Suggestion.hint(for: name, among: graph.explicitNodes),
                             found: "'\(name)'")
        }
        if graph.explicitChannels.isEmpty {
            throw InputError(location: location, path: "graph.explicit.channels",
                             expected: "at least one channel (payments need two nodes joined by a usable channel)", found: "none")
        }
    }

    /// Refuses a built graph in which fewer than two nodes have a usable channel direction: no payment
    /// could even be drawn (a run would end with 0 payments and look like a success).
    public static func checkUsable(_ graph: ChannelGraph, scenario: Scenario) throws {
        var usable = Set<Int32>()
        for c in 0..<graph.channelCount where graph.enabled[2 * c] || graph.enabled[2 * c + 1] {
            usable.insert(graph.node1[c])
            usable.insert(graph.node2[c])
            if usable.count >= 2 { return }
        }
        let source = scenario.graph.generator == .import ? (scenario.graph.path ?? "graph") : "scenario '\(scenario.name)'"
        throw InputError(location: source, path: "graph",
                         expected: "a graph with at least two nodes joined by a usable channel (a sender and a receiver)",
                         found: "\(graph.nodeCount) node\(graph.nodeCount == 1 ? "" : "s"), \(usable.count) with a usable channel")
    }
}
