/// Simulated time: whole microseconds since the start of a run.
///
/// Guarantees: an exact integer (no floating-point drift), so equal times compare equal and event
/// order never depends on rounding. Int64 microseconds cover about 292 000 years.
public typealias SimTime = Int64

/// Conversions to simulated time from coarser units.
///
/// Guarantees: exact integer arithmetic (a result that overflows `SimTime` traps rather than wraps).
public enum SimDuration {
    /// Microseconds in one millisecond.
    public static let microsecondsPerMillisecond: SimTime = 1_000
    /// Microseconds in one second.
    public static let microsecondsPerSecond: SimTime = 1_000_000

    /// `ms` milliseconds as a simulated duration.
    @inlinable public static func milliseconds(_ ms: Int64) -> SimTime { ms * 1_000 }

    /// `s` seconds as a simulated duration.
    @inlinable public static func seconds(_ s: Int64) -> SimTime { s * 1_000_000 }
}
