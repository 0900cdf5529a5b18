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

    /// The answers in order are `read`'s answers, sorted by their ids' bytes.
    static func sameAnswers(_ inOrder: [(id: String, value: AnswerValue)], _ read: Answers) -> Bool {
        let sorted = read.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return inOrder.map(\.id) == sorted.map(\.key) && inOrder.map(\.value) == sorted.map(\.value)
    }

    /// What the store writes is read in order for the export, every case of it; a text whose
    /// ids are out of order, written twice or not ASCII is not, and the dictionary decides.
    @Test func theStoresTextIsReadInOrderAndNoOtherOrder() throws {
        let text = try SQLStore.json(Self.every)
        #expect(Self.sameAnswers(try #require(StoredAnswers.inOrder(text)), Self.every))
        for (id, value) in Self.every {
            #expect(StoredAnswers.inOrder(try SQLStore.json([id: value])).map { Self.sameAnswers($0, [id: value]) } == true, "\(id)")
        }
        for unordered in [
            #"{"y":{"skipped":{}},"x":{"skipped":{}}}"#,
            #"{"x":{"skipped":{}},"x":{"skipped":{}}}"#,
            #"{"B":{"skipped":{}},"a":{"skipped":{}},"A":{"skipped":{}}}"#,
            "{\"\u{E9}\":{\"skipped\":{}}}",
        ] {
            #expect(StoredAnswers.inOrder(unordered) == nil, "\(unordered)")
        }
        #expect(StoredAnswers.inOrder(#"{"A":{"skipped":{}},"B":{"skipped":{}},"a":{"skipped":{}}}"#)?.map(\.id) == ["A", "B", "a"])
    }

    /// A duty's signed entry as yakkan writes it is read without the decoder, for every kind and
    /// every case of answer; texts it does not write go to the decoder, and read alike.
    @Test func aDutysEntryIsReadWithoutTheDecoderAsTheDecoderReadsIt() throws {
        for kind in DutyKind.allCases {
            let command = Command.recordDuty(application: 4_321, kind: kind, answers: Self.every)
            let text = try ActEntry(act: command).encoded()
            #expect(StoredAnswers.recordedDuty(text) != nil, "\(kind)")
            #expect(ActEntry.decode(text) == command)
        }
        let written = try ActEntry(act: .recordDuty(application: 7, kind: .backup, answers: [:])).encoded()
        #expect(written == #"{"act":{"recordDuty":{"answers":{},"application":7,"kind":"backup"}}}"#)
        for text in [
            written,
            #"{"act":{"recordDuty":{"answers":{},"application":7,"kind":"laundry"}}}"#,
            #"{"act":{"recordDuty":{"answers":{},"application":-7,"kind":"backup"}}}"#,
            #"{"act":{"recordDuty":{"answers":{},"application":7.5,"kind":"backup"}}}"#,
            #"{"act":{"recordDuty":{"answers":{},"application":"7","kind":"backup"}}}"#,
            #"{"act":{"recordDuty":{"application":7,"answers":{},"kind":"backup"}}}"#,
            #"{"act":{"recordDuty":{"answers":{},"application":7,"kind":"backup","extra":1}}}"#,
            #"{"act":{"recordDuty":{"answers":{},"application":7,"kind":"backup"}},"more":{}}"#,
            #"{"act":{"recordDuty":{"answers":{},"application":7,"kind":"back\u0075p"}}}"#,
            #"{"act":{"recordDuty":{"answers":{"x":{"flag":{"_0":1}}},"application":7,"kind":"backup"}}}"#,
            #"{"act": {"recordDuty":{"answers":{},"application":7,"kind":"backup"}}}"#,
            #"{"act":{"recordDuty":{"answers":{},"application":7,"kind":"backup"}}} "#,
            #"{"act":{"withdraw":{"application":7}}}"#,
        ] {
            #expect(ActEntry.decode(text) == (try? JSONDecoder().decode(ActEntry.self, from: Data(text.utf8)))?.act, "\(text)")
        }
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
        // A key written twice: the parser keeps the last value, the decoder the first.
        #"{"x":{"text":{"_0":"a"}},"x":{"text":{"_0":"b"}}}"#,
        #"{"x":{"text":{"_0":"a","_0":"b"}}}"#,
        #"{"x":{"text":{"_0":1,"_0":"a"}}}"#,
        #"{"x":{"classification":{"_0":2},"classification":{"_0":3}}}"#,
        #"{"x":{"classification":{"_0":1}},"y":{"skipped":{}},"x":{"skipped":{}}}"#,
        #"{"x":{"files":{"_0":[{"sha256":"a","fileName":"f","size":1,"size":2,"addedAt":"t"}]}}}"#,
        #"{"x":{"person":{"_0":{"name":"a","name":"b"}}}}"#,
        #"{"x":{"person":{"_0":{"login":"l","login":"m","name":"b"}}}}"#,
        #"{"x":{"people":{"_0":[{"name":"a","login":"l","login":"m"}]}}}"#,
        // Two keys that are one String: é precomposed and as e with an accent.
        "{\"\u{E9}\":{\"text\":{\"_0\":\"a\"}},\"e\u{301}\":{\"text\":{\"_0\":\"b\"}}}",
    ])
    func aTextTheEncoderNeverWritesIsLeftToTheDecoder(text: String) {
        #expect(StoredAnswers.read(text) == nil)
        #expect(StoredAnswers.inOrder(text) == nil)
        let decoded = try? JSONDecoder().decode(Answers.self, from: Data(text.utf8))
        let read = try? SQLStore.decoded(Answers.self, text, of: "application/1")
        #expect(read == decoded)
    }

    /// Texts at the edges of JSON: numbers written otherwise, escapes, lone surrogates, keys in
    /// other forms, a mark of byte order, spaces, trailing commas and garbage. Where the fast way
    /// reads one, the decoder reads it too, to the same answers and the same bytes once encoded.
    @Test(arguments: [
        #"{"x":{"classification":{"_0":1.0}}}"#,
        #"{"x":{"classification":{"_0":1e0}}}"#,
        #"{"x":{"classification":{"_0":1.5e1}}}"#,
        #"{"x":{"classification":{"_0":-0}}}"#,
        #"{"x":{"classification":{"_0":01}}}"#,
        #"{"x":{"classification":{"_0":+1}}}"#,
        #"{"x":{"classification":{"_0":"1"}}}"#,
        #"{"x":{"classification":{"_0":true}}}"#,
        #"{"x":{"classification":{"_0":9223372036854775807}}}"#,
        #"{"x":{"files":{"_0":[{"sha256":"a","fileName":"f","size":-0,"addedAt":"t"}]}}}"#,
        #"{"x":{"files":{"_0":[{"sha256":"a","fileName":"f","size":9223372036854775807,"addedAt":"t"}]}}}"#,
        #"{"x":{"files":{"_0":[{"sha256":"a","fileName":"f","size":9223372036854775808,"addedAt":"t"}]}}}"#,
        #"{"x":{"files":{"_0":[{"sha256":"a","fileName":"f","size":-9223372036854775808,"addedAt":"t"}]}}}"#,
        #"{"x":{"files":{"_0":[{"sha256":"a","fileName":"f","size":18446744073709551616,"addedAt":"t"}]}}}"#,
        #"{"x":{"files":{"_0":[{"sha256":"a","fileName":"f","size":1e3,"addedAt":"t"}]}}}"#,
        #"{"x":{"flag":{"_0":"true"}}}"#,
        #"{"x":{"flag":{"_0":0}}}"#,
        #"{"x":{"text":{"_0":true}}}"#,
        #"{"x":{"text":{"_0":null}}}"#,
        #"{"x":{"text":{"_0":{}}}}"#,
        #"{"x":{"person":{"_0":{}}}}"#,
        #"{"x":{"people":{"_0":[null]}}}"#,
        #"{"x":{"skipped":{},"skipped":{}}}"#,
        #"{"x":{"skipped":[]}}"#,
        #"{"x":{"text":{"_0":"\u0000"}}}"#,
        #"{"x":{"text":{"_0":"\ud83d\ude00"}}}"#,
        #"{"x":{"text":{"_0":"\ud83d"}}}"#,
        #"{"x":{"text":{"_0":"\ude00"}}}"#,
        #"{"x":{"text":{"_0":"\ude00\ud83d"}}}"#,
        #"{"x":{"text":{"_0":"\ud800\u0041"}}}"#,
        #"{"\ud800":{"skipped":{}}}"#,
        #"{"x":{"text":{"_0":"\/ \" \\ : \":"}}}"#,
        #"{"x:":{"text":{"_0":"\\"}},"y":{"text":{"_0":"\\\":"}}}"#,
        #"{"x":{"text":{"_0":"\u00e9 e\u0301"}}}"#,
        #"{"x":{"text":{"\u005f0":"a"}}}"#,
        #"{"x":{"\u0074ext":{"_0":"a"}}}"#,
        "{\"e\u{301}\":{\"text\":{\"_0\":\"e\u{301}\"}}}",
        "{\"x\":{\"te\u{301}xt\":{\"_0\":\"b\"}}}",
        "{\"x\":{\"text\":{\"_0\":\"a\u{1}\"}}}",
        "{\"x\":{\"text\":{\"_0\":\"a\nb\"}}}",
        "{\"x\":{\"text\":{\"_0\":\"a\u{7F}\u{2028}\"}}}",
        "\u{FEFF}{\"x\":{\"skipped\":{}}}",
        " {\"x\":{\"skipped\":{}}} ",
        "\n\t{\"x\" : {\"flag\" :{ \"_0\" : false } } }\r\n",
        "{\"x\":{\"skipped\":{}}} x",
        "{\"x\":{\"skipped\":{}}}{}",
        "{\"x\":{\"skipped\":{}},}",
        "{\"x\":{\"list\":{\"_0\":[\"a\",]}}}",
        "{'x':{\"skipped\":{}}}",
        "{x:{\"skipped\":{}}}",
        "/*c*/{\"x\":{\"skipped\":{}}}",
        "{\"x\":{\"skipped\":{}}}\u{0}",
        "\u{0}{\"x\":{\"skipped\":{}}}",
        "{}",
        "",
    ])
    func whatTheFastWayReadsTheDecoderReadsAlike(text: String) throws {
        let decoded = try? JSONDecoder().decode(Answers.self, from: Data(text.utf8))
        if let inOrder = StoredAnswers.inOrder(text) {
            #expect(Self.sameAnswers(inOrder, try #require(StoredAnswers.read(text))))
        }
        if let read = StoredAnswers.read(text) {
            let decoded = try #require(decoded)
            #expect(read == decoded)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            #expect(try encoder.encode(read) == encoder.encode(decoded))
        }
        #expect((try? SQLStore.decoded(Answers.self, text, of: "application/1")) == decoded)
    }

    /// An alert's message, as the encoder writes it, is read without the decoder; any other
    /// text is the decoder's, and what either reads they read alike.
    @Test(arguments: [
        #"{"ja":"サービスが停止されました","en":"The service was stopped"}"#,
        #"{"en":"b","ja":"a"}"#,
        #"{"ja":"\"引用\" \\ \u3042 \ud83d\ude00","en":""}"#,
        #"{"ja":"a"}"#,
        #"{"ja":"a","en":"b","x":"c"}"#,
        #"{"ja":"a","ja":"b","en":"c"}"#,
        #"{"ja":1,"en":"b"}"#,
        #"{"ja":null,"en":"b"}"#,
        #"{"ja":"a","en":"b"} "#,
        #"{"ja":"\ud800","en":"b"}"#,
        #"["a","b"]"#,
        "",
    ])
    func anAlertsMessageReadsAsTheDecoderReadsIt(text: String) {
        let decoded = try? JSONDecoder().decode(Localized.self, from: Data(text.utf8))
        if let read = StoredAnswers.localized(text) { #expect(read == decoded) }
        #expect((try? SQLStore.decoded(Localized.self, text, of: "alert/1")) == decoded)
    }

    @Test func anAlertsMessageTheEncoderWroteIsReadWithoutTheDecoder() throws {
        let message = Localized("「引用」\\ \"x\" 😀", "quoted \"x\"\n")
        let text = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
        #expect(StoredAnswers.localized(text) == message)
    }
}
