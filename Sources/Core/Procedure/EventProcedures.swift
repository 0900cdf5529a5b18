/// The ids of the event forms' fields.
public enum EventFields {
    public static let provider = "event.provider"
    public static let service = "event.service"
    public static let occurredOn = "event.occurred_on"
    public static let what = "event.what"
    public static let source = "event.source"
    public static let action = "event.action"
    public static let reason = "event.reason"
    public static let decision = "event.decision"
}

/// The short forms of section 6's events: an incident elsewhere (6(7)), an incident with a
/// service in use (6(8)), a stop (6(2)), and the 利用責任者's decision after a change (6(1)).
public enum EventProcedures {
    typealias E = EventFields

    static func occurredOn(_ today: Day) -> Field {
        Field(
            E.occurredOn,
            label: Localized("発生日", "Occurred on"),
            question: Localized("発生した日（わかった日）を入力してください。", "When did it happen (or become known)?"),
            help: Localized("2026-04-01、令和8年4月1日、R8.4.1 のように入力します。", "Write it as 2026-04-01, 令和8年4月1日 or R8.4.1."),
            kind: .date,
            rules: [{ value, _ in
                (value.date ?? today) > today ? Localized("未来の日付は入力できません。", "A day in the future cannot be recorded.") : nil
            }],
            defaultValue: { _, context in .date(context.today) })
    }

    /// `inUse`: the services in use, so that the person sees which the incident will reach,
    /// as it is typed, before it is recorded.
    public static func incidentElsewhere(today: Day, inUse: [ApplicationRecord] = []) -> Procedure {
        Procedure(id: "incident.elsewhere", title: Localized("他組織のインシデント", "Incident elsewhere"), fields: [
            Field(
                E.provider,
                label: Localized("提供会社名", "Provider"),
                question: Localized("インシデントが起きたサービスの提供会社名を入力してください。", "The provider of the service that had the incident."),
                help: Localized(
                    "手順書6(7)：他組織で外部サービス利用に関するインシデントが発生した場合、利用者に注意喚起します。同じ提供会社またはサービスを利用中のものすべてに通知します。",
                    "Section 6(7): when another organisation has an incident with such a service, alert the users. Every service in use from the same provider or with the same name is alerted."),
                example: Localized("Example Storage株式会社", "Example Storage Inc."),
                kind: .text(minimumLength: 1)),
            Field(
                E.service,
                label: Localized("サービス名", "Service"),
                question: Localized("サービス名（わかれば）", "The service name (if known)"),
                help: Localized(
                    "省略すると提供会社名だけで照合します。会社名・サービス名は一部だけでも、株式会社などを省いても、全角・半角どちらでも照合します。",
                    "Left empty, services are matched by provider only. Part of a name works, without Inc. and the like, in either width."),
                kind: .text(minimumLength: 1),
                optional: { _ in true },
                notices: [{ _, answers in
                    ProviderNames.candidatesNotice(
                        provider: answers[E.provider]?.text ?? "", service: answers[E.service]?.text ?? "", inUse: inUse)
                }]),
            occurredOn(today),
            Field(
                E.what,
                label: Localized("内容", "What happened"),
                question: Localized("何が起きたかを入力してください。", "What happened?"),
                help: Localized("情報漏えい、不正アクセス、長時間の停止など。", "A leak, a break-in, a long outage…"),
                kind: .text(minimumLength: 5)),
            Field(
                E.source,
                label: Localized("情報源", "Source"),
                question: Localized("どこで知りましたか？（報道、事業者の発表など）", "Where was it learnt? (news, the provider's notice…)"),
                help: Localized("記録として残り、以後の申請の確認事項6で表示されます。", "It is kept, and shown at check 6 of later applications for this provider."),
                kind: .text(minimumLength: 2)),
        ])
    }

    public static func ownIncident(today: Day) -> Procedure {
        Procedure(id: "incident.own", title: Localized("インシデントの報告", "Incident report"), fields: [
            occurredOn(today),
            Field(
                E.what,
                label: Localized("内容", "What happened"),
                question: Localized("何が起きたかを入力してください。", "What happened?"),
                help: Localized(
                    "手順書6(8)：情報セキュリティインシデントが発生した場合、情報セキュリティ対策基準に基づき速やかに対処します。報告は利用責任者にすぐ届きます。",
                    "Section 6(8): handle an incident promptly under the security standards. The 利用責任者 sees this report at once."),
                kind: .text(minimumLength: 5)),
            Field(
                E.action,
                label: Localized("対応", "Action taken"),
                question: Localized("どう対処しましたか（または対処中ですか）？", "What was done (or is being done) about it?"),
                help: Localized("パスワードの変更、共有の停止、事業者への連絡など。", "Changing passwords, stopping sharing, contacting the provider…"),
                kind: .text(minimumLength: 2)),
        ])
    }

    public static let overseasReason = Localized(
        "海外のサーバ・ネットワークを経由することが判明したため（手順書6(2)）",
        "It was found to go through servers or networks abroad (section 6(2))")

    public static func stop() -> Procedure {
        Procedure(id: "stop", title: Localized("利用の停止", "Stop"), fields: [
            Field(
                E.reason,
                label: Localized("停止の理由", "Reason"),
                question: Localized("停止する理由を入力してください。", "Why is it stopped?"),
                help: Localized(
                    "手順書6(2)：海外のサーバ及びネットワークを経由する場合、国内法の適用外となる可能性があるため、直ちに利用を停止します。停止は利用者と利用責任者に通知されます。",
                    "Section 6(2): a service that goes abroad may fall outside Japanese law, so its use stops at once. The users and the 利用責任者 are told."),
                kind: .text(minimumLength: 2),
                defaultValue: { _, context in .text(overseasReason(context.language)) }),
        ])
    }

    public static func continuation() -> Procedure {
        Procedure(id: "continuation", title: Localized("継続の判断", "Continuation"), fields: [
            Field(
                E.decision,
                label: Localized("判断", "Decision"),
                question: Localized("このサービスの利用を継続しますか、停止しますか？（継続／停止）", "Continue using the service, or stop it? (continue / stop)"),
                help: Localized(
                    "手順書6(1)：サービス内容に変更があった場合、利用責任者が継続の可否を検討します。停止すると終了の手続きが必要になります。",
                    "Section 6(1): after a change the 利用責任者 decides whether to continue. A stopped service must then be terminated."),
                kind: .choice([
                    ChoiceOption("continue", label: Localized("継続", "continue"), typed: ["続ける", "c"]),
                    ChoiceOption("stop", label: Localized("停止", "stop"), typed: ["やめる", "s"]),
                ])),
            Field(
                E.reason,
                label: Localized("理由", "Reason"),
                question: Localized("判断の理由を入力してください。", "The reason for the decision."),
                help: Localized("サービス管理担当者に伝わり、記録に残ります。", "The service manager is told; it is kept on record."),
                kind: .text(minimumLength: 2)),
        ])
    }
}
