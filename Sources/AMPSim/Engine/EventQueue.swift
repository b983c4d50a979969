/// A priority queue of events keyed by simulated time: an array-backed binary min-heap.
///
/// Guarantees: `popNext()` returns the event with the smallest time; events with equal times come
/// out in the order they were pushed (each push takes the next sequence number, which breaks ties),
/// so a run is deterministic. Push and pop are O(log n); storage is one array that grows by
/// amortised doubling and is reused, so there is no per-event allocation.
public struct EventQueue<Event> {
    /// One queued event with its ordering key.
    @usableFromInline struct Entry {
        @usableFromInline var time: SimTime
        @usableFromInline var sequence: UInt64
        @usableFromInline var event: Event

        @inlinable init(time: SimTime, sequence: UInt64, event: Event) {
            self.time = time
            self.sequence = sequence
            self.event = event
        }

        /// True when `self` must pop before `other`: earlier time, or same time and pushed first.
        @inlinable @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline var heap: [Entry]
    @usableFromInline var nextSequence: UInt64

    /// An empty queue with room for `minimumCapacity` events before it grows.
    @inlinable public init(minimumCapacity: Int = 0) {
        heap = []
        heap.reserveCapacity(minimumCapacity)
        nextSequence = 0
    }

    /// The number of queued events.
    @inlinable public var count: Int { heap.count }

    /// True when no event is queued.
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// The time of the event `popNext()` would return, or nil when the queue is empty.
    @inlinable public var peekTime: SimTime? { heap.first?.time }

    /// Queues `event` at `time`, after every event already queued at the same time.
    @inlinable public mutating func push(_ event: Event, at time: SimTime) {
        let entry = Entry(time: time, sequence: nextSequence, event: event)
        nextSequence &+= 1
        heap.append(entry)
        siftUp(entry, from: heap.count - 1)
    }

    /// Removes and returns the earliest event (ties in push order), or nil when the queue is empty.
    @inlinable public mutating func popNext() -> (time: SimTime, event: Event)? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return (last.time, last.event) }
        let top = heap[0]
        siftDown(last, from: 0)
        return (top.time, top.event)
    }

    /// Removes every queued event, keeping the storage. Sequence numbers keep counting.
    @inlinable public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
    }

    /// Places `entry` at the hole `index` (a leaf), moving parents down until the heap holds.
    @inlinable @inline(__always)
    mutating func siftUp(_ entry: Entry, from index: Int) {
        heap.withUnsafeMutableBufferPointer { buffer in
            var hole = index
            while hole > 0 {
                let parent = (hole &- 1) >> 1
                guard entry.precedes(buffer[parent]) else { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = entry
        }
    }

    /// Places `entry` at the hole `index` (the root) by Floyd's bottom-up method: the hole first
    /// follows the earlier child down to a leaf (one comparison per level), then `entry` sifts up
    /// from there. `entry` came from the bottom, so it rarely climbs far.
    @inlinable @inline(__always)
    mutating func siftDown(_ entry: Entry, from index: Int) {
        heap.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var hole = index
            while true {
                var child = 2 &* hole &+ 1
                guard child < count else { break }
                let right = child &+ 1
                if right < count && buffer[right].precedes(buffer[child]) { child = right }
                buffer[hole] = buffer[child]
                hole = child
            }
            while hole > index {
                let parent = (hole &- 1) >> 1
                guard entry.precedes(buffer[parent]) else { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = entry
        }
    }
}

extension EventQueue: Sendable where Event: Sendable {}
extension EventQueue.Entry: Sendable where Event: Sendable {}
