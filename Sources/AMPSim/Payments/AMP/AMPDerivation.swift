import Crypto

/// AMP child derivation exactly as lnd computes it (`amp.DeriveChild`).
///
/// Guarantees: `childPreimage` is SHA-256 over the 68 bytes root ‖ share ‖ big-endian uint32 index,
/// and `childHash` is SHA-256 of the preimage, byte for byte as in lnd; pure functions.
public enum AMPDerivation {
    /// The preimage of the child HTLC with `share` and `index` in the payment rooted at `root`.
    public static func childPreimage(root: Bytes32, share: Bytes32, index: UInt32) -> Bytes32 {
        var hasher = SHA256()
        root.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        share.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        Swift.withUnsafeBytes(of: index.bigEndian) { hasher.update(bufferPointer: $0) }
        return Bytes32(digest: hasher.finalize())
    }

    /// The payment hash of a child HTLC: SHA-256 of its preimage.
    public static func childHash(preimage: Bytes32) -> Bytes32 {
        var hasher = SHA256()
        preimage.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Bytes32(digest: hasher.finalize())
    }
}

extension Bytes32 {
    /// The 32 bytes of a SHA-256 digest, in order.
    init(digest: SHA256.Digest) {
        // A SHA-256 digest is always 32 bytes.
        self = digest.withUnsafeBytes { Bytes32(bytes: $0)! }
    }
}
