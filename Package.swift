// swift-tools-version: 6.1
import PackageDescription

// Layers, bottom to top: Topologies (and RandomStreams) → IsingModel → PBitEmulator → Learning, with the
// `pbit` command line a thin layer (PBitCommands) on top.
//
// `-march=native` lets LLVM use AVX2 and FMA in the SIMD sweep kernels. It is an unsafe flag,
// which SwiftPM accepts from a root or local package only; the Benchmarks package depends on
// this one by path, which is allowed.
let fast: [SwiftSetting] = [
    .unsafeFlags(["-Xcc", "-march=native", "-enforce-exclusivity=unchecked"]),
]

let package = Package(
    name: "PBit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pbit", targets: ["pbit"]),
        .library(name: "Topologies", targets: ["Topologies"]),
        .library(name: "RandomStreams", targets: ["RandomStreams"]),
        .library(name: "IsingModel", targets: ["IsingModel"]),
        .library(name: "PBitEmulator", targets: ["PBitEmulator"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "DenseBaselines", targets: ["DenseBaselines"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "Topologies", swiftSettings: fast),
        .target(name: "RandomStreams", swiftSettings: fast),
        .target(name: "IsingModel", dependencies: ["Topologies", "RandomStreams"], swiftSettings: fast),
        .target(
            name: "PBitEmulator", dependencies: ["Topologies", "RandomStreams", "IsingModel"],
            swiftSettings: fast),
        // zlib reads the gzip-compressed IDX files of MNIST (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenBLAS for the dense baselines (Debian: libopenblas-dev).
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .target(
            name: "DenseBaselines",
            dependencies: [
                "Topologies", "RandomStreams", "IsingModel", "PBitEmulator", "Learning", "COpenBLAS",
            ],
            swiftSettings: fast),
        .target(
            name: "Learning",
            dependencies: ["Topologies", "RandomStreams", "IsingModel", "PBitEmulator", "CZlib"],
            swiftSettings: fast),
        .target(
            name: "PBitCommands",
            dependencies: [
                "Topologies", "RandomStreams", "IsingModel", "PBitEmulator", "Learning", "DenseBaselines",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: fast),
        .executableTarget(name: "pbit", dependencies: ["PBitCommands"], swiftSettings: fast),
        .testTarget(name: "TopologiesTests", dependencies: ["Topologies", "RandomStreams"]),
        .testTarget(name: "RandomStreamsTests", dependencies: ["RandomStreams"]),
        .testTarget(name: "IsingModelTests", dependencies: ["IsingModel"]),
        .testTarget(name: "PBitEmulatorTests", dependencies: ["PBitEmulator"]),
        .testTarget(
            name: "DenseBaselinesTests",
            dependencies: ["DenseBaselines", "IsingModel", "Topologies", "Learning", "RandomStreams"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "Topologies", "RandomStreams"]),
        .testTarget(name: "PBitCommandsTests", dependencies: ["PBitCommands"]),
    ],
    swiftLanguageModes: [.v6]
)
