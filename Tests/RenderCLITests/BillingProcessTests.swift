import BillingCenter
import Foundation
import Testing

/// `render billing` as a process: exit statuses (S-6), durability after a kill, two concurrent writers.
@Suite("render billing processes", .serialized)
struct BillingProcessTests {
    let clock = ["--clock", "2030-01-01T00:00:00Z"]

    @Test("exit status 0, 1 and 2 (S-6); no result line when the database cannot be opened")
    func exitStatuses() throws {
        let directory = BillingScratchDirectory()
        defer { directory.remove() }
        directory.write(BillingProcess.invoiceLine("I1") + "\n", to: "good.jsonl")
        directory.write(BillingProcess.invoiceLine("I2") + "\n{\"op\":\"nope\"}\n", to: "mixed.jsonl")
        directory.write("not a database at all, not even close", to: "other.sqlite")

        let good = try BillingProcess.run(["billing", "--db", "db.sqlite"] + clock + ["apply", "good.jsonl"], in: directory.url)
        #expect(good.status == 0)
        #expect(good.lines == [#"{"ok":true,"duplicate":false}"#])

        let mixed = try BillingProcess.run(["billing", "--db", "db.sqlite"] + clock + ["apply", "mixed.jsonl"], in: directory.url)
        #expect(mixed.status == 1)
        #expect(mixed.lines.count == 2)

        let refused = try BillingProcess.run(["billing", "--db", "other.sqlite"] + clock + ["apply", "good.jsonl"], in: directory.url)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("not a database"))

        let missingInput = try BillingProcess.run(["billing", "--db", "db.sqlite", "apply", "absent.jsonl"], in: directory.url)
        #expect(missingInput.status == 2)
        #expect(missingInput.stdout.isEmpty)
    }

    @Test("a process killed in the middle of a long apply leaves a database that opens, holds the answered commands, and continues")
    func killedApply() throws {
        let directory = BillingScratchDirectory()
        defer { directory.remove() }
        let total = 2500
        let lines = (0..<total).map { BillingProcess.invoiceLine(String(format: "K%05d", $0)) }
        directory.write(lines.joined(separator: "\n") + "\n", to: "long.jsonl")

        let (process, output, _) = try BillingProcess.start(["billing", "--db", "db.sqlite"] + clock + ["apply", "long.jsonl"], in: directory.url)
        var received = Data()
        let reader = output.fileHandleForReading
        while received.filter({ $0 == 0x0A }).count < 300 {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        received.append(reader.readDataToEndOfFile())
        // Only complete lines count as written answers.
        let answered = received.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().count
        #expect(answered >= 300)
        #expect(answered < total, "the process finished before it could be killed; make the input longer")

        let store = try BillingStore(path: directory.path("db.sqlite"))
        let stored = store.state.documents.invoices.count
        // Each command commits before its line is written: every answered command is stored, plus at
        // most the one whose line the kill interrupted.
        #expect(stored == answered || stored == answered + 1)
        for index in 0..<answered { #expect(store.state.documents.invoices[String(format: "K%05d", index)] != nil) }

        directory.write(lines[answered...].joined(separator: "\n") + "\n", to: "rest.jsonl")
        let rest = try BillingProcess.run(["billing", "--db", "db.sqlite"] + clock + ["apply", "rest.jsonl"], in: directory.url)
        #expect(rest.status == 0)
        #expect(rest.lines.count == total - answered)
        #expect(rest.lines.dropFirst().allSatisfy { $0 == #"{"ok":true,"duplicate":false}"# })
        #expect(try BillingStore(path: directory.path("db.sqlite")).state.documents.invoices.count == total)
    }

    @Test("two processes applying to one database lose no command and leave it intact")
    func concurrentWriters() throws {
        let directory = BillingScratchDirectory()
        defer { directory.remove() }
        let perProcess = 400
        for name in ["A", "B"] {
            let lines = (0..<perProcess).map { BillingProcess.invoiceLine("\(name)\($0)") }
            directory.write(lines.joined(separator: "\n") + "\n", to: "\(name).jsonl")
        }
        let (first, firstOutput, _) = try BillingProcess.start(["billing", "--db", "db.sqlite"] + clock + ["apply", "A.jsonl"], in: directory.url)
        let (second, secondOutput, _) = try BillingProcess.start(["billing", "--db", "db.sqlite"] + clock + ["apply", "B.jsonl"], in: directory.url)
        let firstLines = String(decoding: firstOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        let secondLines = String(decoding: secondOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        #expect(firstLines.count == perProcess && secondLines.count == perProcess)

        let store = try BillingStore(path: directory.path("db.sqlite"))
        #expect(store.state.documents.invoices.count == 2 * perProcess)
        #expect(store.state.lastSeq == Int64(2 * perProcess))
        let check = try BillingProcess.run(["billing", "--db", "db.sqlite"] + clock + ["list", "--user", "nobody", "--company", "NONE"], in: directory.url)
        #expect(check.status == 1) // the database still opens and answers
    }
}
