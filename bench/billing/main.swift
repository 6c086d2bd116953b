import DocumentModel
// Billing-center benchmark (issue 6): a company with 50 accounts, 200 000 registered invoices and
// 2 000 other events; `list` for one user and one page from a warm store; `apply` of 10 000 commands.
//
//   swift build -c release --scratch-path .build-billing --product BillingBench
//   .build-billing/release/BillingBench [--db PATH] [--keep]
import BillingCenter
import Foundation
import GRDB

struct Options {
    var database = FileManager.default.temporaryDirectory.appendingPathComponent("billing-bench-\(getpid()).sqlite").path
    var keep = false
    /// Reuse an existing seeded database (skips the seeding step).
    var reuse = false
    /// Stop after seeding (and checkpointing), keeping the database: a pristine copy for later runs.
    var seedOnly = false
    /// Stop after opening: for profiling the replay.
    var openOnly = false
    init() {
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--db": database = arguments.popFirst() ?? database
            case "--keep": keep = true
            case "--reuse": reuse = true; keep = true
            case "--seed-only": seedOnly = true; keep = true
            case "--open-only": openOnly = true; reuse = true; keep = true
            default: fatalError("usage: BillingBench [--db PATH] [--keep] [--reuse] [--seed-only] [--open-only]")
            }
        }
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// User + system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func milliseconds(_ value: Double) -> String { String(format: "%.2f ms", value * 1000) }

struct NoDocuments: DocumentLoading {
    func load(path: String) throws(BillingError) -> Data { throw BillingError(.invalidDocument, "no documents in the benchmark") }
}

let options = Options()
let fixture = BenchFixture()
let environment = RequestEnvironment(wallClock: try! Instant(rfc3339: "2030-01-01T00:00:00Z"), documents: NoDocuments(), renderer: UnavailableRenderer())

if !options.reuse {
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.database + suffix) }
print("Seeding \(options.database): \(BenchFixture.accountCount) accounts, \(BenchFixture.invoiceCount) invoices, ~\(BenchFixture.otherEventCount) other events…")
var seedResponses: [BillingResponse] = []
let seedTime = try seconds {
    let store = try BillingStore(path: options.database)
    seedResponses = try store.importRequests(fixture.seedRequests(), environment: environment)
}
let rejected = seedResponses.filter { !$0.isOK }
print(String(format: "  seeded in %.1f s (one transaction), %d rejected", seedTime, rejected.count))
if let first = rejected.first { print("  first rejection: \(first.json.compactText)") }
}

var store: BillingStore!
let openTime = try seconds { store = try BillingStore(path: options.database) }
if options.seedOnly { exit(0) }
print("Open (replay \(store.state.lastSeq) events into memory): \(milliseconds(openTime))")

if options.openOnly { exit(0) }

/// The floor of per-command commits on this disk right now: a one-row transaction in WAL mode with
/// `synchronous = FULL`, as many times as `apply` commits. Other processes' I/O moves this a lot.
func commitFloor(commits: Int) throws -> Double {
    let path = options.database + ".floor.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    var configuration = Configuration()
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.writeWithoutTransaction { db in
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "CREATE TABLE floor(x)")
    }
    return try seconds {
        for index in 0..<commits {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "INSERT INTO floor VALUES (?)", arguments: [index])
                    return .commit
                }
            }
        }
    }
}

@MainActor func measureList(_ user: String, _ page: Page, repetitions: Int = 30) throws {
    let request = BillingRequest.list(.init(user: user, company: BenchFixture.company, page: page, now: BenchFixture.now))
    var samples: [Double] = []
    var rows = 0
    for _ in 0..<repetitions {
        samples.append(try seconds {
            if case let .documents(listed) = try store.handle(request, environment: environment) { rows = listed.count }
        })
    }
    samples.sort()
    print("list \(user) \(page.rawValue): \(rows) rows, median \(milliseconds(samples[samples.count / 2])), p95 \(milliseconds(samples[samples.count * 95 / 100])), min \(milliseconds(samples[0]))")
}

try measureList("viewer", .current, repetitions: ProcessInfo.processInfo.environment["BENCH_LIST_REPETITIONS"].flatMap(Int.init) ?? 30)
try measureList("viewer", .archive)
try measureList("admin", .current, repetitions: 10)
try measureList("admin", .archive, repetitions: 10)

let commands = fixture.applyCommands(count: 10_000)
let inputPath = options.database + ".apply.jsonl"
try commands.joined(separator: "\n").appending("\n").write(toFile: inputPath, atomically: true, encoding: .utf8)
var failures = 0
var lines = 0
var perOp: [String: (count: Int, seconds: Double)] = [:]
var lastEmit = DispatchTime.now().uptimeNanoseconds
let commits = commands.filter { !$0.contains(#""op":"list""#) && !$0.contains(#""op":"access""#) }.count
let floorBefore = try commitFloor(commits: commits)
let cpuBefore = cpuSeconds()
lastEmit = DispatchTime.now().uptimeNanoseconds
let applyTime = try seconds {
    var reader = LineReader(handle: FileHandle(forReadingAtPath: inputPath)!)
    let session = ApplySession(log: store, clock: { try! Instant(rfc3339: "2030-01-01T00:00:00Z") }, documents: NoDocuments(), renderer: UnavailableRenderer())
    _ = session.run(reader: &reader) { line in
        let nowNanos = DispatchTime.now().uptimeNanoseconds
        let op = commands[lines].split(separator: ",")[0].replacingOccurrences(of: "{\"op\":", with: "")
        perOp[op, default: (0, 0)].count += 1
        perOp[op, default: (0, 0)].seconds += Double(nowNanos - lastEmit) / 1e9
        lastEmit = nowNanos
        lines += 1
        if line.hasPrefix(#"{"ok":false"#) {
            if failures == 0 { print("  first failure (line \(lines)): \(line)") }
            failures += 1
        }
    }
}
print(String(format: "apply 10 000 commands (one transaction each, synchronous=FULL): %.2f s, %d result lines, %d failed", applyTime, lines, failures))
let applyCPU = cpuSeconds() - cpuBefore
let floorAfter = try commitFloor(commits: commits)
print(String(format: "  CPU time of the apply: %.2f s (user + system)", applyCPU))
print(String(format: "  disk floor: %d bare WAL+FULL one-row commits took %.2f s just before and %.2f s just after (other processes' I/O moves this)", commits, floorBefore, floorAfter))
for (op, figures) in perOp.sorted(by: { $0.key < $1.key }) {
    print(String(format: "  %@: %d lines, %.2f s, %.3f ms each", op, figures.count, figures.seconds, figures.seconds / Double(figures.count) * 1000))
}
print("Input kept for the CLI run: \(inputPath)")
if !options.keep {
    for suffix in ["", "-wal", "-shm", ".apply.jsonl"] { try? FileManager.default.removeItem(atPath: options.database + suffix) }
}
