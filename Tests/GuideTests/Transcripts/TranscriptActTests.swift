import Core
import Foundation
import Testing

@testable import Guide

/// The `# act:` lines of transcripts: what a line that cannot be read or done says, and that
/// acts leave the store as the shell's own commands would.
@Suite struct TranscriptActTests {
    func problem(_ line: String) -> String? {
        if case .failure(let problem) = TranscriptAct.parse(line, today: "2026-04-01") { return problem.description }
        return nil
    }

    @Test func linesThatCannotBeReadAreWorded() {
        #expect(problem("yamada") == #"act "yamada": write who does what, e.g. "yamada submits forms/standard.yaml""#)
        #expect(problem("kato approve 1") == #"act "kato approve 1": "approve" is not an act; the acts are submits, approves, returns, refuses, acknowledges, terminates"#)
        #expect(problem("yamada submits") == #"act "yamada submits": name the file of the form's answers, e.g. "submits forms/standard.yaml" or "terminates 1 forms/termination.yaml""#)
        #expect(problem("kato approves") == #"act "kato approves": name the application's number after "approves""#)
        #expect(problem("kato approves one") == #"act "kato approves one": "one" is not an application's number"#)
        #expect(problem("kato returns 1") == #"act "kato returns 1": "returns" needs its reason in quotes after the number"#)
        #expect(problem("kato approves 1 check4") == #"act "kato approves 1 check4": "check4" is not FIELD=LINE"#)
    }

    @Test func linesAreReadWithTheirDayAndOverrides() throws {
        let act = try TranscriptAct.parse(#"kato returns 2 "代替手段を具体的に" review.check5=×"#, today: "2026-04-03").get()
        #expect(act.login == "kato")
        #expect(act.today == "2026-04-03")
        #expect(act.verb == .decides(application: 2, outcome: .returned, reason: "代替手段を具体的に"))
        #expect(act.overrides == ["review.check5": "×"])
    }

    @Test func actsAfterTheLastRunAreKept() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/trailing.transcript"
        try "# user: kato\n$ yakkan staff list\n[exit 0]\n# today: 2026-04-03\n# act: kato approves 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let transcript = try Transcript.load(path)
        #expect(transcript.problems.isEmpty)
        #expect(transcript.trailingActs.map(\.line) == ["kato approves 1"])
        #expect(transcript.trailingActs.map(\.today) == ["2026-04-03"])
    }

    /// A store with the directory of fixtures/in-use.transcript, before anything is applied for.
    func directory(_ folder: TemporaryFolder) throws -> TranscriptStore {
        let path = folder.path + "/directory.transcript"
        try """
            # user: kato
            $ yakkan staff add kato --name "加藤 誠" --department 総務課 --reviewer-of 総務課
            [exit 0]
            $ yakkan staff add suzuki --name "鈴木 一郎" --department 総務課 --reviewer-of 総務課
            [exit 0]
            $ yakkan staff add sato --name "佐藤 花子" --department 総務課
            [exit 0]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let store = TranscriptStore(folder: folder.path, server: nil)
        for run in try Transcript.load(path).runs { #expect(TranscriptRunner.run(run, store: store).status == 0) }
        return store
    }

    func act(_ line: String, on day: String = "2026-04-01", _ store: TranscriptStore) throws -> ActProblem? {
        ActRunner.perform(try TranscriptAct.parse(line, today: day).get(), store: store)
    }

    @Test func actsBringAServiceIntoUseAsTheShellWould() throws {
        let folder = try TemporaryFolder()
        let store = try directory(folder)
        #expect(try act("yamada submits forms/standard.yaml", store) == nil)
        #expect(try act("kato approves 1", on: "2026-04-03", store) == nil)
        #expect(try act("sato acknowledges 1", on: "2026-04-06", store) == nil)
        let show = Transcript.Run(
            login: "kato", today: "2026-04-06", environment: [:], arguments: ["show", "1"], headerLines: [], commandLine: "",
            expected: [], expectedStatus: 0, trailingLines: [])
        let (lines, status) = TranscriptRunner.run(show, store: store)
        #expect(status == 0)
        #expect(lines.contains { $0.hasPrefix("申請番号 1") && $0.contains("利用中") })
        #expect(lines.contains { $0.contains("利用申請時の申請内容") && $0.contains("signup.png (60 B, sha256:3bca6159fe70)") })
        let verify = Transcript.Run(
            login: "kato", today: "2026-04-06", environment: [:], arguments: ["audit", "verify"], headerLines: [], commandLine: "",
            expected: [], expectedStatus: 0, trailingLines: [])
        #expect(TranscriptRunner.run(verify, store: store).status == 0)
    }

    @Test func aReturnedApplicationWaitsForItsApplicantWithTheReason() throws {
        let folder = try TemporaryFolder()
        let store = try directory(folder)
        #expect(try act("yamada submits forms/standard.yaml", store) == nil)
        #expect(try act(#"kato returns 1 "代替手段を具体的に書いてください" review.check5=× "review.check5.note=免責条項が見当たらない""#, on: "2026-04-02", store) == nil)
        let show = Transcript.Run(
            login: "kato", today: "2026-04-02", environment: [:], arguments: ["show", "1"], headerLines: [], commandLine: "",
            expected: [], expectedStatus: 0, trailingLines: [])
        let lines = TranscriptRunner.run(show, store: store).lines
        #expect(lines.contains { $0.hasPrefix("申請番号 1") && $0.contains("差し戻し") })
        #expect(lines.contains { $0.contains("代替手段を具体的に書いてください") })
        #expect(lines.contains { $0.contains("免責条項が見当たらない") })
        // Returned, it cannot be approved until it is sent again.
        #expect(try act("kato approves 1", on: "2026-04-02", store)?.description.hasPrefix(#"act "kato approves 1" was refused: "#) == true)
    }

    @Test func actsTheRulesRefuseAreWorded() throws {
        let folder = try TemporaryFolder()
        let store = try directory(folder)
        #expect(try act("yamada submits forms/missing.yaml", store)?.description
            == #"act "yamada submits forms/missing.yaml": no form file forms/missing.yaml in transcripts/"#)
        #expect(try act("yamada submits forms/standard.yaml classification=Ⅴ", store)?.description.hasPrefix(
            #"act "yamada submits forms/standard.yaml classification=Ⅴ": the question classification refused "Ⅴ": 重要性分類は次のいずれかで答えてください"#) == true)
        #expect(try act(#"yamada submits forms/standard.yaml servise="Example Mail""#, store)?.description
            == #"act "yamada submits forms/standard.yaml servise="Example Mail"": never asked servise (a misspelt field, or one that does not apply)"#)
        #expect(try act("kato approves 1", store)?.description == #"act "kato approves 1" was refused: 番号 1 の申請はありません。"#)
        #expect(try act("yamada submits forms/standard.yaml", store) == nil)
        #expect(try act("sato approves 1", store)?.description
            == #"act "sato approves 1" was refused: あなたは総務課の利用責任者ではありません。ダブルチェックはその課の利用責任者（情報セキュリティ管理者）が行います。"#)
        // Not in use: nothing to terminate.
        #expect(try act("sato terminates 1 forms/termination.yaml", store)?.description.hasPrefix(
            #"act "sato terminates 1 forms/termination.yaml" was refused: "#) == true)
        // Not approved yet: nothing to acknowledge.
        #expect(try act("sato acknowledges 1", store)?.description.hasPrefix(#"act "sato acknowledges 1" was refused: "#) == true)
    }
}
