import Foundation
import Desk
import DeskCore
import DeskStore

/// Latency figures of the services beyond search, added as each capability lands.
enum LatencyExtras {
    static func all(session: Session, codes: [String], phones: [String]) -> [(String, () throws -> (p50: Double, p99: Double, n: Int))] {
        []
    }
}
