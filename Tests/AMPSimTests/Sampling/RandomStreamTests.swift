import Testing
@testable import AMPSim

@Suite struct RandomStreamTests {
    @Test func sameSeedGivesSameSequence() {
        let a = RandomStream(seed: 42, replication: 0, purpose: .workload)
        let b = RandomStream(seed: 42, replication: 0, purpose: .workload)
        let xs = (0..<100).map { _ in a.uniform() }
        let ys = (0..<100).map { _ in b.uniform() }
        #expect(xs == ys)
    }

    @Test func purposesAndReplicationsGiveDifferentSequences() {
        let base = (0..<20).map { _ in 0.0 }
        var seen: [[Double]] = []
        for purpose in StreamPurpose.allCases {
            for replication in 0..<3 {
                let s = RandomStream(seed: 7, replication: replication, purpose: purpose)
                let xs = (0..<20).map { _ in s.uniform() }
                #expect(xs != base)
                #expect(!seen.contains(xs), "purpose \(purpose) replication \(replication) repeats another stream")
                seen.append(xs)
            }
        }
        #expect(seen.count == StreamPurpose.allCases.count * 3)
    }

    /// Known answers, computed outside Swift from the documented rule (Python, 64-bit wrapping):
    /// mix(z) = SplitMix64's finaliser of z + 0x9e3779b97f4a7c15; x = mix(seed + 0x9e3779b97f4a7c15),
    /// x = mix(x ^ replication · 0xbf58476d1ce4e5b9), x = mix(x ^ purpose · 0x94d049bb133111eb).
    @Test func derivedSeedsMatchTheDocumentedMixing() {
        #expect(StreamSeed.derive(seed: 1, replication: 0, purpose: .graph) == 0x3ec2_b106_5222_34f8)
        #expect(StreamSeed.derive(seed: 2, replication: 0, purpose: .graph) == 0xdaff_e516_a9b7_f604)
        #expect(StreamSeed.derive(seed: 1, replication: 1, purpose: .graph) == 0x9d18_8922_f856_8a53)
        #expect(StreamSeed.derive(seed: 1, replication: 0, purpose: .workload) == 0x78b3_0c1a_fec6_6ef5)
        #expect(StreamSeed.derive(seed: 42, replication: 3, purpose: .strategy) == 0xe741_472a_e707_70e2)
    }

    /// The whole chain: derive, fold to 32 bits (seed ^ seed >> 32, low half: 0x78b30c1a ^ 0xfec66ef5 =
    /// 2,255,839,983), seed GSL's mt19937 with it. The reference MT19937 (init_genrand, the same Python
    /// check) gives 3,529,926,339, 2,597,659,444, 1,297,482,586 as its first outputs.
    @Test func aStreamIsMT19937SeededWithTheFoldedDerivedSeed() {
        let s = RandomStream(seed: 1, replication: 0, purpose: .workload)
        #expect(s.seed == 0x78b3_0c1a_fec6_6ef5)
        #expect((0..<3).map { _ in gsl_raw(s) } == [3_529_926_339, 2_597_659_444, 1_297_482_586])
    }

    @Test func mt19937MatchesGSLReferenceOutput() {
        // GSL's documented check: mt19937 seeded with 4357 gives 4293858116 as its 10,000th output... we check the
        // first raw output for seed 5489 (the reference implementation's default): 3499211612.
        let s = RandomStream(seed: 5489)
        #expect(gsl_raw(s) == 3_499_211_612)
    }

    @Test func namedGeneratorsWorkAndDiffer() throws {
        let kind = try #require(GeneratorKind(name: "ranlxd2"))
        let a = RandomStream(kind: kind, seed: 3)
        let b = RandomStream(kind: .mt19937, seed: 3)
        #expect(a.uniform() != b.uniform())
        #expect(GeneratorKind(name: "no-such-generator") == nil)
        #expect(GeneratorKind.all.contains("taus2"))
    }

    @Test func uniformIntCoversLargeRangesExactly() {
        let s = RandomStream(seed: 9)
        let n: UInt64 = 16_777_215_000 // larger than 2^32: needs the composite path
        var maxSeen: UInt64 = 0
        for _ in 0..<10_000 {
            let v = s.uniformInt(below: n)
            #expect(v < n)
            maxSeen = max(maxSeen, v)
        }
        #expect(maxSeen > n / 2 && maxSeen > UInt64(UInt32.max))
        for _ in 0..<1000 {
            let v = s.uniformInt(in: -3, 3)
            #expect(v >= -3 && v <= 3)
        }
        #expect(s.uniformInt(in: 5, 5) == 5)
    }

    @Test func bytesAreUniformish() {
        let s = RandomStream(seed: 11)
        let bytes = s.bytes(32_000)
        let mean = Double(bytes.reduce(0) { $0 + Int($1) }) / Double(bytes.count)
        #expect(abs(mean - 127.5) < 2)
    }
}

import CGSL
private func gsl_raw(_ s: RandomStream) -> UInt { gsl_rng_get(s.generator) }
