// Micro-benchmark for the event queue: the classic "hold" model. A queue is filled to a steady
// size; each step pops the earliest event and pushes one at (popped time + random delay), so every
// step is one push and one pop. Run by hand: `swift run -c release ampsim-bench`.
import AMPSim

/// A payload about the size of a simulator event: a kind tag and two indices.
struct BenchEvent {
    var kind: UInt8
    var payment: Int32
    var hop: Int32
}

/// Runs `steps` hold operations on a queue of `size` events; returns (pairs per second, checksum).
func hold(size: Int, steps: Int) -> (Double, Int64) {
    let delays = RandomStream(seed: UInt64(size)).bytes(4_096).map { SimTime($0) * 37 + 1 }
    var queue = EventQueue<BenchEvent>(minimumCapacity: size + 1)
    for index in 0..<size {
        queue.push(BenchEvent(kind: 0, payment: Int32(index), hop: 0), at: delays[index % delays.count] * 16)
    }
    var checksum: Int64 = 0
    let clock = ContinuousClock()
    let start = clock.now
    for step in 0..<steps {
        // The queue never empties: it holds `size` events throughout.
        let (time, event) = queue.popNext()!
        checksum &+= time &+ Int64(event.payment)
        queue.push(BenchEvent(kind: event.kind &+ 1, payment: event.payment, hop: event.hop &+ 1),
                   at: time + delays[step & 4_095])
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return (Double(steps) / seconds, checksum)
}

print("EventQueue hold model (1 push + 1 pop per step)")
for size in [100, 10_000, 1_000_000] {
    var best = 0.0
    var checksum: Int64 = 0
    for _ in 0..<3 {
        let (rate, sum) = hold(size: size, steps: 10_000_000)
        best = max(best, rate)
        checksum ^= sum
    }
    let millions = (best / 1e5).rounded() / 10
    print("queue size \(size): \(millions) M push+pop/s (best of 3, checksum \(checksum))")
}
