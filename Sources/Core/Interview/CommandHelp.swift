/// The command line's help, in both languages side by side, as ArgumentParser shows one text.
public enum CommandHelp {
    public static let show = "申請書を様式の形で表示します / Show an application laid out like the form."
    public static let terms = "約款の確認（掲載アドレスの約款と承認時の約款の比較）/ The services' terms, compared with those kept at approval."
    public static let termsCheck = "約款を取得して比べ、変更があれば利用責任者に判断を求めます（毎日、remind と同じタイマーで）/ Fetch each service's terms and compare; a change asks the 利用責任者 to decide (daily, by remind's timer)."
    public static let termsIDs = "申請番号（省略時は掲載アドレスのある利用中のサービスすべて）/ application numbers (else every service in use naming its terms' address)"
    public static let termsFile = "手で保存した約款（HTML・PDF・テキスト）と比べる / compare a copy saved by hand (HTML, PDF or text)"
    public static let termsAddress = "--file のコピーを比べるアドレス（省略時は最初のアドレス）/ the address the --file copy stands for (else the first)"
    public static let termsAllowHTTP = "https 以外のアドレスも取得する（管理者のみ）/ fetch addresses that are not https too (administrators only)"
    public static let applicationNumber = "申請番号 / application number"
    /// What `yakkan --help` shows under the list of commands: the first things people do.
    public static let examples = """
        はじめての方は yakkan とだけ入力してください。やることと手続きの一覧が出ます。
        For a first time, type just yakkan: it lists what waits for you and every
        procedure.

        例 / Examples:
          yakkan apply
              利用申請書を作る・続ける / fill in or resume an application
          yakkan --lang en apply
              英語で / the same in English
          yakkan review
              ダブルチェック（利用責任者）/ the double check
          yakkan due
              今日のやることと30日以内の予定 / what waits for you
          yakkan incident --elsewhere
              他組織のインシデントの注意喚起 / an incident at another organisation
          yakkan list --status 利用中
              利用中のサービスの一覧 / the services in use
          yakkan show 12 --format html > 12.html
              印刷用の様式 / a printable form
          yakkan calendar --output ~/yakkan.ics
              期限をカレンダーへ / your duties into a calendar
          yakkan staff add sato --name "佐藤 花子" --department 総務課
              名簿に登録（管理者）/ add someone to the directory

        コマンドごとの説明 / Help of one command: yakkan help apply
        """
    public static let yakkan = "約款による外部サービスの利用手続きを案内します / Guides the procedure for click-through cloud services."
    public static let language = "表示言語 ja | en / interface language"
    public static let store = "保管庫のパス / path of the store (or YAKKAN_STORE)"
    public static let review = "利用責任者のダブルチェック / The 利用責任者's double check of submitted applications."
    public static let bail = "最初に受け付けられなかった回答で終了します / Exit non-zero at the first refused answer."
    public static let applicationFromInbox = "申請番号（省略時は一覧から選ぶ） / application number (else choose from the inbox)"
    public static let withdraw = "提出した申請の取り下げ（利用責任者の判断の前）/ Withdraw an application you submitted, before the 利用責任者 decides."
    public static let importServices = "利用中のサービスを表計算の CSV から台帳に取り込む（管理者）/ Register services already in use from a spreadsheet (administrators)."
    public static let importFile = "yakkan list --format csv と同じ列の CSV ファイル / a CSV file with the columns of yakkan list --format csv"
    public static let acknowledge = "サービス管理担当者による利用上のリスクの確認 / The service manager acknowledges the risks of an approved service."
    public static let apply = "利用申請書を一問ずつ作成して提出します / Fill in and submit an application, one question at a time."
    public static let list = "申請の一覧 / List the applications."
    public static let staff = "職員名簿（利用責任者・管理者）/ The staff directory: 利用責任者 and administrators."
    public static let staffAdd = "名簿に登録 / Add someone (administrators; on an empty directory, yourself)."
    public static let staffLogin = "OS のログイン名 / their operating-system login"
    public static let staffName = "氏名 / name"
    public static let staffDepartment = "所属する課 / their 課"
    public static let reviewerOfRepeatable = "利用責任者を務める課（複数可）/ a 課 they are 利用責任者 for (repeatable)"
    public static let makeAdministrator = "管理者にする / make them an administrator"
    public static let staffList = "名簿の一覧 / List the directory."
    public static let staffSetRole = "役割の変更 / Change someone's roles (administrators only, never your own)."
    public static let login = "ログイン名 / login"
    public static let reviewerOfAdding = "利用責任者を務める課を加える（ほかの課はそのまま、複数可）/ add a 課 they are 利用責任者 for, keeping the others (repeatable)"
    public static let notReviewerOf = "その課の利用責任者から外す（複数可）/ no longer 利用責任者 for this 課 (repeatable)"
    public static let noReviewer = "利用責任者の役割を外す / remove every 利用責任者 role"
    public static let deputyOf = "この課の利用責任者の代理を務める（--until まで、複数可）/ stand in as 利用責任者 of this 課 (until --until; repeatable)"
    public static let deputyUntil = "代理の最終日（例：2026-05-31、令和8年5月31日）/ the deputyship's last day (e.g. 2026-05-31)"
    public static let staffVouch = "アカウントのない職員の鍵を保証する（管理者）/ vouch for the key of someone with no account on this machine (administrators)"
    public static let staffKey = "自分の鍵の指紋を表示する / show your own key's fingerprint"
    public static let noDeputy = "代理をすべて終える / end every deputyship"
    public static let deputyUsage = "--deputy-of には --until 日付 が必要です（例：--deputy-of 総務課 --until 2026-05-31）/ --deputy-of needs --until DATE (e.g. --deputy-of 総務課 --until 2026-05-31)"
    public static let administratorFlag = "管理者にする・外す / make or unmake administrator"
    public static let newDepartment = "課の変更 / a new 課"
    public static let newName = "氏名の変更 / a new name"
    public static let staffMail = "yakkan remind が今日のやることを送るメールアドレス / the address yakkan remind mails their work to"
    public static let noMail = "メールアドレスを削除 / remove their mail address"
    public static let remind = "今日のやることとお知らせを各職員にメールで送る（cron・systemd タイマー用）/ Mail each person what is due and their alerts (for cron or a systemd timer)."
    public static let remindDryRun = "送らずに、送るメールを表示 / show the mails instead of sending them"
    public static let staffRemove = "名簿から削除 / Remove someone (administrators only)."
    public static let audit = "監査記録 / The audit trail."
    public static let auditVerify = "保管庫のファイル・連鎖・署名・すべての記録と添付ファイルを検証 / Check the file (SQLite's integrity check), the chain, every signature, record and attachment against the log."
    public static let incrementalVerify = "前回の異常なしの検証（自分の状態フォルダーに保存）から、その後に追加された記録と、それが触れたサービスだけを確かめる / Check only what was appended since your last clean verify (kept in your own state folder), and the services it touched."
    public static let acceptHead = "保管庫の今の状態を覚え直す（巻き戻しの警告を確かめた後）/ Remember the store as it is now, after a rollback warning was checked."
    public static let storeGroup = "保管庫 / The store itself."
    public static let storeInit = "保管庫を作る（フォルダも）/ Create a store at PATH, with its folder."
    public static let storePath = "保管庫のパス、またはサーバーの postgresql://…（省略時は --store、YAKKAN_STORE、既定の場所）/ path of the new store, or a server's postgresql://… (else --store, YAKKAN_STORE, the default)"
    public static let storeInitDryRun = "サーバーに接続せず、実行する SQL を表示する / Print the SQL that init runs on a server, without connecting."
    public static let storeCopy = "保管庫を空の保管庫へまるごとコピーし、コピーを検査する（SQLite から PostgreSQL へ移すとき）/ Copy a whole store into an empty one, then check the copy (to move from SQLite to PostgreSQL)."
    public static let storeCopyFrom = "コピー元：SQLite のパス、または postgresql://… / the store to copy: a SQLite path or postgresql://…"
    public static let storeCopyTo = "コピー先：空の保管庫（SQLite のパス、または store init 済みの postgresql://…、表の所有者として）/ the empty store to copy into: a SQLite path, or a postgresql://… made by store init, as its tables' owner"
    public static let auditList = "監査記録の一覧 / List the audit trail."
    public static let menu = "何をするか選ぶメニュー（既定） / A menu of what waits for you and what you can do (the default)."
    public static let due = "今日のやること（期限・お知らせ） / What is due or overdue for you, and your alerts."
    public static let dueAll = "保管庫全体（利用責任者・管理者） / The whole store (利用責任者 and administrators)."
    public static let record = "利用中の記録：内容確認・バックアップ・利用者への確認・代替サービス・情報の把握 / Record a duty of section 6."
    public static let stop = "利用を直ちに停止（海外経由など 6(2)） / Stop a service at once (section 6(2))."
    public static let stopReason = "停止の理由 / why it is stopped"
    public static let continuation = "変更後の継続・停止の判断（利用責任者 6(1)） / Decide to continue or stop after a change (section 6(1))."
    public static let incident = "インシデントの記録：利用中のサービス（番号）または他組織（--elsewhere） / Record an incident with a service in use (ID) or elsewhere (--elsewhere)."
    public static let incidentElsewhere = "他組織で発生したインシデント（6(7)） / an incident at another organisation (section 6(7))"
    public static let incidentUsage = "申請番号か --elsewhere のどちらか一方を指定してください / Give either an application number or --elsewhere."
    public static let alerts = "お知らせの確認 / Read and acknowledge your alerts."
    public static let calendar = "今後の期限を iCalendar (.ics) で書き出し / Write upcoming duties as an iCalendar file."
    public static let calendarOutput = "書き出すファイル（省略時は標準出力） / file to write (else standard output)"
    public static let terminate = "終了確認書の作成と提出（7） / Fill in and submit the termination form (section 7)."
    public static let purge = "保管期限（終了後3年）を過ぎた記録の削除・保管期限の延長（管理者） / Remove records past their retention (3 years after the end), or extend retention (administrators)."
    public static let purgeDryRun = "削除の対象を表示するだけ / only show what would be removed"
    public static let purgeHold = "保管期限を延長する申請番号 / the application whose retention to extend"
    public static let purgeUntil = "延長後の保管期限 / the new retention date"
    public static let purgeReason = "延長の理由 / why it is extended"
    public static let purgeHoldUsage = "--hold 番号 --until 日付 --reason 理由 をすべて指定してください / Give --hold ID --until DATE --reason TEXT together."
    public static let filterStatus = "状態で絞り込む（in_use,stopped など） / only these statuses (in_use,stopped…)"
    public static let filterDepartment = "課で絞り込む / only this 課"
    public static let filterProvider = "提供会社名の一部 / part of the provider's name"
    public static let filterService = "サービス名の一部 / part of the service's name"
    public static let filterClass = "重要性分類（手順書の分類名、カンマ区切り） / classifications (the procedure's labels, comma-separated)"
    public static let filterOverdue = "期限切れの義務があるもの / only services with overdue duties"
    public static let filterRetention = "保管期限を過ぎたもの / only records past their retention date"
    public static let filterPersonal = "個人情報を扱うか（yes/no） / handles personal information (yes/no)"
    public static let filterApproved = "承認日の範囲（2026-04-01..2026-06-30） / approved between (FROM..TO)"
    public static let filterText = "全文検索 / words anywhere in the records"
    public static let filterLimit = "最大件数 / at most this many"
    public static let query = "台帳の問い合わせ（対話） / Query the ledger interactively."
    public static let history = "監査記録からの履歴も表示 / also show the history from the audit trail"
    public static let demo = "デモの村を新しい保管庫に作成（架空の申請・記録1年分） / Build a lived-in demo village (a year of made-up records) in a new store."
    public static let demoPath = "作成する保管庫のパス（存在しないこと） / path of the new store (must not exist)"
    /// `yakkan list --課 総務課` works as well as `--department`.
    public static let departmentOptionInJapanese = "課"
}
