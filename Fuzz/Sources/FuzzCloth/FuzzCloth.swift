@testable import AMPSim
import FuzzSupport

/// Fuzzes a CLoTH folder given as one input: nodes.csv, channels.csv and edges.csv separated by lines
/// holding only `---`; parse, keep the largest component, build the channel graph.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCloth(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let parts = ClothBundle.split(FuzzInput.bytes(data, size), parts: 3)
    FuzzInput.expectResultOrInputError {
        var (draft, _) = try ClothImporter.parse(nodes: parts[0], channels: parts[1], edges: parts[2], label: "fuzz")
        _ = draft.keepLargestComponent()
        _ = draft.build()
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's callback.
@_cdecl("FuzzCloth_main")
public func fuzzClothMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { data, size in fuzzCloth(data, size) }
}
