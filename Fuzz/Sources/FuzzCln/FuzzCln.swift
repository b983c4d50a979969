@testable import AMPSim
import FuzzSupport

/// Fuzzes CLN `listchannels` JSON: parse, keep the largest component, build the channel graph.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCln(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzInput.expectResultOrInputError {
        for drop in [false, true] {
            var (draft, _) = try ClnImporter.parse(FuzzInput.bytes(data, size), label: "fuzz.json", dropDisabled: drop)
            _ = draft.keepLargestComponent()
            _ = draft.build()
        }
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's callback.
@_cdecl("FuzzCln_main")
public func fuzzClnMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { data, size in fuzzCln(data, size) }
}
