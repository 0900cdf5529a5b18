import Core
import Foundation
import Testing

@testable import Guide

/// Escape sequences in command-line text are refused at the door; any already in a store
/// (written before these checks, or by another tool) reach nobody's terminal raw.
@Suite struct HostileTextCommandTests {
    static let escape = "\u{1B}]0;owned\u{07}\u{1B}[2J"

    func session(_ store: String, login: String, input: [String] = []) -> (Session, BufferedOutput) {
        let output = BufferedOutput()
        let session = Session(
            environment: ["YAKKAN_STORE": store, "HOME": (store as NSString).deletingLastPathComponent],
            workingDirectory: "/", login: login, clock: FixedClock(day: Day(iso: "2026-04-01")!),
            reader: PlainLineReader(source: ScriptedSource(lines: input.map { Array($0.utf8) }), echo: output),
            output: output, palette: Palette(enabled: false))
        return (session, output)
    }

    @Test func textOptionsWithEscapeSequencesAreRefusedInTheUsersLanguage() throws {
        let folder = try TemporaryFolder()
        let store = folder.path + "/yakkan.sqlite"
        let cases: [[String]] = [
            ["staff", "add", "kato", "--name", "加藤" + Self.escape, "--department", "総務課"],
            ["stop", "1", "--reason", "理由" + Self.escape],
            ["list", "--search", Self.escape],
            ["purge", "--hold", "1", "--until", "2030-01-01", "--reason", "\u{9B}31m"],
        ]
        for arguments in cases {
            let (ja, jaOutput) = session(store, login: "kato")
            #expect(Yakkan.run(arguments: arguments, session: ja) == 64)
            #expect(jaOutput.text.contains("制御文字を含む入力は受け付けられません"), "\(jaOutput.text)")
            let (en, enOutput) = session(store, login: "kato")
            #expect(Yakkan.run(arguments: arguments + ["--lang", "en"], session: en) == 64)
            #expect(enOutput.text.contains("The input contains control characters"), "\(enOutput.text)")
            #expect(!jaOutput.text.contains("\u{1B}") && !enOutput.text.contains("\u{1B}"))
        }
        #expect(!FileManager.default.fileExists(atPath: store), "nothing was opened, let alone stored")
    }

    @Test func escapeSequencesAlreadyInTheStoreAreNeutralisedOnEveryScreen() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/yakkan.sqlite"
        do {
            // Written through Core directly, as an older yakkan or another tool could have.
            let store = try SQLiteStore(
                path: path, workingDirectory: "/", clock: FixedClock(day: Day(iso: "2026-04-01")!),
                keyRing: KeyRing(folder: folder.path + "/keys", scope: .everyone))
            _ = try store.addStaff(
                StaffMember(login: "kato", name: "加藤" + Self.escape, department: "総務課" + Self.escape, isAdministrator: true, reviewerOf: ["総務課"]),
                by: "kato", at: "2026-04-01T00:00:00Z")
            let answers: Answers = [
                ApplicationFields.applicant: .text("山田" + Self.escape), ApplicationFields.department: .text("総務課"),
                ApplicationFields.provider: .text("Evil\u{1B}[31m Corp"), ApplicationFields.service: .text("Drive\r\u{9B}2J"),
            ]
            _ = try store.submitApplication(
                from: Draft(owner: "yamada", procedureID: ApplicationProcedure.procedure.id,
                            state: InterviewState(answers: answers, order: answers.keys.sorted())),
                procedureVersion: "1.0", at: "2026-04-01T00:00:00Z")
        }
        // Each screen, and whether it shows one of the stored texts (due has nothing due yet).
        let screens: [([String], [String], Bool)] = [
            (["show", "1"], [], true), (["show", "1", "--history"], [], true), (["staff", "list"], [], true), (["list"], [], true),
            (["list", "--format", "line"], [], true), (["due", "--all"], [], false), ([], ["q"], true), (["review"], [], true),
        ]
        for (arguments, input, showsStoredText) in screens {
            let (session, output) = session(path, login: "kato", input: input)
            _ = Yakkan.run(arguments: arguments, session: session)
            let raw = output.text.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
            #expect(raw.isEmpty, "\(arguments): \(output.text.debugDescription)")
            #expect(!showsStoredText || output.text.contains("\u{FFFD}"), "\(arguments) shows the stored text, neutralised: \(output.text)")
        }
    }
}
