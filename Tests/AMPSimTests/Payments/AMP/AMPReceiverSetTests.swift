import Testing
@testable import AMPSim

/// Builds the HTLCs a sender would send: shares from an `AMPSharer`, lnd-style random indices.
struct AMPTestPayment {
    let root: Bytes32
    let setID: Bytes32
    let totalMsat: Int64
    let htlcs: [AMPReceivedHTLC]

    init(stream: RandomStream, amounts: [Int64]) {
        var sharer = AMPSharer(random: stream)
        let total = amounts.reduce(0, +)
        var unassigned = total
        var htlcs: [AMPReceivedHTLC] = []
        for amount in amounts {
            let share = sharer.nextShare(isLast: amount == unassigned, using: stream)
            unassigned -= amount
            let index = AMPSharer.randomChildIndex(using: stream)
            let preimage = AMPDerivation.childPreimage(root: sharer.root, share: share, index: index)
            htlcs.append(AMPReceivedHTLC(share: share, childIndex: index,
                                         childHash: AMPDerivation.childHash(preimage: preimage),
                                         amountMsat: amount))
        }
        root = sharer.root
        setID = Bytes32(random: stream)
        totalMsat = total
        self.htlcs = htlcs
    }
}

@Suite struct AMPReceiverSetTests {
    @Test func rebuildsRootAndVerifiesEveryShard() throws {
        let payment = AMPTestPayment(stream: RandomStream(seed: 21), amounts: [400, 250, 250, 100])
        var set = AMPReceiverSet(setID: payment.setID, totalMsat: payment.totalMsat)
        for htlc in payment.htlcs {
            #expect(!set.isComplete)
            #expect(set.reconstructedRoot == nil)
            #expect(throws: AMPReceiverError.self) { try set.preimages() }
            try set.add(htlc, totalMsat: payment.totalMsat)
        }
        #expect(set.isComplete)
        #expect(set.reconstructedRoot == payment.root)
        let preimages = try set.preimages()
        #expect(preimages.count == payment.htlcs.count)
        for (preimage, htlc) in zip(preimages, payment.htlcs) {
            #expect(AMPDerivation.childHash(preimage: preimage) == htlc.childHash)
            #expect(preimage == AMPDerivation.childPreimage(root: payment.root, share: htlc.share,
                                                            index: htlc.childIndex))
        }
    }

    @Test func noPreimageBeforeComplete() throws {
        let payment = AMPTestPayment(stream: RandomStream(seed: 22), amounts: [600, 400])
        var set = AMPReceiverSet(setID: payment.setID, totalMsat: payment.totalMsat)
        try set.add(payment.htlcs[0], totalMsat: payment.totalMsat)
        #expect(throws: AMPReceiverError.incomplete(receivedMsat: 600, totalMsat: 1_000)) {
            try set.preimages()
        }
        #expect(set.reconstructedRoot == nil)
    }

    @Test func tamperedShareIsAMismatch() throws {
        let payment = AMPTestPayment(stream: RandomStream(seed: 23), amounts: [300, 300, 400])
        var set = AMPReceiverSet(setID: payment.setID, totalMsat: payment.totalMsat)
        var htlcs = payment.htlcs
        let original = htlcs[1]
        htlcs[1] = AMPReceivedHTLC(share: original.share ^ Bytes32(repeating: 0x01),
                                   childIndex: original.childIndex, childHash: original.childHash,
                                   amountMsat: original.amountMsat)
        for htlc in htlcs { try set.add(htlc, totalMsat: payment.totalMsat) }
        #expect(set.isComplete)
        // A wrong share changes the rebuilt root, so the first HTLC already fails to verify.
        #expect(throws: AMPReceiverError.hashMismatch(position: 0)) { try set.preimages() }
    }

    @Test func tamperedIndexIsAMismatchAtItsPosition() throws {
        let payment = AMPTestPayment(stream: RandomStream(seed: 24), amounts: [500, 500])
        var set = AMPReceiverSet(setID: payment.setID, totalMsat: payment.totalMsat)
        let second = payment.htlcs[1]
        try set.add(payment.htlcs[0], totalMsat: payment.totalMsat)
        try set.add(AMPReceivedHTLC(share: second.share, childIndex: second.childIndex &+ 1,
                                    childHash: second.childHash, amountMsat: second.amountMsat),
                    totalMsat: payment.totalMsat)
        #expect(throws: AMPReceiverError.hashMismatch(position: 1)) { try set.preimages() }
    }

    @Test func refusesDifferentTotalAndExtraHTLCs() throws {
        let payment = AMPTestPayment(stream: RandomStream(seed: 25), amounts: [700, 300])
        var set = AMPReceiverSet(setID: payment.setID, totalMsat: payment.totalMsat)
        #expect(throws: AMPReceiverError.totalMismatch(expectedMsat: 1_000, receivedMsat: 999)) {
            try set.add(payment.htlcs[0], totalMsat: 999)
        }
        try set.add(payment.htlcs[0], totalMsat: 1_000)
        try set.add(payment.htlcs[1], totalMsat: 1_000)
        #expect(throws: AMPReceiverError.setAlreadyComplete) {
            try set.add(payment.htlcs[1], totalMsat: 1_000)
        }
    }
}
