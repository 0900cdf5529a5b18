import Core
import Foundation
import PrivateServer
import Testing

/// An interview whose store's server restarts under it: the answer given while the server is
/// down is kept (the person is told so, in their language, not in libpq's words), the
/// interview goes on, and the next answer after the restart saves them all on a new connection.
/// The server is a private one of this test's own, really stopped and started again.
@Suite struct ServerRestartInterviewTests {
    @Test func anInterviewGoesOnThroughARestartAndNothingTypedIsLost() throws {
        let executable = try #require(YakkanExecutable.path, "the yakkan executable is built beside the tests")
        guard PrivateServer.installedBinaries() != nil else {
            Issue.record("PostgreSQL is not installed: scripts/setup --test installs it")
            return
        }
        let server = try PrivateServer.start()
        defer { server.stop() }
        let database = try server.newDatabase()
        let uri = server.uri(database: database)
        let folder = try EndToEndFolder()
        let initialised = try PrivateServer.run(executable, ["store", "init", uri, "--lang", "en"])
        try #require(initialised.status == 0, "\(initialised.output)")

        let child = try YakkanChild(
            executable: executable, arguments: ["apply", "--store", uri, "--lang", "en"],
            environment: EndToEnd.environment(home: folder.home), workingDirectory: folder.path)
        try child.waitFor("Application 1/")
        try child.write("Taro Yamada\n")
        try child.waitFor("Application 2/")

        try server.restart {
            try child.write("総務課\n")
            try child.waitFor("The store's server cannot be reached: this answer is not saved yet, but nothing you typed is lost")
            try child.waitFor("Application 3/")
        }
        try child.write("Example Storage Inc.\n")
        try child.waitFor("Application 4/")
        try child.closeInput()
        try child.waitForExit()
        #expect(child.process.terminationStatus == 0, "\(child.text)")
        #expect(!child.text.contains("server closed the connection"), "libpq's own words are not shown: \(child.text)")
        #expect(!child.text.contains("Press Enter to save again"), "\(child.text)")

        // The draft on the server holds all three answers, the one given while it was down among them.
        let store = try ServerStore(
            uri: uri, workingDirectory: folder.path, clock: SystemClock(), cacheFolder: folder.path + "/owner-cache", keyRing: nil)
        let drafts = try store.drafts(procedureID: ApplicationProcedure.procedure.id)
        try #require(drafts.count == 1)
        #expect(drafts[0].state.answers[ApplicationFields.applicant]?.text == "Taro Yamada")
        #expect(drafts[0].state.answers[ApplicationFields.department]?.text == "総務課")
        #expect(drafts[0].state.answers[ApplicationFields.provider]?.text == "Example Storage Inc.")
    }
}
