import GRDB

extension StoreError {
    /// The store's own error for what SQLite (or the PostgreSQL server) said, so that nobody is shown "SQLite error 13"
    /// and the exit status says the store (3), not a rule (1). Nil for errors of other kinds.
    public init?(classifying error: any Error) {
        if let known = error as? StoreError {
            self = known
            return
        }
        if let server = error as? PostgresFault {
            self = server.storeError
            return
        }
        guard let database = error as? DatabaseError else { return nil }
        switch database.resultCode {
        case .SQLITE_FULL: self = .writeFailed
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_CANTOPEN:
            self = .notWritable(path: "")
        case .SQLITE_IOERR:
            // A write refused by the file system (EFBIG under a size limit, a short write when
            // the disk fills) comes as one of these rather than as SQLITE_FULL.
            let writing: [ResultCode] = [
                .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_DIR_FSYNC, .SQLITE_IOERR_TRUNCATE,
                .SQLITE_IOERR_SHMSIZE, .SQLITE_IOERR_SHMMAP,
            ]
            self = writing.contains(database.extendedResultCode) ? .writeFailed : .ioFailure(code: database.extendedResultCode.rawValue)
        default: return nil
        }
    }

    /// A rule of the procedure or the state of a form said no (exit status 1, as every
    /// refusal); every other case is a fault of the store itself (exit status 3).
    public var isRefusal: Bool {
        switch self {
        case .refused, .staleVersion, .notFound, .draftChangedElsewhere: return true
        default: return false
        }
    }

    /// Worth trying again once the person has freed space or waited: nothing about the
    /// store or the answers is wrong.
    public var isTransient: Bool {
        switch self {
        case .busy, .writeFailed, .ioFailure, .notWritable, .serverUnreachable: return true
        default: return false
        }
    }
}

/// The wording of the store's faults: what happened and what to do, in the user's language.
enum StoreFaultText {
    static func describe(_ error: StoreError) -> Localized {
        switch error {
        case .unreadable(let what):
            return Localized(
                "\(what) の記録に yakkan が読めない値があります（yakkan の外で書き換えられた可能性があります）。ほかの記録は使えます。yakkan audit verify で確認し、管理者に伝えてください。",
                "The record \(what) holds a value yakkan cannot read (it may have been changed outside yakkan). Other records still work. Check it with yakkan audit verify and tell an administrator.")
        case .noStore(let path):
            return Localized(
                "保管庫がありません: \(path)\n--store や YAKKAN_STORE の綴りを確認してください。ここに新しく作るときは yakkan store init \(path) を実行します。",
                "There is no store at \(path).\nCheck the spelling of --store or YAKKAN_STORE. To make a new one there, run yakkan store init \(path).")
        case .notCreatedYet(let path):
            return Localized(
                "保管庫はまだありません（\(path)）。最初の申請（yakkan apply）か yakkan store init で作られます。",
                "There is no store yet (\(path)). The first application (yakkan apply) or yakkan store init makes it.")
        case .noFolder(let path, let folder):
            return Localized(
                "保管庫のフォルダがありません: \(folder)\n--store や YAKKAN_STORE の綴りを確認してください。ここに新しく作るときは yakkan store init \(path) を実行します。",
                "The store's folder does not exist: \(folder)\nCheck the spelling of --store or YAKKAN_STORE. To make a new store there, run yakkan store init \(path).")
        case .notARegularFile(let path):
            return Localized(
                "\(path) はシンボリックリンクか通常のファイルでないため、使いません（リンク先を変えないためです）。取り除いてからもう一度実行してください。",
                "\(path) is a symbolic link or not a plain file, so it is not used (its target is left untouched). Remove it and try again.")
        case .notWritable(let path):
            return Localized(
                "保管庫に書き込む権限がありません\(path.isEmpty ? "" : "（\(path)）")。ファイルとフォルダの権限、グループを確認してください。",
                "You may not write to the store\(path.isEmpty ? "" : " (\(path))"). Check the permissions and group of its files and folder.")
        case .busy:
            return Localized(
                "保管庫は他の人が書き込み中で、待ちきれませんでした。しばらくしてからもう一度試してください。",
                "Someone else is writing to the store and it stayed busy too long. Wait a moment and try again.")
        case .writeFailed:
            return Localized(
                "保管庫に書き込めませんでした。ディスクがいっぱいか、ファイルの大きさの上限に達しています。空きを作ってからもう一度試してください。",
                "Could not write to the store: the disk is full or a file size limit was reached. Free some space and try again.")
        case .ioFailure(let code):
            return Localized(
                "保管庫のファイルの読み書きに失敗しました（SQLite \(code)）。ディスクの状態を確認し、続くときは管理者に連絡してください。",
                "Reading or writing the store's files failed (SQLite \(code)). Check the disk; if it goes on, tell the administrator.")
        case .corrupt:
            return Localized(
                "保管庫のファイルが壊れています。yakkan audit verify で確認し、バックアップから戻してください。",
                "The store's file is damaged. Check it with yakkan audit verify and restore it from a backup.")
        default:
            return StoreText.describe(error)
        }
    }
}
