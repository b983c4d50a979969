@testable import AMPSim
import FuzzSupport

/// Fuzzes replay files (CLoTH payments.csv): bytes → checked rows → payments of a four-node graph
/// whose node ids are CLoTH's "0" ... "3"; every payment read must have distinct ends and an amount and
/// start time within the documented bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReplay(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzInput.expectResultOrInputError {
        for p in try PaymentReplay.read(bytes: FuzzInput.bytes(data, size), label: "fuzz.csv", graph: FuzzReplayGraph.graph) {
            guard p.sender != p.receiver, (1...Bounds.maxMsat).contains(p.amountMsat), (0...Bounds.maxMicroseconds).contains(p.arrival) else {
                fatalError("replay accepted a payment out of bounds: \(p)")
            }
        }
    }
    return 0
}

/// The graph replayed payments are matched to: a ring of four nodes "0" ... "3".
enum FuzzReplayGraph {
    static let graph: ChannelGraph = {
        var b = ChannelGraphBuilder()
        let nodes = (0..<4).map { b.addNode(id: String($0)) }
        for i in 0..<4 {
            b.addChannel(nodes[i], nodes[(i + 1) % 4], capacityMsat: 1_000_000, balance1Msat: 500_000, id: "c\(i)",
                         policy1: DirectionPolicy(), policy2: DirectionPolicy())
        }
        return b.build()
    }()
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's callback.
@_cdecl("FuzzReplay_main")
public func fuzzReplayMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { data, size in fuzzReplay(data, size) }
}
