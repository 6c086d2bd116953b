import Synchronization
import Testing
@testable import FolioCore

@Suite struct LockedCacheTests {
    final class Counter: Sendable {
        let count = Mutex(0)
    }

    @Test func eachKeyIsMadeOnceEvenFromManyTasks() async {
        let cache = LockedCache<Int, Int>()
        let made = Counter()
        await withTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask { cache.value(for: index % 10) { made.count.withLock { $0 += 1 }; return index % 10 * 7 } }
            }
            for await value in group { #expect(value % 7 == 0) }
        }
        #expect(made.count.withLock { $0 } == 10)
        #expect(cache.existing(3) == 21)
        #expect(cache.existing(11) == nil)
    }

    @Test func aRacingInsertKeepsTheFirstValue() {
        let cache = LockedCache<String, Int>()
        #expect(cache.insertIfAbsent(1, for: "a") == 1)
        #expect(cache.insertIfAbsent(2, for: "a") == 1)
    }
}
