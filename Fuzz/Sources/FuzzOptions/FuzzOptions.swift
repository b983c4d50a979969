@testable import AMPSim
import FuzzSupport

/// Fuzzes command-line values: each line of the input is read as a `--set` override, a `--vary` axis
/// and a `--shard` slice; an override that parses is applied to a small scenario, and every value of
/// an axis that parses is too. Each step gives a result or an `InputError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOptions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for line in text.split(separator: "\n").prefix(8).map(String.init) {
        FuzzInput.expectResultOrInputError {
            _ = try ScenarioLoader.load(text: FuzzOptionsBase.yaml, label: "base.yaml", overrides: [try Override.parse(line)],
                                        baseDirectory: "/nonexistent")
        }
        FuzzInput.expectResultOrInputError {
            let axis = try VaryOption.parse(line)
            for i in axis.values.indices.prefix(16) {
                _ = try ScenarioLoader.load(text: FuzzOptionsBase.yaml, label: "base.yaml", overrides: try axis.overrides(i, origin: "--vary"),
                                            baseDirectory: "/nonexistent")
            }
        }
        FuzzInput.expectResultOrInputError { _ = try SweepShard.parse(line) }
    }
    return 0
}

/// The scenario the fuzzed values are applied to.
enum FuzzOptionsBase {
    static let yaml = "name: fuzz\ngraph: {generator: ln-like, nodes: 20}\nworkload: {payments: 10}\n"
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's callback.
@_cdecl("FuzzOptions_main")
public func fuzzOptionsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { data, size in fuzzOptions(data, size) }
}
