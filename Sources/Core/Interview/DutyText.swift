import Foundation

/// What the shell says around the duties and events of section 6.
public enum DutyText {
    public static func recorded(_ kind: DutyKind, _ record: ApplicationRecord) -> Localized {
        Localized("申請番号 \(record.id) の「\(kind.title.ja)」を記録しました。", "Recorded “\(kind.title.en)” for application \(record.id).")
    }
    public static func stopped(_ record: ApplicationRecord) -> Localized {
        Localized(
            "申請番号 \(record.id)（\(record.service)）の利用を停止しました。利用者と利用責任者に通知しました。代替サービス：\(record.currentAlternative)。yakkan terminate \(record.id) で終了確認書を作成してください。",
            "Stopped application \(record.id) (\(record.service)); its users and the 利用責任者 are told. Alternative: \(record.currentAlternative). Now fill in the termination form: yakkan terminate \(record.id).")
    }
    /// How many people an event reached in yakkan, and who must be told by other means.
    public static func alerted(_ alerts: [Alert]) -> Localized {
        let reached = Set(alerts.filter { $0.kind != .tellOtherwise }.compactMap(\.recipientLogin)).count
        return Localized("\(reached)人に通知しました。", "\(reached) people were alerted.") + toldOtherwise(alerts)
    }

    /// Users not in the directory: the 利用責任者 was asked to tell them.
    static func toldOtherwise(_ alerts: [Alert]) -> Localized {
        var unlisted: [String] = []
        for name in alerts.filter({ $0.kind != .tellOtherwise && $0.recipientLogin == nil }).compactMap(\.recipientName) where !unlisted.contains(name) {
            unlisted.append(name)
        }
        guard !unlisted.isEmpty else { return Localized("", "") }
        let names = unlisted.joined(separator: "、")
        return alerts.contains { $0.kind == .tellOtherwise }
            ? Localized(
                "名簿にない利用者（\(names)）にはお知らせが届かないため、利用責任者に別の方法で伝えるよう依頼しました。",
                " Users not in the directory (\(names)) get no alert; the 利用責任者 was asked to tell them by other means.")
            : Localized(
                "名簿にない利用者（\(names)）にはお知らせが届きません。この課には利用責任者がいないため、別の方法で伝えてください。",
                " Users not in the directory (\(names)) get no alert, and this 課 has no 利用責任者: tell them by other means.")
    }

    public static func incidentElsewhereRecorded(_ affected: [ApplicationRecord], alerts all: [Alert]) -> Localized {
        let alerts = Set(all.filter { $0.kind != .tellOtherwise }.compactMap(\.recipientLogin)).count
        return affected.isEmpty
            ? Localized("記録しました。該当する利用中のサービスはありません。以後の申請の確認事項6で表示されます。",
                        "Recorded. No service in use is concerned; it will be shown at check 6 of later applications.")
            : Localized(
                "記録しました。該当する利用中のサービス \(affected.count) 件（" + affected.map { "申請\($0.id)" }.joined(separator: "、") + "）の利用者・サービス管理担当者 \(alerts) 人に注意喚起しました。",
                "Recorded. \(affected.count) service(s) in use are concerned (" + affected.map { "#\($0.id)" }.joined(separator: ", ") + "); \(alerts) users and managers were alerted.")
                + toldOtherwise(all)
    }
    public static let incidentRecorded = Localized(
        "インシデントを記録し、利用責任者に通知しました。", "The incident is recorded and the 利用責任者 told.")
    public static func continued(_ stop: Bool) -> Localized {
        stop ? Localized("利用の停止を記録しました。終了の手続きが必要です。", "Recorded the stop; the service must now be terminated.")
            : Localized("継続を記録しました。", "Recorded that the service continues.")
    }
    public static func choice(_ kind: DutyKind) -> Localized {
        kind.title + Localized("（\(kind.section)）", " (\(kind.section))")
    }

    /// The alerts a person says they have read: numbers from 1, or all; nil when that is not a choice.
    public static func chosenAlerts(_ text: String, count: Int) -> [Int]? {
        if ["all", "すべて", "全部"].contains(text) { return Array(0..<count) }
        let numbers = ListInput.items(text.replacingOccurrences(of: " ", with: ",")).compactMap(Int.init)
        guard !numbers.isEmpty, numbers.allSatisfy({ (1...count).contains($0) }) else { return nil }
        return numbers.map { $0 - 1 }
    }

    /// A duty picked by its number in the list, or by name (backup, バックアップ…).
    public static func pickDuty(_ text: String) -> Result<DutyKind, Localized> {
        let folded = InputLine.halfwidthASCII(text).trimmingCharacters(in: .whitespaces)
        let kinds = DutyKind.recordable
        if let number = Int(folded), kinds.indices.contains(number - 1) { return .success(kinds[number - 1]) }
        return DutyKind.named(folded).map { .success($0) } ?? .failure(ReviewText.notInInbox(folded))
    }

    public static let chooseDuty = Localized("記録する項目を選んでください：", "Choose what to record:")
    public static let noAlerts = Localized("未確認のお知らせはありません。", "There are no alerts to acknowledge.")
    public static let acknowledgePrompt = Localized(
        "確認したお知らせの番号を入力してください（all：すべて、Enter：終了）。", "Which alerts have you read? (numbers, all, or Enter to finish)")
    public static func acknowledgedAlerts(_ count: Int) -> Localized {
        Localized("\(count)件のお知らせを確認済みにしました。", "Marked \(count) alert(s) as read.")
    }
    public static let noSuchAlert = Localized("その番号のお知らせはありません。", "There is no such alert.")
    /// Why the calendar file could not be written, from the system's error number.
    public static func calendarNotWritten(_ path: String, _ code: Int32) -> Localized {
        let reason: Localized
        switch code {
        case EACCES, EPERM, EROFS:
            reason = Localized("そのフォルダに書き込む権限がありません", "you may not write in that folder")
        case ENOENT, ENOTDIR:
            reason = Localized("そのフォルダがありません", "that folder does not exist")
        case ENOSPC, EDQUOT, EFBIG:
            reason = Localized("ディスクがいっぱいです", "the disk is full")
        case EISDIR:
            reason = Localized("そこはフォルダです", "it is a folder")
        default:
            reason = Localized("エラー番号 \(code)", "error number \(code)")
        }
        return Localized(
            "\(path) に書き出せませんでした（\(reason.ja)）。書き込めるフォルダのファイル名を --output に指定してください（例：--output ~/yakkan.ics）。",
            "Could not write \(path) (\(reason.en)). Give --output a file in a folder you can write (e.g. --output ~/yakkan.ics).")
    }

    public static func calendarWritten(_ count: Int, _ path: String) -> Localized {
        Localized("\(count)件の予定を \(path) に書き出しました。", "Wrote \(count) event(s) to \(path).")
    }
}
