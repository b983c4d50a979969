/// What one sender has learned from failures: for each channel direction that failed, the smallest
/// amount it failed at and when. Attempts of that amount or more treat it as (nearly) impassable
/// right after the failure, recovering with the configured half-life (lnd's mission control).
///
/// Guarantees: knowledge is per sender and only from failures that sender was told about; memory is
/// linear in the failures remembered, never per node pair.
public struct SenderMemory: Sendable {
    public struct Entry: Sendable, Equatable {
        public var direction: Int32
        public var amountMsat: Int64
        public var timeMicros: Int64
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Remembers that `direction` failed for `amount` at `time`, forgetting entries older than
    /// `forgetAfter` µs (so the memory stays as small as what still matters).
    public mutating func recordFailure(direction: Int, amount: Int64, time: Int64, forgetAfter: Int64 = .max) {
        if forgetAfter < .max { prune(now: time, horizon: forgetAfter) }
        if let i = entries.firstIndex(where: { $0.direction == Int32(direction) }) {
            // The direction failed again: the smaller amount is the tighter bound; the clock restarts.
            entries[i] = Entry(direction: Int32(direction), amountMsat: min(entries[i].amountMsat, amount), timeMicros: time)
        } else {
            entries.append(Entry(direction: Int32(direction), amountMsat: amount, timeMicros: time))
        }
    }

    /// Forgets entries older than `horizon` µs before `now`.
    mutating func prune(now: Int64, horizon: Int64) {
        entries.removeAll { now - $0.timeMicros > horizon }
    }
}
