/// What the shell says about the terms: a check's results, the last check of a service (in
/// the quarterly review, `show` and the printed form), and the change as evidence.
public enum TermsCheckText {
    public static func outcome(_ result: TermsRecord.Result) -> Localized {
        switch result.outcome {
        case .kept: return Localized("保管しました（比較の基準）", "kept (the text later checks compare with)")
        case .unchanged: return Localized("変更なし", "unchanged")
        case .changed: return Localized("変更あり", "changed")
        case .unreachable: return Localized("取得できません：", "unreachable: ") + (result.failure?.text ?? Localized("", ""))
        }
    }

    static func heading(_ application: ApplicationRecord, _ address: String) -> Localized {
        Localized("申請番号 \(application.id)（\(application.service)）\(address)", "Application \(application.id) (\(application.service)) \(address)")
    }

    /// One line a result, with the difference under a change.
    public static func lines(_ report: TermsChecker.Report) -> [(Localized, isChange: Bool)] {
        var out: [(Localized, Bool)] = []
        for line in report.lines {
            let head = heading(line.application, line.address) + Localized("：", ": ")
            switch line.outcome {
            case .recorded(let result):
                out.append((head + outcome(result), result.outcome == .changed || result.outcome == .unreachable))
                out += result.diff.map { (Localized("    " + $0, "    " + $0), false) }
            case .alreadyToday(let result):
                out.append((head + Localized("本日取得済みのため再取得しません（", "fetched already today, not asked for again (")
                    + outcome(result) + Localized("）", ")"), false))
            case .notRecorded(let failure):
                out.append((head + failure.text, true))
            }
        }
        return out
    }

    public static let noNetwork = Localized(
        "どのアドレスにも接続できませんでした。ネットワークがないようです。何も記録していません。インターネットにつながらない端末では、保存した約款のファイルを yakkan terms check 番号 --file ファイル で比べられます。",
        "No address could be reached: there seems to be no network. Nothing was recorded. On a machine without internet access, compare a saved copy with yakkan terms check ID --file COPY.")
    /// Like the server's client library (ServerText.noClientLibrary): needed by this command alone.
    public static func noClientLibrary(_ library: String) -> Localized {
        Localized(
            "約款を取得するためのライブラリ libcurl（\(library)）がありません。何も記録していません。scripts/setup を実行するか、apt-get install libcurl4 で入れてください。保存した約款のファイルは yakkan terms check 番号 --file ファイル で比べられます。",
            "The library that fetches the terms, libcurl (\(library)), is not installed. Nothing was recorded. Run scripts/setup, or apt-get install libcurl4. A saved copy can be compared with yakkan terms check ID --file COPY.")
    }
    public static let nothingToCheck = Localized(
        "約款の掲載アドレスがある利用中のサービスはありません。", "No service in use names the address of its terms.")
    public static func noAddress(_ application: ApplicationRecord) -> Localized {
        Localized(
            "申請番号 \(application.id) には約款の掲載アドレスがありません。保存した約款は --file で比べられます。",
            "Application \(application.id) names no address of its terms; a saved copy can be compared with --file.")
    }
    public static let fileNeedsOneService = Localized(
        "--file は申請番号を1つだけ指定して使います。", "--file is used with exactly one application number.")
    public static let httpForAdministrators = Localized(
        "--allow-http（https 以外のアドレスの取得）は管理者だけが指定できます。", "Only an administrator may give --allow-http (fetching addresses that are not https).")
    public static func fileUnreadable(_ path: String) -> Localized {
        Localized("ファイル「\(path)」を読めません。", "The file “\(path)” cannot be read.")
    }
    public static func alerted(_ count: Int) -> Localized {
        Localized(
            "変更を利用責任者（継続の判断）とサービス管理担当者に通知しました（\(count)件）。",
            "The change was sent to the 利用責任者 (to decide whether to continue) and the service manager (\(count) alerts).")
    }

    /// The last check of each address, for the quarterly review, `show` and the printed form.
    public static func lastChecks(_ application: ApplicationRecord) -> [Localized] {
        let latest = TermsRecord.latest(application)
        guard !latest.isEmpty else {
            return TermsAddress.of(application.answers).isEmpty
                ? []
                : [Localized("約款の確認：まだありません（yakkan terms check \(application.id)）",
                             "Terms check: none yet (yakkan terms check \(application.id))")]
        }
        return latest.flatMap { result -> [Localized] in
            let kept = TermsRecord.kept(application, address: result.address)
            var lines = [
                Localized("約款 \(result.address)", "Terms \(result.address)"),
                Localized("  最終確認：\(JapaneseDate.wareki(result.day))　結果：", "  Last checked: \(JapaneseDate.english(result.day)) · result: ")
                    + outcome(result),
            ]
            if let kept {
                lines.append(Localized("  保管している本文の SHA-256：\(kept.sha256)", "  SHA-256 of the text kept: \(kept.sha256)"))
            }
            return lines
        }
    }

    /// The newest change found, with its difference: the evidence of the 6(1) decision.
    public static func latestChange(_ application: ApplicationRecord) -> [Localized] {
        guard let change = TermsRecord.history(application).last(where: { $0.outcome == .changed }) else { return [] }
        return [
            Localized(
                "約款の変更（\(JapaneseDate.wareki(change.day))の確認、\(change.address)）：",
                "The change of the terms (check of \(JapaneseDate.english(change.day)), \(change.address)):"),
        ] + change.diff.map { Localized("    " + $0, "    " + $0) }
    }

    /// A recorded check in the service's history: each address, its result and hash, and
    /// what changed.
    static func details(_ record: DutyRecord, _ language: Language) -> [String] {
        TermsRecord.results(of: record).flatMap { result -> [String] in
            let origin = result.origin == TermsObservation.fetched ? "" : (language == .ja ? "（保存したファイル \(result.origin)）" : " (saved copy \(result.origin))")
            var lines = [result.address + origin + (language == .ja ? "：" : ": ") + outcome(result)(language)]
            if let hash = result.textSHA256 { lines.append("SHA-256 " + hash) }
            return lines + result.diff.map { "  " + $0 }
        }
    }

    public static let offerCopy = Localized(
        "インターネットにつながらない端末では、保存した約款を yakkan terms check 番号 --file ファイル で比べてから記録できます。",
        "On a machine without internet access, compare a saved copy first: yakkan terms check ID --file COPY.")
}
