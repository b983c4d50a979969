import Testing
@testable import AMPSim

@Suite struct SchedulerTests {
    @Test func deliversInTimeOrderAndAdvancesClock() {
        var scheduler = Scheduler<String>()
        scheduler.schedule("late", at: 500)
        scheduler.schedule("early", after: 100)
        scheduler.schedule("middle", at: 300)
        #expect(scheduler.now == 0)
        #expect(scheduler.pendingCount == 3)
        #expect(scheduler.next() == "early")
        #expect(scheduler.now == 100)
        #expect(scheduler.next() == "middle")
        #expect(scheduler.now == 300)
        #expect(scheduler.next() == "late")
        #expect(scheduler.now == 500)
        #expect(scheduler.next() == nil)
        #expect(scheduler.now == 500)
    }

    @Test func scheduleAfterIsRelativeToNow() {
        var scheduler = Scheduler<Int>(start: 1_000)
        scheduler.schedule(1, after: 0)
        scheduler.schedule(2, after: 250)
        #expect(scheduler.nextEventTime == 1_000)
        _ = scheduler.next()
        _ = scheduler.next()
        #expect(scheduler.now == 1_250)
        scheduler.schedule(3, after: SimDuration.milliseconds(2))
        #expect(scheduler.nextEventTime == 3_250)
    }

    @Test func clockNeverGoesBackwardsWhileHandlersSchedule() {
        let stream = RandomStream(seed: 7)
        var scheduler = Scheduler<Int>()
        for value in 0..<100 { scheduler.schedule(value, at: stream.uniformInt(in: 0, 1_000)) }
        var last: SimTime = 0
        var monotone = true
        let delivered = scheduler.run { scheduler, value in
            if scheduler.now < last { monotone = false }
            last = scheduler.now
            if value < 5_000 { scheduler.schedule(value + 100, after: stream.uniformInt(in: 0, 50)) }
        }
        #expect(monotone)
        #expect(delivered > 100)
        #expect(scheduler.pendingCount == 0)
    }

    @Test func runUntilStopsAtLimitAndSetsClock() {
        var scheduler = Scheduler<Int>()
        for time in [10, 20, 30, 40] as [SimTime] { scheduler.schedule(Int(time), at: time) }
        var seen: [Int] = []
        let delivered = scheduler.run(until: 25) { _, value in seen.append(value) }
        #expect(delivered == 2)
        #expect(seen == [10, 20])
        #expect(scheduler.now == 25)
        #expect(scheduler.pendingCount == 2)
        #expect(scheduler.next(notAfter: 29) == nil)
        #expect(scheduler.now == 25)
        #expect(scheduler.next(notAfter: 30) == 30)
    }

    @Test func equalTimeEventsDeliverInSchedulingOrder() {
        var scheduler = Scheduler<Int>()
        for value in 0..<20 { scheduler.schedule(value, at: 42) }
        var seen: [Int] = []
        scheduler.run { _, value in seen.append(value) }
        #expect(seen == Array(0..<20))
    }
}
