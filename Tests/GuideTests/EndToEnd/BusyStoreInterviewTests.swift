import Core
import Foundation
import GRDB
import PrivateServer
import Testing

/// An answer met by a busy store (another writer holding the store's lock): the interview
/// says the answer is kept, asks the next question at once, and saves everything with the
/// first answer after the lock is let go. On a SQLite file; the lock is a writer's
/// `BEGIN IMMEDIATE` left open, as a long act of someone else's would hold it.
@Suite struct BusyStoreInterviewTests {
    @Test func anAnswerMetByABusyStoreIsKeptAndTheInterviewGoesOn() throws {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        let folder = try EndToEndFolder()
        let store = folder.path + "/yakkan.sqlite"
        let initialised = try folder.yakkan(["store", "init", store])
        try #require(initialised.status == 0, "\(initialised.output)")

        let child = try YakkanChild(
            executable: executable, arguments: ["apply", "--store", store, "--lang", "en"],
            environment: EndToEnd.environment(home: folder.home), workingDirectory: folder.path)
        try child.waitFor("Application 1/44")
        // Someone else's write begins while this person answers.
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: store, configuration: holding)
        try holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        var held = true
        defer { if held { try? holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } } }
        try child.write("Taro Yamada\n")
        try child.waitFor("this answer is kept and saved with the next one")
        try child.waitFor("Application 2/44")
        try child.write("総務課\n")
        try child.waitFor("this answer is kept")
        try child.waitFor("Application 3/44")

        try holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        held = false
        try child.write("Example Storage Inc.\n")
        try child.waitFor("Application 4/44")
        try child.closeInput()
        try child.waitForExit()
        #expect(child.process.terminationStatus == 0, "\(child.text)")
        #expect(!child.text.contains("Press Enter to save again"), "\(child.text)")

        // The draft holds all three answers, the two kept while the store was busy among them.
        let owner = try SQLiteStore(path: store, workingDirectory: folder.path, clock: SystemClock(), access: .readOnly, createFolder: false)
        let drafts = try owner.drafts(procedureID: ApplicationProcedure.procedure.id)
        try #require(drafts.count == 1)
        #expect(drafts[0].state.answers[ApplicationFields.applicant]?.text == "Taro Yamada")
        #expect(drafts[0].state.answers[ApplicationFields.department]?.text == "総務課")
        #expect(drafts[0].state.answers[ApplicationFields.provider]?.text == "Example Storage Inc.")
    }
}
