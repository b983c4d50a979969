/// A discrete-event scheduler: a clock plus a queue of future events. It knows nothing of what the
/// events mean; callers decide what to do with each one.
///
/// Guarantees: events are delivered in (time, scheduling order); the clock only moves forward and
/// equals the time of the event just delivered; scheduling an event before `now` is a programming
/// error and traps. A value type: copying a scheduler copies its pending events.
public struct Scheduler<Event> {
    @usableFromInline var clock: SimTime
    @usableFromInline var queue: EventQueue<Event>

    /// A scheduler whose clock starts at `start`, with no pending events.
    @inlinable public init(start: SimTime = 0, minimumCapacity: Int = 0) {
        clock = start
        queue = EventQueue(minimumCapacity: minimumCapacity)
    }

    /// The current simulated time.
    @inlinable public var now: SimTime { clock }

    /// The number of events not yet delivered.
    @inlinable public var pendingCount: Int { queue.count }

    /// The time of the next event to be delivered, or nil when none is pending.
    @inlinable public var nextEventTime: SimTime? { queue.peekTime }

    /// Schedules `event` at absolute time `time`, which must not be before `now`.
    @inlinable public mutating func schedule(_ event: Event, at time: SimTime) {
        precondition(time >= clock, "cannot schedule an event in the past (\(time) < now \(clock))")
        queue.push(event, at: time)
    }

    /// Schedules `event` `delay` microseconds from now; `delay` must not be negative.
    @inlinable public mutating func schedule(_ event: Event, after delay: SimTime) {
        precondition(delay >= 0, "cannot schedule an event with a negative delay (\(delay))")
        queue.push(event, at: clock + delay)
    }

    /// Delivers the next event, advancing the clock to its time, or returns nil when none is pending.
    @inlinable public mutating func next() -> Event? {
        guard let (time, event) = queue.popNext() else { return nil }
        clock = time
        return event
    }

    /// Delivers the next event if it is due at or before `limit`; otherwise returns nil and leaves
    /// the clock and the queue unchanged.
    @inlinable public mutating func next(notAfter limit: SimTime) -> Event? {
        guard let time = queue.peekTime, time <= limit else { return nil }
        return next()
    }

    /// Delivers events to `handler` in order until none is pending or the next one is due after
    /// `limit`. The handler may schedule further events. With a `limit`, the clock ends at `limit`
    /// (if it was earlier). Returns the number of events delivered.
    @discardableResult
    @inlinable public mutating func run(
        until limit: SimTime? = nil,
        handler: (inout Scheduler<Event>, Event) throws -> Void
    ) rethrows -> Int {
        var delivered = 0
        if let limit {
            while let event = next(notAfter: limit) {
                try handler(&self, event)
                delivered += 1
            }
            if clock < limit { clock = limit }
        } else {
            while let event = next() {
                try handler(&self, event)
                delivered += 1
            }
        }
        return delivered
    }
}

extension Scheduler: Sendable where Event: Sendable {}
