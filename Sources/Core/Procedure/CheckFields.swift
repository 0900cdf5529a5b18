/// Turns one check of a form into its questions. Both forms (利用申請書, 終了確認書) use it.
public enum CheckFields {
    public static func fields(for item: CheckItem, formName: Localized) -> [Field] {
        let markID = item.markID
        let number = Localized("確認事項\(item.number)", "Check \(item.number)")
        return [
            Field(
                markID,
                label: number,
                question: Localized("確認事項\(item.number)：", "Check \(item.number): ") + item.text,
                help: item.help + Localized("\n凡例：", "\nMarks: ") + ProcedureScope.document.markLegend + Localized(
                    "（o・x・- や はい・いいえ・該当なし でも入力できます）", " (o, x, - and yes, no, na work too)"),
                kind: .mark,
                dependsOn: item.dependsOn,
                rules: item.markRules,
                defaultValue: item.defaultMark,
                preambleRule: item.preamble),
            Field(
                item.proceedID,
                label: number + Localized("（×のまま続行）", " (go on with ×)"),
                question: Localized(
                    "×の確認事項があると、この\(formName.ja)は承認されません。それでも続けますか？（いいえ：ここで中断し下書きを残します）",
                    "With a × on any check this \(formName.en) cannot be approved. Go on anyway? (no: stop here and keep the draft)"),
                help: Localized(
                    "利用責任者は×のある\(formName.ja)を承認できません。対策を確かめ直してから○にするか、このまま記録として提出するかを選びます。",
                    "The 利用責任者 cannot approve a \(formName.en) with a ×. Either check the measure again and change the mark, or go on and submit it as a record."),
                kind: .proceed,
                askedWhen: { $0[markID]?.mark == .no },
                dependsOn: [markID]),
            Field(
                item.noteID,
                label: number + Localized("（備考）", " (note)"),
                question: Localized(
                    "確認事項\(item.number)の備考（確かめた方法や理由）",
                    "A note on check \(item.number) (how you checked, or why)"),
                help: Localized(
                    "どの資料や画面で確かめたかを書いておくと、利用責任者のダブルチェックが早くなります。／（該当なし）のときは理由が必要です。",
                    "Saying where you checked speeds up the 利用責任者's double check. For ／ (not applicable) a reason is required."),
                kind: .text(minimumLength: 1),
                optional: { $0[markID]?.mark != .notApplicable },
                dependsOn: [markID],
                defaultValue: item.defaultNote),
            Field(
                item.evidenceID,
                label: number + Localized("（確認資料）", " (evidence)"),
                question: Localized(
                    "確認事項\(item.number)の確認できる資料のファイル（画面コピー等でも可）",
                    "Files showing check \(item.number) (screenshots are fine)"),
                help: Localized(
                    "様式は「確認できる資料を添付のこと（画面コピー等でも可）」としています。ファイルのパスを空白で区切って入力します。ファイルは保管庫に複写されるので、元のファイルを消しても記録は残ります。",
                    "The form asks for supporting material (screenshots are fine). Enter file paths separated by spaces; they are copied into the store, so the record stays even if the originals are deleted."),
                example: Localized("screenshots/https.png", "screenshots/https.png"),
                kind: .files,
                optional: { answers in !item.requiresEvidence || answers[markID]?.mark != .yes },
                dependsOn: [markID]),
        ]
    }
}
