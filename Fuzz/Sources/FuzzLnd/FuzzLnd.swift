@testable import AMPSim
import FuzzSupport

/// Fuzzes lnd `describegraph` JSON: parse, keep the largest component, build the channel graph.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLnd(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzInput.expectResultOrInputError {
        for drop in [false, true] {
            var (draft, _) = try LndImporter.parse(FuzzInput.bytes(data, size), label: "fuzz.json", dropDisabled: drop)
            _ = draft.keepLargestComponent()
            _ = draft.build()
        }
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's callback.
@_cdecl("FuzzLnd_main")
public func fuzzLndMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { data, size in fuzzLnd(data, size) }
}
