import Foundation

/// Where a service publishes its terms, as the application gives it: an address, and text
/// that marks lines to ignore on a page that changes on every load (a date, a counter).
/// Written as one item of the list: `https://example.com/terms 除外:最終更新` (or `ignore:`).
public struct TermsAddress: Sendable, Equatable, Hashable {
    public let address: String
    public let ignoring: [String]

    public init(address: String, ignoring: [String] = []) {
        self.address = address
        self.ignoring = ignoring
    }

    static let ignoreMarkers = ["除外:", "除外：", "ignore:"]

    /// One item of the application's list; nil when it is no address at all.
    public static func parse(_ item: String) -> TermsAddress? {
        var words = item.split(whereSeparator: { $0 == " " || $0 == "　" }).map(String.init)
        guard !words.isEmpty else { return nil }
        let address = words.removeFirst()
        var ignoring: [String] = []
        for word in words {
            guard let marker = ignoreMarkers.first(where: { word.lowercased().hasPrefix($0) }) else {
                if !ignoring.isEmpty { ignoring[ignoring.count - 1] += " " + word }
                continue
            }
            let text = String(word.dropFirst(marker.count))
            if !text.isEmpty { ignoring.append(text) }
        }
        return TermsAddress(address: address, ignoring: ignoring)
    }

    /// The addresses an application names (none for one filed before the question existed).
    public static func of(_ answers: Answers) -> [TermsAddress] {
        (answers[ApplicationFields.termsAddresses]?.list ?? []).compactMap(parse)
    }

    /// Why an item cannot be fetched as written, for the question's rule.
    public static func problem(_ item: String) -> Localized? {
        guard let parsed = parse(item), let url = URL(string: parsed.address), let scheme = url.scheme?.lowercased(),
              url.host?.isEmpty == false
        else {
            return Localized(
                "「\(item)」はアドレスとして読めません。https:// で始まるアドレスを入力してください。",
                "“\(item)” cannot be read as an address. Enter one that starts with https://.")
        }
        guard scheme == "https" || scheme == "http" else {
            return Localized(
                "「\(parsed.address)」は https:// で始まるアドレスではありません。",
                "“\(parsed.address)” is not an address starting with https://.")
        }
        return nil
    }

    /// The reduced text without the lines the ignore rules name.
    public func kept(_ text: String) -> String {
        guard !ignoring.isEmpty else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !ignoring.contains { line.contains($0) } }
            .joined(separator: "\n")
    }
}
