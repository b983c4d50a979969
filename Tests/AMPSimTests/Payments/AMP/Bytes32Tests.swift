import Testing
@testable import AMPSim

@Suite struct Bytes32Tests {
    static let rootHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    @Test func hexRoundTripsInWireOrder() throws {
        let value = try #require(Bytes32(hex: Self.rootHex))
        #expect(value.hex == Self.rootHex)
        #expect(value.bytes == Array(0..<32))
        #expect(value.word0 == 0x0001_0203_0405_0607)
        #expect(Bytes32(hex: Self.rootHex.uppercased()) == value)
        #expect(value.description == Self.rootHex)
    }

    @Test func rejectsMalformedHex() {
        #expect(Bytes32(hex: "00") == nil)
        #expect(Bytes32(hex: String(repeating: "0", count: 66)) == nil)
        #expect(Bytes32(hex: String(repeating: "g", count: 64)) == nil)
        #expect(Bytes32(bytes: [UInt8](repeating: 1, count: 31)) == nil)
    }

    @Test func xorIsBytewise() throws {
        let root = try #require(Bytes32(hex: Self.rootHex))
        let elevens = Bytes32(repeating: 0x11)
        #expect((root ^ elevens).hex == "111013121514171619181b1a1d1c1f1e010003020504070609080b0a0d0c0f0e")
        #expect(root ^ root == .zero)
        #expect((root ^ .zero) == root)
        #expect(Bytes32.zero.isZero && !root.isZero)
        var value = root
        value ^= elevens
        value ^= elevens
        #expect(value == root)
    }

    @Test func randomDrawIsDeterministicPerSeed() {
        let first = Bytes32(random: RandomStream(seed: 99))
        let second = Bytes32(random: RandomStream(seed: 99))
        let other = Bytes32(random: RandomStream(seed: 100))
        #expect(first == second)
        #expect(first != other)
    }
}
