/// Reads lnd's `describegraph` JSON (plain or .xz): nodes by `pub_key`, one edge per channel.
///
/// Guarantees: node ids are public keys, channel ids lnd's `channel_id`; policies come from the file
/// (fee_base_msat, fee_rate_milli_msat as ppm, time_lock_delta, min_htlc, max_htlc_msat); null
/// policies and (when `dropDisabled`) disabled ones become disabled directions; zero-capacity channels,
/// self-loops, repeated channel ids and channels with no usable direction are skipped; every skip is
/// counted in the report; so is a direction whose min_htlc exceeds the capacity (unusable), and an edge
/// endpoint missing from `nodes` (added, counted as unlisted). A value of the wrong type, or a node
/// listed twice, throws `InputError` at `FILE: edges[i].field` / `nodes[i].pub_key`.
enum LndImporter {
    static func read(path: String, label: String, dropDisabled: Bool, limits: ResourceLimits = .standard) throws -> (GraphDraft, ImportReport) {
        try parse(try GraphFileReader.read(path, label: label, limits: limits), label: label, dropDisabled: dropDisabled)
    }

    /// One edge as read, before it joins the graph.
    struct Edge {
        var id: String
        var a: String
        var b: String
        var capacitySat: Int64
        var policies: [DirectionPolicy]
    }

    /// The same from the file's (decompressed) bytes, streamed element by element (`JSONCursor.stream`):
    /// nodes are numbered in list order, then endpoints missing from the list in edge order, whatever
    /// the order of `nodes` and `edges` in the file (edges read before the node list are held until it ends).
    static func parse(_ bytes: [UInt8], label: String, dropDisabled: Bool) throws -> (GraphDraft, ImportReport) {
        var report = ImportReport(file: label, format: .lnd)
        var draft = GraphDraft()
        var listed: [String: Int] = [:]
        var nodesDone = false
        var held: [Edge] = []
        var unlisted = Set<String>()
        var seen = Set<String>()
        func add(_ e: Edge) {
            if !seen.insert(e.id).inserted { report.skip(.duplicate); return }
            if e.a == e.b { report.skip(.selfLoop); return }
            if e.capacitySat == 0 { report.skip(.zeroCapacity); return }
            var pair = e.policies
            GraphDraft.disableUnpayable(&pair, capacityMsat: e.capacitySat * 1000, report: &report)
            if !pair[0].enabled && !pair[1].enabled { report.skip(.noUsableDirection); return }
            for id in [e.a, e.b] where listed[id] == nil { unlisted.insert(id) }
            draft.addChannel(draft.node(e.a), draft.node(e.b), id: e.id, capacityMsat: e.capacitySat * 1000, balance1Msat: nil,
                             policy1: pair[0], policy2: pair[1])
        }
        try JSONCursor.stream(bytes, label: label, arrays: ["nodes", "edges"], element: { key, c in
            if key == "nodes" {
                let field = try c.field("pub_key")
                let id = try field.string()
                if let first = listed[id] { throw field.fail("each node listed once (it is also nodes[\(first)])") }
                listed[id] = listed.count
                _ = draft.node(id)
                return
            }
            let edge = try read(c, dropDisabled: dropDisabled, report: &report)
            if nodesDone { add(edge) } else { held.append(edge) }
        }, arrayEnded: { key in
            guard key == "nodes" else { return }
            nodesDone = true
            held.forEach(add)
            held = []
        })
        report.unlistedNodes = unlisted.count
        return (draft, report)
    }

    /// The fields of one edge, checked.
    static func read(_ e: JSONCursor, dropDisabled: Bool, report: inout ImportReport) throws -> Edge {
        let id: String
        let idField = try e.field("channel_id")
        if case .int(let i) = idField.value { id = String(i) } else { id = try idField.string() }
        let a = try e.field("node1_pub").string(), b = try e.field("node2_pub").string()
        let capacitySat = try e.field("capacity").nonNegative {
            try $0.integerString(atMost: Int64(Bounds.maxSat), "a capacity of at most 21 million BTC (\(Bounds.maxSat) sat)")
        }
        let p1 = try policy(e.optional("node1_policy"), dropDisabled: dropDisabled, report: &report)
        let p2 = try policy(e.optional("node2_policy"), dropDisabled: dropDisabled, report: &report)
        return Edge(id: id, a: a, b: b, capacitySat: capacitySat, policies: [p1, p2])
    }

    /// One direction's policy; disabled (and counted) when null or, with `dropDisabled`, disabled.
    static func policy(_ c: JSONCursor?, dropDisabled: Bool, report: inout ImportReport) throws -> DirectionPolicy {
        var p = DirectionPolicy()
        guard let c, !c.isNull else {
            report.skip(.nullPolicy)
            p.enabled = false
            return p
        }
        p.cltvDelta = Int32(try c.field("time_lock_delta").nonNegative({ try $0.integer() }, atMost: Int64(Bounds.maxCLTVDelta)))
        p.htlcMinimumMsat = try c.field("min_htlc").nonNegative { try $0.integerString() }
        p.feeBaseMsat = try c.field("fee_base_msat").nonNegative { try $0.integerString() }
        p.feeRatePPM = try c.field("fee_rate_milli_msat").nonNegative { try $0.integerString() }
        if let m = try c.optional("max_htlc_msat"), !m.isNull {
            let v = try m.nonNegative { try $0.integerString() }
            p.htlcMaximumMsat = v == 0 ? .max : v
        }
        let disabled = try c.optional("disabled").map { try $0.bool() } ?? false
        if disabled && dropDisabled {
            report.skip(.disabled)
            p.enabled = false
        }
        return p
    }
}
