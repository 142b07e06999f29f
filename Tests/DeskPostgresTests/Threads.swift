import Foundation

/// Strings (outcomes, errors) collected from several threads.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}

/// A value handed to the threads of `concurrentPerform`, each of which uses its own part of it.
final class Shared<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Lets `count` threads start together.
final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Int
    init(_ count: Int) { waiting = count }
    func wait() {
        condition.lock()
        waiting -= 1
        if waiting == 0 { condition.broadcast() } else { while waiting > 0 { condition.wait() } }
        condition.unlock()
    }
}
