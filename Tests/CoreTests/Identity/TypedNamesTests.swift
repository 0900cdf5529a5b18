import Foundation
import Testing

@testable import Core

/// Names as colleagues type them: a family name, with 課長 or さん, in either width; a company
/// without 株式会社, or part of its name. Several that fit are offered, never guessed.
@Suite struct TypedNamesTests {
    static let staff = [
        StaffMember(login: "kimura", name: "木村 浩", department: "総務課", reviewerOf: ["総務課"]),
        StaffMember(login: "sato", name: "佐藤 花子", department: "総務課"),
        StaffMember(login: "sato2", name: "佐藤 次郎", department: "住民課"),
        StaffMember(login: "kato", name: "カトウ マコト", department: "企画課"),
    ]

    @Test(arguments: ["木村", "木村課長", "木村 課長", "木村さん", "木村課長さん", "木村　浩", "kimura", "ＫＩＭＵＲＡ", "木村浩"])
    func aFamilyNameWithOrWithoutATitleFindsThePerson(typed: String) {
        #expect(StaffLookup(Self.staff).find(typed) == .one(Self.staff[0]), "\(typed)")
    }

    @Test func halfWidthKatakanaFindsTheFullWidthName() {
        #expect(StaffLookup(Self.staff).find("ｶﾄｳ") == .one(Self.staff[3]))
        #expect(StaffLookup(Self.staff).find("カトウさん") == .one(Self.staff[3]))
    }

    @Test func aFamilyNameTwoPeopleShareOffersBoth() {
        #expect(StaffLookup(Self.staff).find("佐藤") == .several([Self.staff[1], Self.staff[2]]))
        guard case .failure(let refusal) = NamingRules.listed("佐藤さん", among: Self.staff) else {
            Issue.record("佐藤さん named one of two")
            return
        }
        #expect(refusal.ja.contains("佐藤 花子（sato, 総務課）") && refusal.ja.contains("佐藤 次郎（sato2, 住民課）"))
        // The full name still names one.
        #expect(StaffLookup(Self.staff).find("佐藤 次郎") == .one(Self.staff[2]))
    }

    @Test func nobodyIsFoundByOneCharacterOrAStranger() {
        #expect(StaffLookup(Self.staff).find("木") == .none)
        #expect(StaffLookup(Self.staff).find("田中") == .none)
        #expect(StaffLookup(Self.staff).find("課長") == .none)
    }

    @Test(arguments: [
        ("シェアボックス", "シェアボックス株式会社"), ("株式会社シェアボックス", "シェアボックス株式会社"), ("ｼｪｱﾎﾞｯｸｽ", "シェアボックス株式会社"),
        ("シェアボックス（株）", "シェアボックス株式会社"), ("㈱シェアボックス", "シェアボックス株式会社"), ("example storage", "Example Storage Inc."),
        ("ＥＸＡＭＰＬＥ　ＳＴＯＲＡＧＥ", "Example Storage株式会社"), ("Example", "Example Storage Inc."), ("Example Storage, Inc.", "Example Storage Co., Ltd."),
    ])
    func companiesAsPeopleTypeThem(typed: String, provider: String) {
        #expect(ProviderNames.fits(typed, provider), "\(typed) → \(provider)")
    }

    @Test func companiesThatAreNotTheOne() {
        #expect(!ProviderNames.fits("シェア", "ボックス株式会社"))
        #expect(!ProviderNames.fits("株式会社", "シェアボックス株式会社"), "the company form alone names no company")
        #expect(!ProviderNames.fits("S", "シェアボックス株式会社"))
        #expect(!ProviderNames.fits("Other Drive", "Example Storage Inc."))
    }
}
