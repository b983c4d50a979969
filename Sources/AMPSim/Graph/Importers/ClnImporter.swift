/// Reads CLN's `listchannels` JSON (plain or .xz), old schema (`satoshis`) or new (`amount_msat` as
/// "NNNmsat" or an integer), one entry per direction, paired into channels by `short_channel_id`.
///
/// Guarantees: node1 of each channel is the lexicographically smaller public key (as BOLT 7), so
/// direction 2c leaves it; a direction without an entry, or inactive (when `dropDisabled`), is disabled
/// and counted; so is a direction whose htlc_minimum_msat exceeds the capacity; self-loops, zero
/// capacity and repeated (scid, direction) entries are skipped per entry; channels with no usable
/// direction are skipped. Two entries of one short_channel_id with different capacities are an
/// `InputError` (which one is right cannot be told). Policies: base_fee_millisatoshi,
/// fee_per_millionth, delay, htlc_minimum_msat, htlc_maximum_msat.
enum ClnImporter {
    static func read(path: String, label: String, dropDisabled: Bool, limits: ResourceLimits = .standard) throws -> (GraphDraft, ImportReport) {
        try parse(try GraphFileReader.read(path, label: label, limits: limits), label: label, dropDisabled: dropDisabled)
    }

    /// The same from the file's (decompressed) bytes, streamed entry by entry (`JSONCursor.stream`).
    static func parse(_ bytes: [UInt8], label: String, dropDisabled: Bool) throws -> (GraphDraft, ImportReport) {
        var report = ImportReport(file: label, format: .cln)
        var pending = GraphDraft()
        var present: [Bool] = []
        var active: [Bool] = []
        var channelIndex: [String: Int] = [:]
        var firstEntry: [Int] = []
        var i = -1
        try JSONCursor.stream(bytes, label: label, arrays: ["channels"], element: { _, e in
            i += 1
            let source = try e.field("source").string(), destination = try e.field("destination").string()
            let scid = try e.field("short_channel_id").string()
            let capacity: Int64
            if let amount = try e.optional("amount_msat") {
                capacity = try amount.nonNegative { try $0.msat() }
                guard capacity <= Bounds.maxMsat else { throw amount.fail("an amount of at most 21 million BTC (\(Bounds.maxMsat) msat)") }
            } else {
                let satoshis = try e.field("satoshis")
                let sat = try satoshis.nonNegative { try $0.integer() }
                guard sat <= Bounds.maxSat else { throw satoshis.fail("a capacity of at most 21 million BTC (\(Bounds.maxSat) sat)") }
                capacity = sat * 1000
            }
            var p = DirectionPolicy()
            p.feeBaseMsat = try e.field("base_fee_millisatoshi").nonNegative { try $0.integer() }
            p.feeRatePPM = try e.field("fee_per_millionth").nonNegative { try $0.integer() }
            p.cltvDelta = Int32(try e.field("delay").nonNegative({ try $0.integer() }, atMost: Int64(Bounds.maxCLTVDelta)))
            if let m = try e.optional("htlc_minimum_msat") { p.htlcMinimumMsat = try m.nonNegative { try $0.msat() } }
            if let m = try e.optional("htlc_maximum_msat") { p.htlcMaximumMsat = try m.nonNegative { try $0.msat() } }
            let isActive = try e.optional("active").map { try $0.bool() } ?? true
            if source == destination { report.skip(.selfLoop); return }
            if capacity == 0 { report.skip(.zeroCapacity); return }
            let (n1, n2) = source < destination ? (source, destination) : (destination, source)
            let slot = source == n1 ? 0 : 1
            let c: Int
            if let existing = channelIndex[scid] {
                c = existing
                if pending.capacityMsat[c] != capacity {
                    let field = try e.optional("amount_msat") ?? e.field("satoshis")
                    throw field.fail("the capacity of channels[\(firstEntry[c])], the same short_channel_id \(scid): \(pending.capacityMsat[c]) msat")
                }
                let same = pending.nodeIDs[Int(pending.node1[c])] == n1 && pending.nodeIDs[Int(pending.node2[c])] == n2
                if !same || present[2 * c + slot] { report.skip(.duplicate); return }
            } else {
                c = pending.channelCount
                channelIndex[scid] = c
                firstEntry.append(i)
                let (i1, i2) = (pending.node(n1), pending.node(n2))
                pending.addChannel(i1, i2, id: scid, capacityMsat: capacity, balance1Msat: nil,
                                   policy1: DirectionPolicy(), policy2: DirectionPolicy())
                present += [false, false]
                active += [false, false]
            }
            pending.policies[2 * c + slot] = p
            present[2 * c + slot] = true
            active[2 * c + slot] = isActive
        })
        var draft = GraphDraft()
        draft.nodeIDs = pending.nodeIDs
        for c in 0..<pending.channelCount {
            var pair = [pending.policies[2 * c], pending.policies[2 * c + 1]]
            for s in 0..<2 {
                if !present[2 * c + s] {
                    report.skip(.missingDirection)
                    pair[s].enabled = false
                } else if !active[2 * c + s] && dropDisabled {
                    report.skip(.disabled)
                    pair[s].enabled = false
                }
            }
            GraphDraft.disableUnpayable(&pair, capacityMsat: pending.capacityMsat[c], report: &report)
            if !pair[0].enabled && !pair[1].enabled { report.skip(.noUsableDirection); continue }
            draft.addChannel(Int(pending.node1[c]), Int(pending.node2[c]), id: pending.channelIDs[c],
                             capacityMsat: pending.capacityMsat[c], balance1Msat: nil, policy1: pair[0], policy2: pair[1])
        }
        return (draft, report)
    }
}
