// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vssdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vssdesk", targets: ["vssdesk"]),
    ],
    dependencies: [
        // The process's own flags (-c, -f, --db, --format, --as …); the in-REPL commands use our command table.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // HMAC-SHA256 for the temporary-password hash (SPEC §6) and SHA-256 for the audit chain (SPEC §13); Foundation
        // has neither on Linux.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibpq", path: "Sources/CLibpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
        .target(name: "CLineShim", path: "Sources/CLineShim", linkerSettings: [.linkedLibrary("readline")]),
        .target(name: "CProcess", path: "Sources/CProcess"),
        .target(name: "DeskCore", path: "Sources/DeskCore", exclude: ["Data"]),
        .target(name: "DeskStore", dependencies: ["CSQLite", "CProcess", "DeskCore", .product(name: "Crypto", package: "swift-crypto")], path: "Sources/DeskStore"),
        .target(name: "Desk", dependencies: ["DeskCore", "DeskStore", .product(name: "Crypto", package: "swift-crypto")], path: "Sources/Desk"),
        .target(name: "DeskPostgres", dependencies: ["CLibpq", "Desk", "DeskCore", "DeskStore"], path: "Sources/DeskPostgres"),
        .target(name: "DeskEngines", dependencies: ["Desk", "DeskCore", "DeskPostgres", "DeskStore"], path: "Sources/DeskEngines"),
        .target(name: "DeskShell", dependencies: ["Desk", "DeskEngines", "DeskCore", "CReadline", "CLineShim"], path: "Sources/DeskShell"),
        .executableTarget(name: "vssdesk", dependencies: ["DeskShell", "DeskStore", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Sources/vssdesk"),
        .executableTarget(name: "vssdesk-bench", dependencies: ["Desk", "DeskStore", "DeskCore", "DeskEngines", "DeskPostgres"], path: "bench/Sources"),
        // The rule and service tests read what a person reads: the texts as the shell's catalogs write them.
        .testTarget(name: "DeskCoreTests", dependencies: ["DeskCore", "DeskShell"], path: "Tests/DeskCoreTests"),
        .testTarget(name: "DeskStoreTests", dependencies: ["DeskStore", "DeskCore"], path: "Tests/DeskStoreTests"),
        // Which engine the service and end-to-end suites run on, and fresh PostgreSQL databases for them.
        .target(name: "DeskTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DeskTests", dependencies: ["Desk", "DeskShell", "DeskStore", "DeskEngines", "DeskPostgres", "DeskTestSupport"], path: "Tests/DeskTests"),
        .testTarget(name: "DeskPostgresTests", dependencies: ["DeskPostgres", "DeskEngines", "Desk", "DeskCore", "DeskStore", "DeskTestSupport"], path: "Tests/DeskPostgresTests"),
        .testTarget(name: "DeskShellTests", dependencies: ["DeskShell"], path: "Tests/DeskShellTests"),
        .testTarget(name: "EndToEndTests", dependencies: ["DeskTestSupport"], path: "Tests/EndToEndTests"),
    ]
)
