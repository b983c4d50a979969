import Testing
@testable import AMPSim

/// The project's test vectors, reproduced byte for byte.
@Suite struct AMPDerivationTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let share: String
        let index: UInt32
        let preimage: String
        let hash: String
        var testDescription: String { name }
    }

    static let root = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    static let vectors: [Vector] = [
        Vector(name: "A", share: root, index: 0,
               preimage: "4a576a52ac31b40b9d39c5ce2eda6ff82426effa64009c8e2da4e33f050e720d",
               hash: "8984a1959aae86a733aa7bf98fd1954b8d597a23ed540f6be5beb4368edf6a28"),
        Vector(name: "B1", share: String(repeating: "11", count: 32), index: 1,
               preimage: "349d15748aa013a822098afde6bd342e31cfffa9e5240cee83a755646424fa75",
               hash: "bf39752e1955e639adda782c486565eb4a42dbec5228ca654aec9bd5c8573a03"),
        Vector(name: "B2", share: "111013121514171619181b1a1d1c1f1e010003020504070609080b0a0d0c0f0e",
               index: 0xdead_beef,
               preimage: "65987d1c6e687fd1436eff4f15bf6710e439d3ece792a478d74eb079b3cdc7f9",
               hash: "df8098bbfdbfd70dddf327950382894a6323e4ede297935338bd0a9edff73c0b"),
    ]

    @Test(arguments: vectors)
    func reproducesVector(_ vector: Vector) throws {
        let root = try #require(Bytes32(hex: Self.root))
        let share = try #require(Bytes32(hex: vector.share))
        let preimage = AMPDerivation.childPreimage(root: root, share: share, index: vector.index)
        #expect(preimage.hex == vector.preimage)
        #expect(AMPDerivation.childHash(preimage: preimage).hex == vector.hash)
    }

    @Test func sharesB1AndB2XorToRoot() throws {
        let root = try #require(Bytes32(hex: Self.root))
        let b1 = try #require(Bytes32(hex: Self.vectors[1].share))
        let b2 = try #require(Bytes32(hex: Self.vectors[2].share))
        #expect(b1 ^ b2 == root)
    }
}
