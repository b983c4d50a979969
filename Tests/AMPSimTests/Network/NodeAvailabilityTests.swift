import CGSL
import Testing
@testable import AMPSim

/// Offline nodes and churn against their own GSL streams, drawn again here by hand.
@Suite struct NodeAvailabilityTests {
    func spec(offline: Double = 0, churn: ChurnSpec? = nil) -> NetworkSpec {
        NetworkSpec(hopLatencyMs: NetworkSpec.defaultLatency, offlineProbability: offline, churn: churn)
    }

    func stream(_ purpose: StreamPurpose) -> RandomStream { RandomStream(seed: 7, replication: 2, purpose: purpose) }

    @Test func offlineNodesAreDrawnOncePerNodeInIdOrder() {
        let a = NodeAvailability(nodes: 50, spec: spec(offline: 0.3), offlineStream: stream(.offline), churnStream: stream(.churn))
        let check = stream(.offline)
        let expected = (0..<50).map { _ in check.uniform() < 0.3 }
        #expect(a.offline == expected)
        #expect(expected.contains(true) && expected.contains(false))
        #expect((0..<50).allSatisfy { a.isOnline($0) == !expected[$0] })
        // p = 0 draws nothing and nobody is offline.
        let none = NodeAvailability(nodes: 50, spec: spec(), offlineStream: stream(.offline), churnStream: stream(.churn))
        #expect(!none.anyOffline && none.offline.allSatisfy { !$0 })
    }

    /// Two nodes with mean up 10 s and mean down 5 s: each starts up with probability 10/15 and its
    /// first toggle after an exponential period of its state's mean; later toggles, in time order,
    /// draw the next period. Replayed here draw by draw from the same stream.
    @Test func churnTogglesFollowTheirStream() {
        let churn = ChurnSpec(meanUpS: 10, meanDownS: 5)
        var a = NodeAvailability(nodes: 2, spec: spec(churn: churn), offlineStream: stream(.offline), churnStream: stream(.churn))
        let check = stream(.churn)
        var down = [Bool](), next = [Int64]()
        func period(_ mean: Double) -> Int64 { Bounds.int64(gsl_ran_exponential(check.generator, mean * 1e6), min: 1, max: Bounds.maxMicroseconds) }
        for _ in 0..<2 {
            let up = check.uniform() < 10.0 / 15.0
            down.append(!up)
            next.append(period(up ? 10 : 5))
        }
        #expect(a.down == down)
        var toggles = 0
        for _ in 0..<20 {
            let node = next[0] <= next[1] ? 0 : 1
            let time = next[node]
            a.advance(to: time - 1)
            #expect(a.toggleCount == toggles)
            #expect(a.down == down)
            down[node].toggle()
            toggles += 1
            next[node] = time + period(down[node] ? 5 : 10)
            a.advance(to: time)
            #expect(a.toggleCount == toggles)
            #expect(a.down == down)
            #expect(a.isOnline(node) == !down[node])
        }
    }

    /// The first state of each node is the stationary one: up with probability U / (U + D) = 10/15 —
    /// not 1/2. 200 nodes replayed from the stream; some of their draws fall in [1/2, 2/3), where the two
    /// rules disagree (so this test tells them apart), and each first period has its state's mean.
    @Test func churnStartsInTheStationaryState() {
        let churn = ChurnSpec(meanUpS: 10, meanDownS: 5)
        let a = NodeAvailability(nodes: 200, spec: spec(churn: churn), offlineStream: stream(.offline), churnStream: stream(.churn))
        let check = stream(.churn)
        var down = [Bool](), between = 0
        for _ in 0..<200 {
            let u = check.uniform()
            if u >= 0.5 && u < 10.0 / 15.0 { between += 1 }
            down.append(!(u < 10.0 / 15.0))
            _ = gsl_ran_exponential(check.generator, (u < 10.0 / 15.0 ? 10 : 5) * 1e6)
        }
        #expect(a.down == down)
        #expect(between > 0)
    }
}
