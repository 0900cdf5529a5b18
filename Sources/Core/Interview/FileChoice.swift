import Foundation

/// A file the person may attach by its number: one of the newest in their own folders.
public struct RecentFile: Sendable, Equatable {
    public let path: String
    public let name: String
    public let size: Int64
    public let modified: Date
    /// The folder it is in, as shown (ダウンロード, Downloads, desk).
    public let folder: String

    public init(path: String, name: String, size: Int64, modified: Date, folder: String) {
        self.path = path
        self.name = name
        self.size = size
        self.modified = modified
        self.folder = folder
    }
}

/// How a file question's answer is typed: paths, quoted as a terminal pastes them, or the
/// number of a recent file. Evidence is made on the person's own desk (a screenshot, the
/// saved terms), so the files most likely wanted are the newest of their Downloads folder and
/// of the folder their desk copies into on a shared host.
public enum FileChoice {
    /// The folders of the home folder whose newest files are offered, in this order: a
    /// Japanese desktop's Downloads, an English one's, and the folder a desk reaches on a
    /// village host (a network drive or `scp`, README: one village host reached by SSH).
    public static let folders = ["ダウンロード", "Downloads", "desk"]
    /// Enough to find today's screenshot, few enough to read at a glance.
    public static let listLimit = 9

    // MARK: Reading a line

    /// Whether a line is a command of the interview (`?`, `:back`…) rather than an answer, as
    /// `Interview.handle(line:)` tells them apart.
    public static func isCommand(_ line: String) -> Bool {
        let folded = InputLine.halfwidthASCII(line).trimmingCharacters(in: .whitespaces)
        return folded == "?" || folded.hasPrefix(":")
    }

    /// Splits a line into paths. Spaces (the ideographic one too) separate; a path with spaces
    /// is quoted, with either kind of quote, as a terminal's drag and drop pastes it (GNOME
    /// Terminal writes '…', Windows Terminal "…"), or written with `\ ` as a shell's completion
    /// does. A quote opens only at the start of a path and closes only at its end, so an
    /// apostrophe inside a name (O'Brien.pdf) stays part of it.
    public static func tokens(_ line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inToken = false
        var quote: Character?
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            index += 1
            if !inToken {
                if isSeparator(character) { continue }
                inToken = true
                quote = nil
                if character == "'" || character == "\"" {
                    quote = character
                    continue
                }
            }
            if let open = quote {
                if character == open, next.map(isSeparator) ?? true {
                    quote = nil
                } else {
                    current.append(character)
                }
            } else if character == "\\", next == " " {
                current.append(" ")
                index += 1
            } else if isSeparator(character) {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                inToken = false
            } else {
                current.append(character)
            }
        }
        if inToken, !current.isEmpty { tokens.append(current) }
        return tokens
    }

    public static func isSeparator(_ character: Character) -> Bool {
        character == " " || character == "\u{3000}" || character == "\t"
    }

    /// A path written so that `tokens` reads it back whole; nil when no quote can hold it
    /// (it has both kinds, each before a space).
    public static func quoted(_ path: String) -> String? {
        for quote: Character in ["'", "\""] {
            let written = String(quote) + path + String(quote)
            if tokens(written) == [path] { return written }
        }
        return nil
    }

    /// The line to hand to the interview: each number of the list replaced by its file's path.
    /// Refused, with what to do, when a number is not on the list, when a path is the desk's
    /// own (a Windows path means nothing on the host), or when a path with spaces was split
    /// into pieces that are not files while the whole is one.
    public static func resolve(
        _ line: String, offered: [RecentFile], exists: (String) -> Bool
    ) -> Result<String, Localized> {
        let pieces = tokens(line)
        guard !pieces.isEmpty else { return .success(line) }
        var paths: [String] = []
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            if !offered.isEmpty, let number = number(piece) {
                guard (1...offered.count).contains(number) else {
                    return .failure(FileChoiceText.noSuchNumber(number, count: offered.count))
                }
                paths.append(offered[number - 1].path)
                index += 1
                continue
            }
            if !exists(piece) {
                if isDeskPath(piece) { return .failure(FileChoiceText.deskPath(piece)) }
                // The longest run of pieces from here that is one file when joined by spaces.
                for end in stride(from: pieces.count, to: index + 1, by: -1) {
                    let joined = pieces[index..<end].joined(separator: " ")
                    if exists(joined) {
                        return .failure(FileChoiceText.splitBySpaces(Array(pieces[index..<end]), whole: joined))
                    }
                }
            }
            paths.append(piece)
            index += 1
        }
        var written: [String] = []
        for path in paths {
            guard let quoted = quoted(path) else { return .failure(FileChoiceText.unquotable(path)) }
            written.append(quoted)
        }
        return .success(written.joined(separator: " "))
    }

    /// 1, ２, 10: a number of the list, in either width.
    static func number(_ piece: String) -> Int? {
        let folded = InputLine.halfwidthASCII(piece)
        guard !folded.isEmpty, folded.count <= 3, folded.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(folded)
    }

    /// `C:\Users\…` or `\\server\share\…`: a path of the Windows desk, pasted into a terminal
    /// connected to the host, where it names nothing.
    static func isDeskPath(_ piece: String) -> Bool {
        let characters = Array(piece)
        if characters.count >= 3, characters[0].isASCII, characters[0].isLetter, characters[1] == ":",
           characters[2] == "\\" || characters[2] == "/" {
            return true
        }
        return piece.hasPrefix("\\\\")
    }

    // MARK: Showing

    /// The numbered list shown under a file question, newest first.
    public static func listing(_ files: [RecentFile], language: Language) -> [Message] {
        guard !files.isEmpty else { return [] }
        var lines = [Message(.hint, "  " + FileChoiceText.listHeading(language))]
        for (offset, file) in files.enumerated() {
            let details = [size(file.size, language), time(file.modified, language), file.folder]
            let shown = language == .ja
                ? "\(file.name)（\(details.joined(separator: "・"))）"
                : "\(file.name) (\(details.joined(separator: ", ")))"
            lines.append(Message(.hint, String(format: "  %2d. ", offset + 1) + shown))
        }
        return lines
    }

    /// What was attached, by name and size, so that a wrong file is seen at once.
    public static func confirmation(_ attachments: [Attachment], language: Language) -> [Message] {
        attachments.map { attachment in
            let shown = language == .ja
                ? "\(attachment.fileName)（\(size(attachment.size, language))）"
                : "\(attachment.fileName) (\(size(attachment.size, language)))"
            return Message(.success, FileChoiceText.attached(language) + shown)
        }
    }

    /// Bytes below a kilobyte, then whole kilobytes rounded up (a 1-byte file is not "0 KB"),
    /// then megabytes to one decimal.
    public static func size(_ bytes: Int64, _ language: Language) -> String {
        if bytes < 1024 { return language == .ja ? "\(bytes) バイト" : "\(bytes) bytes" }
        if bytes < 1_048_576 { return "\((bytes + 1023) / 1024) KB" }
        let tenths = (bytes * 10 + 1_048_575) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// When the file was last written, in the village's time: 12月7日 10:15 / 7 Dec 10:15.
    static func time(_ date: Date, _ language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Village.timeZone
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        let clock = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        if language == .ja { return "\(month)月\(day)日 \(clock)" }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day) \(names[(month - 1) % 12]) \(clock)"
    }
}

enum FileChoiceText {
    static func listHeading(_ language: Language) -> String {
        Localized(
            "最近のファイル（番号で添付できます。複数なら 1 3 のように空白で区切ります）：",
            "Recent files (type a number to attach one; several as 1 3):")(language)
    }

    static func attached(_ language: Language) -> String {
        Localized("添付しました：", "Attached: ")(language)
    }

    static func noSuchNumber(_ number: Int, count: Int) -> Localized {
        Localized(
            "\(number) 番のファイルはありません。一覧の 1〜\(count) から選んでください（数字の名前のファイルは ./\(number) と入力）。",
            "There is no file number \(number): choose from 1 to \(count) of the list (for a file named \(number), type ./\(number)).")
    }

    static func deskPath(_ path: String) -> Localized {
        Localized(
            "これは手元の Windows の PC のパスで、yakkan のあるホストからは見えません：\(path)\n"
                + "ファイルをネットワークドライブの desk フォルダに保存するか、scp でホストの desk フォルダにコピーしてから、一覧の番号で選んでください。",
            "This is a path on your Windows PC, which the host running yakkan cannot see: \(path)\n"
                + "Save the file into the desk folder of your network drive, or copy it to the desk folder on the host with scp, then choose its number from the list.")
    }

    static func splitBySpaces(_ pieces: [String], whole: String) -> Localized {
        let quoted = FileChoice.quoted(whole) ?? whole
        let ja = pieces.map { "「\($0)」" }.joined(separator: "と")
        let en = pieces.map { "\"\($0)\"" }.joined(separator: " and ")
        return Localized(
            "ファイル名の空白で\(ja)に分かれました。空白を含む名前は引用符で囲んでください：\(quoted)（TAB キーで補完すると自動で囲みます）",
            "The spaces of the file name split it into \(en). Put a name with spaces in quotes: \(quoted) (TAB completion adds them).")
    }

    static func unquotable(_ path: String) -> Localized {
        Localized(
            "このファイル名は引用符で囲めません（' と \" の両方を含みます）。名前を変えてから添付してください：\(path)",
            "This file name cannot be quoted (it has both ' and \"): rename the file, then attach it: \(path)")
    }
}
