// swift-tools-version:6.1
import PackageDescription

// Dependencies are few on purpose: every clean clone (CI) builds them again.
// Yams: the YAML config with line/column marks. ArgumentParser: the command line.
// ServiceLifecycle: the daemon's services, signals and graceful shutdown.
//
// The targets point one way (docs/architecture.md): the pure core (FeedKit, MentionMatch,
// MentionClassify, MentionConfig, MentionSchedule, MentionRender) does no I/O and knows no adapter;
// the adapters (MentionFetch, MentionStore, MentionMail) know the core; MentionDaemon and the
// executable know everything. Tests/ArchitectureTests checks the imports in the sources as well.
let package = Package(
    name: "mentionwatch",
    products: [
        .executable(name: "mentionwatch", targets: ["mentionwatch"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // System libraries from Debian.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // The pure core.
        .target(name: "FeedKit", dependencies: ["CCrypto"]),
        .target(name: "MentionMatch"),
        .target(
            name: "MentionClassify", dependencies: ["MentionMatch", "FeedKit"], resources: [.embedInCode("Lexicon")]),
        .target(
            name: "MentionConfig",
            dependencies: ["FeedKit", "MentionMatch", "MentionClassify", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "MentionSchedule", dependencies: ["MentionConfig", "FeedKit"]),
        .target(
            name: "MentionRender",
            dependencies: ["FeedKit", "MentionMatch", "MentionClassify", "MentionConfig", "MentionSchedule"]
        ),

        // Adapters.
        .target(name: "MentionFetch", dependencies: ["MentionConfig", "CCurl"]),
        .target(
            name: "MentionStore",
            dependencies: [
                "FeedKit", "MentionMatch", "MentionClassify", "MentionConfig", "MentionRender", "MentionSchedule",
                "CSQLite",
            ]),
        .target(name: "MentionMail", dependencies: ["CCurl", "MentionConfig"]),
        .target(
            name: "MentionDaemon",
            dependencies: [
                "FeedKit", "MentionMatch", "MentionClassify", "MentionConfig", "MentionSchedule", "MentionRender",
                "MentionFetch", "MentionStore", "MentionMail",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "mentionwatch",
            dependencies: [
                "FeedKit", "MentionMatch", "MentionClassify", "MentionConfig", "MentionSchedule", "MentionRender",
                "MentionFetch", "MentionStore", "MentionDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Demo")]
        ),

        // Test helpers: the Python HTTP server (and its request log, read through libcurl) and mail reader, paths to ../shared, the fictional world's config.
        .target(name: "TestSupport", dependencies: ["MentionConfig", "MentionFetch"], path: "Tests/TestSupport"),
        .testTarget(name: "ArchitectureTests", dependencies: ["TestSupport"]),
        .testTarget(name: "FeedKitTests", dependencies: ["FeedKit", "TestSupport"]),
        .testTarget(name: "MentionMatchTests", dependencies: ["MentionMatch", "MentionConfig", "TestSupport"]),
        .testTarget(
            name: "MentionClassifyTests",
            dependencies: ["MentionClassify", "MentionMatch", "MentionConfig", "TestSupport"]),
        .testTarget(name: "MentionConfigTests", dependencies: ["MentionConfig", "MentionClassify", "MentionMatch"]),
        .testTarget(name: "MentionScheduleTests", dependencies: ["MentionSchedule", "MentionConfig", "FeedKit"]),
        .testTarget(
            name: "MentionRenderTests",
            dependencies: [
                "MentionRender", "MentionClassify", "MentionMatch", "MentionConfig", "MentionSchedule", "FeedKit",
                "TestSupport",
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "MentionFetchTests", dependencies: ["MentionFetch", "MentionConfig", "CCurl", "TestSupport"]),
        .testTarget(
            name: "MentionStoreTests",
            dependencies: [
                "MentionStore", "MentionRender", "MentionClassify", "MentionMatch", "MentionConfig", "FeedKit",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "MentionMailTests",
            dependencies: [
                "MentionMail", "MentionRender", "MentionClassify", "MentionMatch", "MentionConfig", "FeedKit",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "MentionDaemonTests",
            dependencies: [
                "MentionDaemon", "MentionStore", "MentionMail", "MentionFetch", "MentionRender", "MentionSchedule",
                "MentionClassify", "MentionMatch", "MentionConfig", "FeedKit", "TestSupport", "mentionwatch",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
