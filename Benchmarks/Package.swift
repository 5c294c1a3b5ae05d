// swift-tools-version: 6.1
import PackageDescription

// Benchmarks of the pbit libraries with ordo-one's package-benchmark, kept out of the root
// package so that neither `swift build` nor `swift test` there fetches or builds it.
// Run from this folder: `swift package benchmark` (see README.md).
//
// Only the MallocInterposer trait: the allocation counts need it. Leaving out the default
// RuntimeInterposer trait (ARC counts on Linux with Swift 6.3, not measured here) drops its
// swift-runtime-interposer dependency.
let package = Package(
    name: "PBitBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // A path dependency's identity is its folder's name, which differs between clones;
        // `name:` lets the products below refer to it as "PBit" wherever it is checked out.
        .package(name: "PBit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PBitBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Topologies", package: "PBit"),
                .product(name: "IsingModel", package: "PBit"),
                .product(name: "PBitEmulator", package: "PBit"),
                .product(name: "DenseBaselines", package: "PBit"),
            ],
            path: "Benchmarks/PBitBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
