/// Starting an application from another 課's approved application for the same service:
/// what it knew about the service is offered as defaults, never taken silently, and the
/// review shows what differs from it.
public enum Reuse {
    typealias F = ApplicationFields

    /// What belongs to the service rather than to this 課's use of it.
    static let serviceFields: Set<String> = [
        F.description, F.informationKinds, F.classification, F.personalInformation, F.overseas, F.alternative, F.terms, F.signupRecord,
    ]

    static func isReusable(_ id: String) -> Bool {
        serviceFields.contains(id) || ApplicationChecks.items.contains { [$0.markID, $0.noteID, $0.evidenceID].contains(id) }
    }

    /// Approved applications (approved or in use) for the same provider and service.
    public static func candidates(provider: String, service: String, in records: [ApplicationRecord]) -> [ApplicationRecord] {
        records.filter {
            ($0.status == .approved || $0.status == .inUse) && Names.same($0.provider, provider) && Names.same($0.service, service)
        }
    }

    /// The state with the source's answers about the service offered as defaults.
    public static func seed(_ state: InterviewState, from source: ApplicationRecord) -> InterviewState {
        var seeded = state
        for (id, value) in source.answers where isReusable(id) && state.answers[id] == nil {
            seeded.previous[id] = value
        }
        seeded.reusedFrom = source.id
        seeded.reusedAnswers = source.answers.filter { isReusable($0.key) }
        return seeded
    }

    public static func offer(_ source: ApplicationRecord) -> Localized {
        Localized(
            "「\(source.provider) / \(source.service)」は\(source.department)で承認済みです（申請番号 \(source.id)）。その申請のサービス内容・確認事項・添付を既定値にして始めますか？（y／n）",
            "“\(source.provider) / \(source.service)” is already approved for \(source.department) (application \(source.id)). Start from its description, checks and attachments as defaults? (y/n)")
    }

    public static func started(_ source: ApplicationRecord) -> Localized {
        Localized(
            "申請番号 \(source.id) の回答を既定値にしました。各質問で Enter を押すとその回答になります。確認資料は同じファイルが再添付されます（別のファイルを入力すれば差し替え）。",
            "Application \(source.id)'s answers are now the defaults: Enter takes each one. Evidence is attached again unless you give other files.")
    }

    public static func changed(_ source: Int64) -> Localized {
        Localized("（申請番号 \(source) から変更）", " (changed from application \(source))")
    }
}
