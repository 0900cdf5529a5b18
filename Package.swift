// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "yakkan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "yakkan", targets: ["Guide"]),
        .library(name: "Core", targets: ["Core"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The procedure file is YAML: its parser gives every node's line, which `procedure check` names.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLineEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libpq's header; the library itself is loaded when a server is used (Core/Server/LibPQ.swift).
        .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
        // zlib, to inflate the text of a PDF's terms (Core/Terms/PDFText.swift).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // libcurl, loaded at the first fetch of a page of terms (Sources/CCurl/ccurl.c says why in C).
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(
            name: "Core",
            dependencies: [
                "CCurl",
                "CLibPQ",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            // Built into the binary, so that an installed or static yakkan needs no file beside it.
            resources: [.embedInCode("Procedure/procedure-1.0.yaml")]
        ),
        .executableTarget(
            name: "Guide",
            dependencies: [
                "Core",
                "CLineEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "LoadBenchmark", dependencies: ["Core", "PrivateServer"], path: "Benchmarks/LoadBenchmark"),
        .executableTarget(name: "LedgerBenchmark", dependencies: ["Core", "PrivateServer", .product(name: "GRDB", package: "GRDB.swift")], path: "Benchmarks/LedgerBenchmark"),
        // A PostgreSQL server of the tests' own, started in a temporary folder; shared by suites.
        .target(name: "PrivateServer", dependencies: ["Core"], path: "Tests/PrivateServer"),
        .testTarget(
            name: "CoreTests",
            dependencies: ["Core", "PrivateServer", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "GuideTests",
            dependencies: ["Guide", "Core", "PrivateServer", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Yams", package: "Yams")]),
    ],
    swiftLanguageModes: [.v5]
)
