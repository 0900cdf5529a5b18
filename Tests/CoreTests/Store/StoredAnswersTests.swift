import Foundation
import Testing
@testable import Core

/// Stored answers read the same with or without the decoder: every case yakkan writes is read
/// without it, and every text the encoder would not have written is left to it.
@Suite struct StoredAnswersTests {
    static let every: Answers = [
        "a.text": .text("庁内ファイルサーバ ¥¥fs01¥backup \"引用\" \\ /"),
        "b.list": .list(["住民名簿", "", "会議資料"]),
        "c.date": .date(Day(iso: "2026-04-01")!),
        "d.yes": .flag(true),
        "e.no": .flag(false),
        "f.class": .classification(.two),
        "g.mark": .mark(.notApplicable),
        "h.files": .files([Attachment(sha256: String(repeating: "a", count: 64), fileName: "規約.pdf", size: 412_903, addedAt: "2026-04-01T00:00:00Z")]),
        "i.choice": .choice("continue"),
        "j.skipped": .skipped,
        "k.person": .person(NamedPerson(name: "佐藤 花子", login: "sato")),
        "l.outsider": .person(NamedPerson(name: "外部 委託", login: nil)),
        "m.people": .people([NamedPerson(name: "山田 太郎", login: "yamada"), NamedPerson(name: "村外 一郎", login: nil)]),
        "n.small": .files([Attachment(sha256: "b", fileName: "0.png", size: 0, addedAt: "x")]),
    ]

    static func encoded(_ answers: Answers) throws -> String {
        String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
    }

    @Test func everyCaseYakkanWritesIsReadWithoutTheDecoder() throws {
        let text = try Self.encoded(Self.every)
        #expect(StoredAnswers.read(text) == Self.every)
        for (id, value) in Self.every {
            #expect(StoredAnswers.read(try Self.encoded([id: value])) == [id: value], "\(id)")
        }
    }

    /// Texts the encoder never writes: the decoder decides, refusing or reading them as before.
    @Test(arguments: [
        #"{"x":{"flag":{"_0":1}}}"#,
        #"{"x":{"text":{"_0":"a"},"flag":{"_0":true}}}"#,
        #"{"x":{"text":{"_0":"a","_1":"b"}}}"#,
        #"{"x":{"shout":{"_0":"a"}}}"#,
        #"{"x":{"date":{"_0":"2026-02-30"}}}"#,
        #"{"x":{"classification":{"_0":0}}}"#,
        #"{"x":{"classification":{"_0":2.5}}}"#,
        #"{"x":{"mark":{"_0":"◎"}}}"#,
        #"{"x":{"text":{"_0":5}}}"#,
        #"{"x":{"list":{"_0":["a",1]}}}"#,
        #"{"x":{"files":{"_0":[{"sha256":"a","fileName":"f","size":1.5,"addedAt":"t"}]}}}"#,
        #"{"x":{"files":{"_0":[{"sha256":"a","fileName":"f","size":1,"addedAt":"t","extra":1}]}}}"#,
        #"{"x":{"person":{"_0":{"name":"a","login":null}}}}"#,
        #"{"x":{"skipped":{"why":"no"}}}"#,
        #"{"x":"text"}"#,
        #"["x"]"#,
        #"{"x":{"text":{"_0":"a"}}"#,
    ])
    func aTextTheEncoderNeverWritesIsLeftToTheDecoder(text: String) {
        #expect(StoredAnswers.read(text) == nil)
        let decoded = try? JSONDecoder().decode(Answers.self, from: Data(text.utf8))
        let read = try? SQLStore.decoded(Answers.self, text, of: "application/1")
        #expect(read == decoded)
    }
}
