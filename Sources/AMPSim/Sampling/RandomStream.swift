import CGSL

/// What a random stream is used for. Each purpose draws from its own GSL generator, seeded from
/// (scenario seed, replication, purpose), so that changing how one part of a run draws numbers
/// never shifts the numbers another part sees (common random numbers across protocols).
public enum StreamPurpose: UInt64, Sendable, CaseIterable {
    case graph = 1
    case policy = 2
    case balances = 3
    case workload = 4
    case latency = 5
    /// No longer drawn from (offline was a coin per HTLC before issue 16); kept so that the other
    /// purposes keep their seeds.
    case faults = 6
    case strategy = 7
    case analysis = 8
    /// Which nodes are offline for a whole replication (`network.offline_probability`).
    case offline = 9
    /// Nodes' up and down periods (`network.churn`).
    case churn = 10
}

/// The GSL generator algorithm a scenario asks for (`rng:`), checked against the ones GSL offers.
public struct GeneratorKind: Sendable, Hashable, CustomStringConvertible {
    /// GSL's own name for it, e.g. `mt19937` or `ranlxd2`.
    public let name: String

    /// The default: Mersenne Twister 19937.
    public static let mt19937 = GeneratorKind(checkedName: "mt19937")

    private init(checkedName: String) { self.name = checkedName }

    /// The generator named `name`, or nil when GSL has no generator of that name.
    public init?(name: String) {
        guard ampsim_rng_type_named(name) != nil else { return nil }
        self.name = name
    }

    /// Every generator name GSL offers, in GSL's order.
    public static var all: [String] {
        var names: [String] = []
        var index: Int32 = 0
        while let cName = ampsim_rng_type_name_at(index) {
            names.append(String(cString: cName))
            index += 1
        }
        return names
    }

    public var description: String { name }
}

/// One GSL random number generator, owned for its whole life by one user (one run, one purpose).
///
/// Guarantees: the same generator kind and seed give the same sequence on every machine; the
/// generator is freed when the stream goes away. Not `Sendable`: a stream is never shared across
/// tasks; each run builds its own.
public final class RandomStream {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    /// The 64-bit seed this stream was derived from (GSL itself may use fewer bits of it).
    public let seed: UInt64
    /// The generator algorithm.
    public let kind: GeneratorKind

    /// A stream of generator `kind` seeded with `seed`.
    public init(kind: GeneratorKind = .mt19937, seed: UInt64) {
        ampsim_gsl_disable_abort()
        // GeneratorKind can only hold names that GSL knows, so the lookup cannot fail.
        let type = ampsim_rng_type_named(kind.name)!
        rng = gsl_rng_alloc(type)
        self.seed = seed
        self.kind = kind
        // Most GSL generators use only 32 bits of the seed; fold the high half in so that no bit
        // of the derived seed is thrown away. GSL treats seed 0 as "use the default seed": avoid it.
        var folded = UInt(truncatingIfNeeded: (seed ^ (seed >> 32)) & 0xffff_ffff)
        if folded == 0 { folded = 0x9e37_79b9 }
        gsl_rng_set(rng, folded)
    }

    /// The stream for `purpose` in replication `replication` of a scenario seeded with `seed`.
    public convenience init(kind: GeneratorKind = .mt19937, seed: UInt64, replication: Int, purpose: StreamPurpose) {
        self.init(kind: kind, seed: StreamSeed.derive(seed: seed, replication: replication, purpose: purpose))
    }

    deinit { gsl_rng_free(rng) }

    /// A uniform double in [0, 1).
    @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// A uniform double in (0, 1).
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

    /// A uniform integer in 0 ..< n (n >= 1), exact for any n up to 2^63, whatever the
    /// generator's own range.
    public func uniformInt(below n: UInt64) -> UInt64 {
        precondition(n >= 1, "uniformInt(below:) needs n >= 1")
        if n == 1 { return 0 }
        let range = UInt64(gsl_rng_max(rng) - gsl_rng_min(rng))
        if n <= range && n <= UInt64(UInt32.max) {
            return UInt64(gsl_rng_uniform_int(rng, UInt(n)))
        }
        // Build 64 random bits from 16-bit pieces (every GSL generator yields at least 24 bits)
        // and reject the top sliver so that every value is equally likely.
        let limit = UInt64.max - (UInt64.max % n)
        while true {
            var bits: UInt64 = 0
            for _ in 0..<4 { bits = (bits << 16) | UInt64(gsl_rng_uniform_int(rng, 65_536)) }
            if bits < limit { return bits % n }
        }
    }

    /// A uniform integer in the closed range `lower ... upper`.
    public func uniformInt(in lower: Int64, _ upper: Int64) -> Int64 {
        precondition(lower <= upper)
        let span = UInt64(bitPattern: upper &- lower) &+ 1
        if span == 0 { // the whole Int64 range
            return Int64(bitPattern: uniformInt(below: UInt64.max) &+ UInt64(bitPattern: lower))
        }
        return lower &+ Int64(bitPattern: uniformInt(below: span))
    }

    /// `count` random bytes, each uniform over 0...255.
    public func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(gsl_rng_uniform_int(rng, 256)) }
    }

    /// The underlying generator, for GSL sampling functions.
    @inlinable public var generator: UnsafeMutablePointer<gsl_rng> { rng }
}

/// How a stream's seed is derived from (scenario seed, replication, purpose).
///
/// Guarantees: a pure function (SplitMix64 finaliser over the three inputs), so that two runs with the
/// same inputs draw the same numbers and different purposes or replications are decorrelated.
public enum StreamSeed {
    /// The seed of one stream.
    public static func derive(seed: UInt64, replication: Int, purpose: StreamPurpose) -> UInt64 {
        var x = mix(seed &+ 0x9e37_79b9_7f4a_7c15)
        x = mix(x ^ (UInt64(bitPattern: Int64(replication)) &* 0xbf58_476d_1ce4_e5b9))
        x = mix(x ^ (purpose.rawValue &* 0x94d0_49bb_1331_11eb))
        return x
    }

    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
