import Testing
@testable import AMPSim

@Suite struct AMPInvoiceTests {
    @Test func settlesOnCompletionThenRefusesDuplicateSetID() throws {
        let payment = AMPTestPayment(stream: RandomStream(seed: 31), amounts: [200, 300, 500])
        var invoice = AMPInvoice()
        #expect(try invoice.receive(payment.htlcs[0], setID: payment.setID, totalMsat: 1_000)
                == .pending(receivedMsat: 200))
        #expect(try invoice.receive(payment.htlcs[1], setID: payment.setID, totalMsat: 1_000)
                == .pending(receivedMsat: 500))
        let outcome = try invoice.receive(payment.htlcs[2], setID: payment.setID, totalMsat: 1_000)
        guard case .settled(let setID, let preimages) = outcome else {
            Issue.record("expected settlement, got \(outcome)")
            return
        }
        #expect(setID == payment.setID)
        #expect(zip(preimages, payment.htlcs).allSatisfy { AMPDerivation.childHash(preimage: $0) == $1.childHash })
        #expect(invoice.isClosed(payment.setID))
        #expect(invoice.openSets.isEmpty)
        #expect(throws: AMPReceiverError.duplicateSetID(payment.setID)) {
            try invoice.receive(payment.htlcs[0], setID: payment.setID, totalMsat: 1_000)
        }
    }

    @Test func separateSetIDsArePaidIndependently() throws {
        let first = AMPTestPayment(stream: RandomStream(seed: 32), amounts: [100])
        let second = AMPTestPayment(stream: RandomStream(seed: 33), amounts: [60, 40])
        var invoice = AMPInvoice()
        #expect(try invoice.receive(second.htlcs[0], setID: second.setID, totalMsat: 100) == .pending(receivedMsat: 60))
        guard case .settled = try invoice.receive(first.htlcs[0], setID: first.setID, totalMsat: 100) else {
            Issue.record("single-shard set should settle at once")
            return
        }
        guard case .settled = try invoice.receive(second.htlcs[1], setID: second.setID, totalMsat: 100) else {
            Issue.record("second set should settle")
            return
        }
        #expect(invoice.closedSetIDs == [first.setID, second.setID])
    }

    @Test func mismatchCancelsAndClosesTheSet() throws {
        let payment = AMPTestPayment(stream: RandomStream(seed: 34), amounts: [500, 500])
        var invoice = AMPInvoice()
        let bad = payment.htlcs[1]
        _ = try invoice.receive(payment.htlcs[0], setID: payment.setID, totalMsat: 1_000)
        #expect(throws: AMPReceiverError.hashMismatch(position: 1)) {
            try invoice.receive(AMPReceivedHTLC(share: bad.share, childIndex: bad.childIndex,
                                                childHash: .zero, amountMsat: bad.amountMsat),
                                setID: payment.setID, totalMsat: 1_000)
        }
        #expect(invoice.isClosed(payment.setID))
        #expect(invoice.openSets.isEmpty)
    }

    @Test func expiredHTLCsLeaveTheSetWhichCanStillComplete() throws {
        let payment = AMPTestPayment(stream: RandomStream(seed: 34), amounts: [200, 300, 500])
        var invoice = AMPInvoice()
        _ = try invoice.receive(payment.htlcs[0], setID: payment.setID, totalMsat: 1_000)
        _ = try invoice.receive(payment.htlcs[1], setID: payment.setID, totalMsat: 1_000)
        invoice.expire([payment.htlcs[0]], from: payment.setID)
        #expect(invoice.openSets[payment.setID]?.htlcs == [payment.htlcs[1]])
        #expect(!invoice.isClosed(payment.setID))
        // The expired part comes again (a new HTLC with the same share), then the last one: settled.
        #expect(try invoice.receive(payment.htlcs[0], setID: payment.setID, totalMsat: 1_000) == .pending(receivedMsat: 500))
        guard case .settled(_, let preimages) = try invoice.receive(payment.htlcs[2], setID: payment.setID, totalMsat: 1_000) else {
            Issue.record("expected settlement"); return
        }
        #expect(preimages.count == 3)
        // Expiring everything empties the open set without closing its id.
        let other = AMPTestPayment(stream: RandomStream(seed: 35), amounts: [10, 20])
        _ = try invoice.receive(other.htlcs[0], setID: other.setID, totalMsat: 30)
        invoice.expire([other.htlcs[0]], from: other.setID)
        #expect(invoice.openSets[other.setID] == nil && !invoice.isClosed(other.setID))
    }

    @Test func cancelClosesAnOpenSet() throws {
        let payment = AMPTestPayment(stream: RandomStream(seed: 35), amounts: [500, 500])
        var invoice = AMPInvoice()
        _ = try invoice.receive(payment.htlcs[0], setID: payment.setID, totalMsat: 1_000)
        #expect(invoice.cancel(setID: payment.setID)?.receivedMsat == 500)
        #expect(invoice.cancel(setID: payment.setID) == nil)
        #expect(throws: AMPReceiverError.duplicateSetID(payment.setID)) {
            try invoice.receive(payment.htlcs[1], setID: payment.setID, totalMsat: 1_000)
        }
    }
}
