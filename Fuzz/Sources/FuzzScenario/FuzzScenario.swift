@testable import AMPSim
import FuzzSupport

/// Fuzzes the scenario loader: YAML text → validated scenario; a valid one must pass the resource
/// check or be refused by it, print as YAML that loads back equal, and (when small and not an import)
/// build its graph.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    FuzzInput.expectResultOrInputError {
        let scenario = try ScenarioLoader.load(text: text, label: "fuzz.yaml", baseDirectory: "/nonexistent")
        let again = try ScenarioLoader.load(text: scenario.yaml, label: "printed.yaml", baseDirectory: "/nonexistent")
        if again != scenario { fatalError("printed scenario reads back different:\n\(scenario.yaml)\n---\n\(again.yaml)") }
        try ResourceLimits.check(scenario: scenario, runs: scenario.replications)
        if scenario.graph.generator != .import && scenario.graph.nodes <= 64 && scenario.graph.channels <= 256 {
            _ = try GraphFactory.build(scenario, replication: 0)
        }
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's callback.
@_cdecl("FuzzScenario_main")
public func fuzzScenarioMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { data, size in fuzzScenario(data, size) }
}
