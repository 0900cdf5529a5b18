import Foundation

/// The terms as plain text, whatever they were published as: an HTML page, a PDF or text.
/// Checks compare this text, so that a page's markup, scripts and layout changing is not a
/// change of the terms. Nothing of a page is run: scripts and styles are dropped unread.
public enum TermsText {
    public enum Format: String, Sendable { case html, pdf, text }

    /// The format, from the server's content type when there is one, else from the bytes.
    public static func format(of data: Data, contentType: String?) -> Format {
        let type = contentType?.lowercased() ?? ""
        if type.contains("pdf") || data.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if type.contains("html") { return .html }
        let head = String(decoding: data.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") ? .html : .text
    }

    /// The text, or why there is none.
    public static func reduce(_ data: Data, contentType: String? = nil) -> Result<String, TermsFailure> {
        let text: String
        switch format(of: data, contentType: contentType) {
        case .pdf:
            guard let read = PDFText.text(of: data) else { return .failure(.unreadablePDF) }
            text = read
        case .html:
            text = html(decode(data, contentType: contentType))
        case .text:
            // A screenshot or any other binary file is no text of terms.
            guard !data.contains(0), let read = String(data: data, encoding: .utf8) ?? decodeNamed(data, contentType) else { return .failure(.noText) }
            text = read
        }
        let tidy = lines(text)
        return tidy.isEmpty ? .failure(.noText) : .success(tidy)
    }

    static func decodeNamed(_ data: Data, _ contentType: String?) -> String? {
        let text = decode(data, contentType: contentType)
        return text.contains("\u{FFFD}") ? nil : text
    }

    /// Bytes as text in the charset the server or the page names; Japanese pages are still
    /// often Shift_JIS or EUC-JP. Anything else unreadable is read as UTF-8 with replacements.
    static func decode(_ data: Data, contentType: String?) -> String {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        let named = ((contentType ?? "").lowercased() + " " + head)
        let candidates: [(String, String.Encoding)] = [
            ("shift_jis", .shiftJIS), ("sjis", .shiftJIS), ("windows-31j", .shiftJIS), ("euc-jp", .japaneseEUC),
        ]
        for (name, encoding) in candidates where named.contains("charset=\(name)") || named.contains("charset=\"\(name)") {
            if let text = String(data: data, encoding: encoding) { return text }
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        return String(decoding: data, as: UTF8.self)
    }

    private static let dropped = ["script", "style", "head", "noscript", "template", "svg"]
    private static let blocks = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "dd", "dt", "dl", "hr", "blockquote", "pre", "header", "footer", "main", "nav", "title", "td", "th",
    ]

    /// An HTML page's visible text, one block a line.
    static func html(_ page: String) -> String {
        var text = page
        text = replacing(text, "<!--.*?-->", with: "")
        for tag in dropped { text = replacing(text, "<\(tag)\\b[^>]*>.*?</\(tag)\\s*>", with: "\n") }
        text = replacing(text, "</?(?:\(blocks.joined(separator: "|")))\\b[^>]*>", with: "\n")
        text = replacing(text, "<[^>]*>", with: "")
        return entities(text)
    }

    private static func replacing(_ text: String, _ pattern: String, with replacement: String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive, .dotMatchesLineSeparators]) else {
            return text
        }
        return expression.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®", "yen": "¥",
        "hellip": "…", "mdash": "—", "ndash": "–", "laquo": "«", "raquo": "»", "middot": "·",
    ]

    static func entities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = named[name]
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    /// Lines trimmed, runs of spaces made one, empty lines dropped: layout is not the terms.
    static func lines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { line in
                line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{3000}" }).joined(separator: " ")
            }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}

/// Why no text of the terms could be had, worded for the person who runs the check.
public enum TermsFailure: Error, Equatable, Sendable, Codable {
    case noText
    case unreadablePDF
    case timedOut(seconds: Int)
    case tooLarge(limit: Int)
    case tooManyRedirects(limit: Int)
    case redirectLoop
    case notHTTPS
    case status(Int)
    case unreachable(String)
    case fileUnreadable(String)

    static let hostNotFound = "host-not-found", refused = "refused", noNetwork = "no-network"

    /// Whether the failure says nothing about the address but that there is no way to it
    /// (no network, no name service): such a run records nothing.
    public var isNoRoute: Bool {
        if case .unreachable = self { return true }
        return false
    }

    public var text: Localized {
        switch self {
        case .noText:
            return Localized("文字が見つかりませんでした（スクリプトで表示するページは読めません）。", "no text was found (a page drawn by scripts cannot be read).")
        case .unreadablePDF:
            return Localized(
                "この PDF から文字を読み取れませんでした（独自の文字対応表を使うフォントなど）。HTML かテキストで保存したものを --file で指定してください。",
                "the text of this PDF could not be read (its fonts map characters their own way, for example). Save the terms as HTML or text and give it with --file.")
        case .timedOut(let seconds):
            return Localized("\(seconds)秒以内に応答がありませんでした。", "no answer within \(seconds) seconds.")
        case .tooLarge(let limit):
            return Localized("大きすぎます（\(limit / 1_000_000) MB を超えています）。", "too large (over \(limit / 1_000_000) MB).")
        case .tooManyRedirects(let limit):
            return Localized("転送（リダイレクト）が\(limit)回を超えました。", "more than \(limit) redirects.")
        case .redirectLoop:
            return Localized("転送（リダイレクト）が同じアドレスに戻りました（ループ）。", "the redirects lead back to an address already visited (a loop).")
        case .notHTTPS:
            return Localized(
                "https ではないアドレスは取得しません（管理者が --allow-http を指定した場合を除く）。",
                "an address that is not https is not fetched (unless an administrator gives --allow-http).")
        case .status(let code):
            return Localized("サーバーが HTTP \(code) を返しました。", "the server answered HTTP \(code).")
        case .unreachable(let reason):
            let words = [
                Self.hostNotFound: Localized("アドレスのホスト名が見つかりません", "the address's host name was not found"),
                Self.refused: Localized("接続を拒否されました", "the connection was refused"),
                Self.noNetwork: Localized("ネットワークにつながっていません", "not connected to a network"),
            ][reason] ?? Localized(reason, reason)
            return Localized("接続できませんでした（", "could not connect (") + words + Localized("）。", ").")
        case .fileUnreadable(let reason):
            return Localized("ファイルを読めませんでした（\(reason)）。", "the file could not be read (\(reason)).")
        }
    }
}
