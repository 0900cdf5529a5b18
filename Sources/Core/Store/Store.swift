/// Everything the shell may ask of the store. SQLite now; a server database for several PCs
/// later must fit the same protocol.
public protocol Store: AnyObject, Sendable {
    var intake: any AttachmentIntake { get }

    func person(login: String) throws -> Person?
    func savePerson(_ person: Person, at timestamp: String) throws

    func drafts(owner: String, procedureID: String) throws -> [Draft]
    /// Saves and returns the draft with its new version; refuses a draft saved meanwhile
    /// by another session (`StoreError.draftChangedElsewhere`).
    func saveDraft(_ draft: Draft, at timestamp: String) throws -> Draft
    func deleteDraft(id: Int64) throws

    /// Records the application and removes its draft in one transaction.
    func submitApplication(from draft: Draft, procedureVersion: String, at timestamp: String) throws -> ApplicationRecord
    func applications() throws -> [ApplicationRecord]
    func application(id: Int64) throws -> ApplicationRecord?
}

/// Why the store refused; each case is worded for the user in StoreText.
public enum StoreError: Error, Equatable {
    /// Written by a newer yakkan: these migrations are unknown to this one.
    case newerStore(unknownMigrations: [String])
    case cannotOpen(path: String, reason: String)
    /// Another session saved the same draft after this one read it.
    case draftChangedElsewhere
    case notFound(id: Int64)
}

public enum StoreText {
    public static func describe(_ error: StoreError) -> Localized {
        switch error {
        case .newerStore(let unknown):
            return Localized(
                "この保管庫は新しい版の yakkan で更新されています（\(unknown.joined(separator: ", "))）。yakkan を更新してから使ってください。保管庫には何も書き込んでいません。",
                "This store was written by a newer yakkan (\(unknown.joined(separator: ", "))). Update yakkan before using it; nothing was written to the store.")
        case .cannotOpen(let path, let reason):
            return Localized("保管庫を開けません: \(path)（\(reason)）", "Cannot open the store at \(path) (\(reason))")
        case .draftChangedElsewhere:
            return Localized(
                "この下書きは別の画面で更新されました。最新の内容を読み込み直して続けてください。",
                "This draft was changed in another session. Start again to continue from its latest state.")
        case .notFound(let id):
            return Localized("番号 \(id) の申請はありません。", "There is no application \(id).")
        }
    }
}
