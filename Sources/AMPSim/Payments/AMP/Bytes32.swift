/// A 32-byte value (an AMP share, root, preimage, hash or set id), stored inline as four words.
///
/// Guarantees: no heap allocation; byte `i` (0-based, in wire order) is byte `i % 8` of word
/// `i / 8`, counting from the word's most significant byte, so `bytes`, hex and hashing all see the
/// same wire order. Equality and hashing are by value.
public struct Bytes32: Sendable, Hashable {
    /// Bytes 0-7, big-endian.
    public var word0: UInt64
    /// Bytes 8-15, big-endian.
    public var word1: UInt64
    /// Bytes 16-23, big-endian.
    public var word2: UInt64
    /// Bytes 24-31, big-endian.
    public var word3: UInt64

    /// The value whose words are `word0 ... word3` (each holding 8 bytes, most significant first).
    @inlinable public init(word0: UInt64, word1: UInt64, word2: UInt64, word3: UInt64) {
        self.word0 = word0
        self.word1 = word1
        self.word2 = word2
        self.word3 = word3
    }

    /// All 32 bytes zero.
    public static let zero = Bytes32(word0: 0, word1: 0, word2: 0, word3: 0)

    /// True when every byte is zero.
    @inlinable public var isZero: Bool { (word0 | word1 | word2 | word3) == 0 }

    /// Byte-wise exclusive or.
    @inlinable public static func ^ (lhs: Bytes32, rhs: Bytes32) -> Bytes32 {
        Bytes32(word0: lhs.word0 ^ rhs.word0, word1: lhs.word1 ^ rhs.word1,
                word2: lhs.word2 ^ rhs.word2, word3: lhs.word3 ^ rhs.word3)
    }

    /// In-place byte-wise exclusive or.
    @inlinable public static func ^= (lhs: inout Bytes32, rhs: Bytes32) {
        lhs = lhs ^ rhs
    }

    /// The value with `byte` in all 32 positions.
    public init(repeating byte: UInt8) {
        let word = UInt64(byte) &* 0x0101_0101_0101_0101
        self.init(word0: word, word1: word, word2: word, word3: word)
    }

    /// The value made of `bytes` in wire order, or nil unless there are exactly 32 of them.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 32 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for (position, byte) in bytes.enumerated() {
            let value = UInt64(byte) << (8 * UInt64(7 - position % 8))
            switch position / 8 {
            case 0: words.0 |= value
            case 1: words.1 |= value
            case 2: words.2 |= value
            default: words.3 |= value
            }
        }
        self.init(word0: words.0, word1: words.1, word2: words.2, word3: words.3)
    }

    /// 32 fresh random bytes drawn from `stream` (one draw per byte, in wire order).
    public init(random stream: RandomStream) {
        // A stream always yields exactly the count asked for.
        self.init(bytes: stream.bytes(32))!
    }

    /// The 32 bytes in wire order (allocates an array; use `withUnsafeBytes` on hot paths).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with the 32 bytes in wire order, without allocating.
    @inlinable public func withUnsafeBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        let bigEndian = (word0.bigEndian, word1.bigEndian, word2.bigEndian, word3.bigEndian)
        return try Swift.withUnsafeBytes(of: bigEndian, body)
    }
}
