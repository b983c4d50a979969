import Testing
@testable import AMPSim

@Suite struct AMPSharerTests {
    @Test func singleShardCarriesTheRoot() {
        let stream = RandomStream(seed: 1)
        var sharer = AMPSharer(random: stream)
        let share = sharer.nextShare(isLast: true) { Issue.record("last shard must not draw"); return .zero }
        #expect(share == sharer.root)
        #expect(sharer.current == .zero)
    }

    /// Many shards, some failing and folded back then resent: the live shares always XOR to root.
    @Test(arguments: [UInt64(3), 17, 42, 1_000, 65_537])
    func randomSplitsWithFailuresXorBackToRoot(seed: UInt64) {
        let stream = RandomStream(seed: seed)
        var sharer = AMPSharer(random: stream)
        var unassignedMsat: Int64 = 10_000_000
        var live: [(share: Bytes32, amount: Int64)] = []
        var failures = 0
        while unassignedMsat > 0 {
            let amount = min(unassignedMsat, stream.uniformInt(in: 1, 3_000_000))
            let share = sharer.nextShare(isLast: amount == unassignedMsat, using: stream)
            unassignedMsat -= amount
            live.append((share, amount))
            #expect(live.reduce(sharer.current) { $0 ^ $1.share } == sharer.root)
            // Fail a random live shard now and then: fold its share back and return its amount.
            if stream.uniform() < 0.3 {
                let victim = Int(stream.uniformInt(below: UInt64(live.count)))
                let failed = live.remove(at: victim)
                sharer.fold(failedShare: failed.share)
                unassignedMsat += failed.amount
                failures += 1
                #expect(live.reduce(sharer.current) { $0 ^ $1.share } == sharer.root)
            }
        }
        #expect(failures > 0)
        #expect(sharer.current == .zero)
        #expect(live.reduce(Bytes32.zero) { $0 ^ $1.share } == sharer.root)
        #expect(live.reduce(0) { $0 + $1.amount } == 10_000_000)
    }

    @Test func splitShareXorsBack() {
        let stream = RandomStream(seed: 5)
        let seed = Bytes32(random: stream)
        let x = Bytes32(random: stream)
        let (left, right) = AMPSharer.splitShare(seed, random: x)
        #expect(left == x)
        #expect(left ^ right == seed)
    }

    @Test func childIndexIsFourBytesBigEndian() {
        let expected = RandomStream(seed: 11).bytes(4)
        let index = AMPSharer.randomChildIndex(using: RandomStream(seed: 11))
        #expect(index == UInt32(expected[0]) << 24 | UInt32(expected[1]) << 16
                         | UInt32(expected[2]) << 8 | UInt32(expected[3]))
    }
}
