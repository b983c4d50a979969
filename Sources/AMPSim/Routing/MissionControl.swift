/// One sender's mission control: what it has learned about node pairs from its own payments, as lnd
/// keeps it (routing/missioncontrol_state.go, `setLastPairResult`).
///
/// Guarantees: results are keyed by directed node pair (from, to), never by channel; a failure keeps
/// the amount the pair was asked to carry and its time, a success the largest amount that got through;
/// a success inside the failure range lifts the failure amount to success + 1, a failure inside the
/// success range lowers the success amount to failure - 1, an amount-independent failure (amount 0)
/// clears the success; a failure for a larger amount than a failure less than `minFailureRelaxInterval`
/// old is ignored (lnd's DefaultMinFailureRelaxInterval, 1 minute). A sender's memory is its own. Only
/// the order in which results were first recorded matters to anything computed from it (no hashing
/// order reaches a result).
///
/// Deviation from lnd (documented): a pair whose last result is older than `horizon` µs (20
/// half-lives, where a failure's weight is below 10^-6) is forgotten, so memory stays bounded;
/// lnd keeps its last 1,000 payment results instead.
public struct MissionControl: Sendable {
    /// lnd's TimedPairResult. Times in µs; `failTime` < 0: no failure; `successAmt` 0: no success.
    public struct PairResult: Sendable, Equatable {
        public var to: Int32
        public var failTime: Int64 = -1
        public var failAmt: Int64 = 0
        public var successTime: Int64 = -1
        public var successAmt: Int64 = 0

        public init(to: Int32) { self.to = to }

        /// The time of the latest result.
        var lastTime: Int64 { max(failTime, successTime) }
    }

    /// lnd's DefaultMinFailureRelaxInterval: 1 minute, in µs.
    public static let minFailureRelaxInterval: Int64 = 60_000_000

    /// Results per from-node, each list in the order its pairs were first seen.
    public private(set) var results: [Int32: [PairResult]] = [:]
    /// Number of pair results held.
    public private(set) var count = 0
    /// Records since the last full prune.
    var sincePrune = 0

    public init() {}

    /// The results of pairs leaving `node`.
    public func results(from node: Int32) -> [PairResult]? { results[node] }

    /// The result of the pair (from, to), if any.
    public func result(from: Int32, to: Int32) -> PairResult? {
        results[from]?.first { $0.to == to }
    }

    /// lnd's `setLastPairResult` for a success (`success` true) or failure of `amount` msat at `time`.
    public mutating func record(from: Int32, to: Int32, success: Bool, amount: Int64, time: Int64, horizon: Int64 = .max) {
        // The pair's new result is decided first: nothing is stored when a failure is dropped.
        let known = results[from]?.first { $0.to == to && (horizon == .max || time - $0.lastTime <= horizon) }
        var current = known ?? PairResult(to: to)
        if success {
            current.successTime = time
            if amount > current.successAmt { current.successAmt = amount }
            if current.failTime >= 0 && amount >= current.failAmt { current.failAmt = amount + 1 }
        } else {
            // A failure for a higher amount too soon after the last one is dropped (results out of order).
            if current.failTime >= 0 && amount > current.failAmt && time - current.failTime < Self.minFailureRelaxInterval {
                return
            }
            current.failTime = time
            current.failAmt = amount
            if amount == 0 { current.successAmt = 0 } else if amount <= current.successAmt { current.successAmt = amount - 1 }
        }
        // Stored in place (no copy of the node's list): its stale pairs go, the pair is updated or added.
        let before = results[from]?.count ?? 0
        if horizon < .max { results[from, default: []].removeAll { time - $0.lastTime > horizon } }
        if let i = results[from, default: []].firstIndex(where: { $0.to == to }) {
            results[from, default: []][i] = current
        } else {
            results[from, default: []].append(current)
        }
        count += (results[from]?.count ?? 0) - before
        sincePrune += 1
        if horizon < .max && sincePrune > 4096 { prune(now: time, horizon: horizon) }
    }

    /// Forgets every pair whose last result is more than `horizon` µs before `now`.
    public mutating func prune(now: Int64, horizon: Int64) {
        sincePrune = 0
        var total = 0
        for (node, list) in results {
            let kept = list.filter { now - $0.lastTime <= horizon }
            total += kept.count
            results[node] = kept.isEmpty ? nil : kept
        }
        count = total
    }
}
