import Testing
@testable import AMPSim

@Suite struct EventQueueTests {
    @Test func popsInTimeOrder() {
        var queue = EventQueue<String>()
        queue.push("c", at: 30)
        queue.push("a", at: 10)
        queue.push("d", at: 40)
        queue.push("b", at: 20)
        #expect(queue.count == 4)
        #expect(queue.peekTime == 10)
        var popped: [String] = []
        while let (_, event) = queue.popNext() { popped.append(event) }
        #expect(popped == ["a", "b", "c", "d"])
    }

    @Test func equalTimesPopInPushOrder() {
        var queue = EventQueue<Int>()
        for value in 0..<100 { queue.push(value, at: value % 3 == 0 ? 5 : 7) }
        var popped: [(SimTime, Int)] = []
        while let next = queue.popNext() { popped.append(next) }
        let fives = popped.filter { $0.0 == 5 }.map(\.1)
        let sevens = popped.filter { $0.0 == 7 }.map(\.1)
        #expect(fives == (0..<100).filter { $0 % 3 == 0 })
        #expect(sevens == (0..<100).filter { $0 % 3 != 0 })
        #expect(popped.prefix(fives.count).allSatisfy { $0.0 == 5 })
    }

    @Test func drainsToEmpty() {
        var queue = EventQueue<Int>(minimumCapacity: 8)
        #expect(queue.isEmpty)
        #expect(queue.peekTime == nil)
        #expect(queue.popNext() == nil)
        for value in 0..<50 { queue.push(value, at: SimTime(50 - value)) }
        var count = 0
        while queue.popNext() != nil { count += 1 }
        #expect(count == 50)
        #expect(queue.isEmpty)
        #expect(queue.count == 0)
        #expect(queue.popNext() == nil)
    }

    /// 10^4 random pushes and pops interleaved, checked against a sorted reference list.
    @Test func randomInterleavingMatchesSortedReference() {
        let stream = RandomStream(seed: 20_240_601)
        var queue = EventQueue<Int>()
        var reference: [(time: SimTime, sequence: Int)] = [] // kept sorted by (time, sequence)
        var pushed = 0
        for _ in 0..<10_000 {
            if reference.isEmpty || stream.uniform() < 0.55 {
                let time = stream.uniformInt(in: 0, 200) // narrow range: many ties
                queue.push(pushed, at: time)
                let insertAt = reference.firstIndex { $0.time > time } ?? reference.endIndex
                reference.insert((time, pushed), at: insertAt)
                pushed += 1
            } else {
                let expected = reference.removeFirst()
                let actual = queue.popNext()
                #expect(actual?.time == expected.time)
                #expect(actual?.event == expected.sequence)
            }
            #expect(queue.count == reference.count)
            #expect(queue.peekTime == reference.first?.time)
        }
        while let expected = reference.first {
            reference.removeFirst()
            let actual = queue.popNext()
            #expect(actual?.time == expected.time && actual?.event == expected.sequence)
        }
        #expect(queue.isEmpty)
    }
}
