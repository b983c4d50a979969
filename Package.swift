// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ampsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ampsim", targets: ["ampsim"]),
        .library(name: "AMPSim", targets: ["AMPSim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CLZMA",
            pkgConfig: "liblzma",
            providers: [.apt(["liblzma-dev"])]
        ),
        // A header-only module: a cache prefetch hint for the path search.
        .systemLibrary(name: "CPrefetch"),
        .target(
            name: "AMPSim",
            dependencies: [
                "CGSL",
                "CLZMA",
                "CPrefetch",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "ampsim",
            dependencies: [
                "AMPSim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildCommitPlugin"]
        ),
        // Stamps the git commit into the ampsim executable at build time (ampsim --version, run.json).
        .plugin(name: "BuildCommitPlugin", capability: .buildTool()),
        .executableTarget(
            name: "ampsim-bench",
            dependencies: ["AMPSim"]
        ),
        .testTarget(
            name: "AMPSimTests",
            dependencies: ["AMPSim"],
            exclude: ["Fixtures"]
        ),
    ]
)
