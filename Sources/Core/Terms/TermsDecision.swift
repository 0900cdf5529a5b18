/// What a terms check means, decided from the text kept in the record: the only place where
/// a change is told from no change, so the shell, the store and verify agree.
public enum TermsDecision {
    /// Who checks: the service manager, a 利用責任者 of the 課, or an administrator (the daily
    /// timer's account); on a service approved or in use.
    public static func mayCheck(_ application: ApplicationRecord, login: String, member: StaffMember?) -> Localized? {
        if member?.isAdministrator != true, let refusal = DutyRules.mayRecord(login: login, member: member, application: application) {
            return refusal
        }
        return application.status == .inUse || application.status == .approved ? nil : DutyRules.notInUse(application)
    }

    public static func results(_ observations: [TermsObservation], on application: ApplicationRecord, day: Day) throws -> [TermsRecord.Result] {
        try observations.map { seen in
            if let failure = seen.failure {
                return TermsRecord.Result(
                    address: seen.address, origin: seen.origin, outcome: .unreachable, textSHA256: nil, sourceSHA256: nil, text: nil,
                    diff: [], failure: failure, day: day)
            }
            guard let hash = seen.textSHA256 else { throw StoreError.refused([missingText]) }
            if let text = seen.text, TermsObservation.sha256(text) != hash { throw StoreError.refused([hashDiffers]) }
            let kept = TermsRecord.kept(application, address: seen.address)
            if let kept, kept.sha256 == hash {
                return TermsRecord.Result(
                    address: seen.address, origin: seen.origin, outcome: .unchanged, textSHA256: hash, sourceSHA256: seen.sourceSHA256,
                    text: nil, diff: [], failure: nil, day: day)
            }
            guard let text = seen.text else { throw StoreError.refused([missingText]) }
            return TermsRecord.Result(
                address: seen.address, origin: seen.origin, outcome: kept == nil ? .kept : .changed, textSHA256: hash,
                sourceSHA256: seen.sourceSHA256, text: text, diff: kept.map { TermsDiff.lines(from: $0.text, to: text) } ?? [],
                failure: nil, day: day)
        }
    }

    public static func record(_ results: [TermsRecord.Result], on application: ApplicationRecord, by login: String, at timestamp: String, day: Day) -> DutyRecord {
        DutyRecord(
            applicationID: application.id, kind: .termsCheck, doneOn: day, answers: TermsRecord.answers(results, day: day),
            recordedBy: login, recordedAt: timestamp)
    }

    /// A change of a service in use opens the 6(1) decision for the 利用責任者 and tells the
    /// サービス管理担当者.
    public static func alerts(_ results: [TermsRecord.Result], on application: ApplicationRecord, _ directory: Directory, at timestamp: String) -> [Alert] {
        let changed = results.filter { $0.outcome == .changed }.map(\.address)
        guard !changed.isEmpty, application.status == .inUse else { return [] }
        return Notifications.termsChanged(application, addresses: changed.joined(separator: " "), directory, at: timestamp)
    }

    static let typedCheck = Localized(
        "約款の確認は yakkan terms check で記録します。", "A terms check is recorded by yakkan terms check.")
    static let missingText = Localized("約款の本文がありません。", "The text of the terms is missing.")
    static let hashDiffers = Localized("約款の本文とその SHA-256 が一致しません。", "The text of the terms does not match its SHA-256.")
}
