// swift-tools-version:6.1
import PackageDescription

// Dependencies are few on purpose: every clean clone (CI) builds them again.
// Yams: the YAML config with line/column marks. ArgumentParser: the command line.
// ServiceLifecycle: the daemon's services, signals and graceful shutdown.
let package = Package(
    name: "mentionwatch",
    products: [
        .executable(name: "mentionwatch", targets: ["mentionwatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "MentionCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Classify/Lexicon")]
        ),
        .target(name: "MentionFetch", dependencies: ["MentionCore", "CCurl"]),
        .target(name: "MentionStore", dependencies: ["MentionCore", "CSQLite"]),
        .target(name: "MentionMail", dependencies: ["MentionCore"]),
        .target(
            name: "MentionDaemon",
            dependencies: [
                "MentionCore", "MentionFetch", "MentionStore", "MentionMail",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "mentionwatch",
            dependencies: [
                "MentionCore", "MentionFetch", "MentionStore", "MentionMail", "MentionDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.embedInCode("Demo")]
        ),
        // Test helpers: the Python HTTP server and mail reader, paths to ../shared.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MentionCoreTests", dependencies: ["MentionCore", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "MentionFetchTests", dependencies: ["MentionFetch", "MentionCore", "TestSupport"]),
        .testTarget(name: "MentionStoreTests", dependencies: ["MentionStore", "MentionCore", "TestSupport"]),
        .testTarget(name: "MentionMailTests", dependencies: ["MentionMail", "MentionCore", "TestSupport"]),
        .testTarget(name: "MentionDaemonTests", dependencies: ["MentionDaemon", "MentionCore", "MentionStore", "MentionMail", "MentionFetch", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
