import Foundation

/// What the server refused or failed to do, with PostgreSQL's SQLSTATE: the code says what
/// kind of fault it is, the message only says it to a DBA.
public struct PostgresFault: Error, Equatable, Sendable {
    public let sqlState: String
    public let message: String
    public let detail: String
    public let hint: String

    public init(sqlState: String, message: String, detail: String = "", hint: String = "") {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
    }

    /// libpq's own code for a connection that could not be made or was lost.
    static let connectionLost = "08006"
    static let cannotConnectState = "08001"
    /// Not the server's: libpq itself is not installed on this machine.
    static let noClientLibrary = "YK500"
    /// The codes yakkan's server rules raise (class YK is free for applications to use).
    public static let fourEyesRefused = "YK401"
    public static let logIsAppendOnly = "YK402"

    static func cannotConnect(address: String, reason: String) -> PostgresFault {
        PostgresFault(sqlState: cannotConnectState, message: reason, detail: address)
    }

    /// Another transaction changed the same rows at once, or the two waited on each other:
    /// running the transaction again may succeed.
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// The store's fault for it, worded and with the store's exit status (3).
    public var storeError: StoreError {
        switch sqlState {
        case Self.noClientLibrary:
            return .refused([ServerText.noClientLibrary(message)])
        case Self.cannotConnectState:
            return .cannotOpen(path: detail, reason: message)
        case Self.connectionLost:
            // libpq's own words ("server closed the connection unexpectedly… ") are for IT staff's
            // logs; the person is told the server could not be reached, in their language.
            return .serverUnreachable(address: detail)
        case "40001", "40P01", "55P03", "57014":
            return .busy
        case "53100":
            return .writeFailed
        case "XX001", "XX002":
            return .corrupt
        case Self.fourEyesRefused:
            return .refused(ServerRefusal.decode(detail))
        case Self.logIsAppendOnly:
            return .refused([ServerText.logIsAppendOnly])
        case "42501":
            return .refused([ServerText.notPermitted(message)])
        default:
            return .refused([ServerText.serverSaid(sqlState: sqlState, message: message)])
        }
    }
}

/// The reasons the server's four-eyes check gives, as JSON (see `ServerSchema`), read back
/// into the very refusals `FourEyes` words, so that both locks say the same thing.
enum ServerRefusal {
    static func decode(_ detail: String) -> [Localized] {
        guard let reasons = try? JSONDecoder().decode([[String: String]].self, from: Data(detail.utf8)), !reasons.isEmpty else {
            return [ServerText.serverSaid(sqlState: PostgresFault.fourEyesRefused, message: detail)]
        }
        return reasons.map(text)
    }

    static func text(_ reason: [String: String]) -> Localized {
        let value = { (key: String) in reason[key] ?? "" }
        switch value("refusal") {
        case "not_in_directory": return ReviewRefusal.notInDirectory(login: value("login")).text
        case "not_reviewer_of": return ReviewRefusal.notReviewerOf(department: value("department")).text
        case "is_applicant": return ReviewRefusal.isApplicant.text
        case "edited_it": return ReviewRefusal.editedIt.text
        case "is_department_head": return ReviewRefusal.isDepartmentHead(name: value("name")).text
        case "not_awaiting_review" where value("form") == Decision.Form.termination.rawValue:
            return TerminationStatus(rawValue: value("status"))?.notAwaitingReview ?? ServerText.noSuchForm
        case "not_awaiting_review":
            return ApplicationStatus(rawValue: value("status")).map { ReviewRefusal.notAwaitingReview($0).text } ?? ServerText.noSuchForm
        case "not_the_login": return ServerText.decidedForAnother(named: value("reviewer"), login: value("login"))
        default: return ServerText.serverSaid(sqlState: PostgresFault.fourEyesRefused, message: reason.description)
        }
    }
}

/// What yakkan says of the server's own refusals and faults.
public enum ServerText {
    static let logIsAppendOnly = Localized(
        "監査記録は追記のみです。サーバーが記録の変更・削除を拒否しました。",
        "The audit log is append-only: the server refused to change or remove an entry.")
    static let noSuchForm = Localized(
        "確認する様式がサーバーにありません。", "The server has no such form to review.")

    static func noClientLibrary(_ library: String) -> Localized {
        Localized(
            "PostgreSQL のクライアントライブラリ（\(library)）がありません。scripts/setup を実行するか、apt-get install libpq5 で入れてください。",
            "PostgreSQL's client library (\(library)) is not installed. Run scripts/setup, or apt-get install libpq5.")
    }

    static func notInitialised(_ address: String, missing: [String]) -> Localized {
        Localized(
            "サーバーの保管庫（\(address)）のスキーマが最新ではありません（未適用：\(missing.joined(separator: ", "))）。情報システム担当者に yakkan store init \(address) を実行してもらってください。",
            "The store on the server (\(address)) lacks part of its schema (\(missing.joined(separator: ", "))). Ask IT staff to run yakkan store init \(address).")
    }

    static func notPermitted(_ message: String) -> Localized {
        Localized(
            "サーバーがこの操作を許しませんでした（\(message)）。あなたのログインに yakkan_staff（管理者は yakkan_admin）の役割があるか、情報システム担当者に確認してください。",
            "The server does not allow this (\(message)). Ask IT staff whether your login has the role yakkan_staff (yakkan_admin for administrators).")
    }

    static func decidedForAnother(named: String, login: String) -> Localized {
        Localized(
            "判断には \(named) と書かれていますが、サーバーが認証したのは \(login) です。判断は本人のログインでしか記録できません。",
            "The decision names \(named), but the server authenticated \(login): a decision is recorded only under its reviewer's own login.")
    }

    static func serverSaid(sqlState: String, message: String) -> Localized {
        Localized(
            "サーバーが処理を拒否しました（SQLSTATE \(sqlState)：\(message)）。続くときは情報システム担当者に連絡してください。",
            "The server refused (SQLSTATE \(sqlState): \(message)). If it goes on, tell IT staff.")
    }
}
