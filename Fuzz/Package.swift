// swift-tools-version: 6.0
// libFuzzer targets for ampsim's input readers. Not part of the main build or of CI; see Fuzz/README.md.
import PackageDescription

let package = Package(
    name: "ampsim-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "ampsim", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "AMPSim", package: "ampsim")]),
        .executableTarget(name: "FuzzScenario", dependencies: ["FuzzSupport", .product(name: "AMPSim", package: "ampsim")]),
        .executableTarget(name: "FuzzLnd", dependencies: ["FuzzSupport", .product(name: "AMPSim", package: "ampsim")]),
        .executableTarget(name: "FuzzCln", dependencies: ["FuzzSupport", .product(name: "AMPSim", package: "ampsim")]),
        .executableTarget(name: "FuzzCloth", dependencies: ["FuzzSupport", .product(name: "AMPSim", package: "ampsim")]),
        .executableTarget(name: "FuzzReplay", dependencies: ["FuzzSupport", .product(name: "AMPSim", package: "ampsim")]),
        .executableTarget(name: "FuzzOptions", dependencies: ["FuzzSupport", .product(name: "AMPSim", package: "ampsim")]),
    ]
)
