import Foundation

/// Where the store lives: `--store`, else `YAKKAN_STORE`, else the XDG data folder.
public enum StoreLocation {
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let path = option, !path.isEmpty { return path }
        if let path = environment["YAKKAN_STORE"], !path.isEmpty { return path }
        return PersonalFolder.data(environment) + "/yakkan.sqlite"
    }

    /// Whether the path was chosen (`--store`, `YAKKAN_STORE`) rather than the default: a chosen
    /// path may be mistyped, so its missing folder is not made without asking.
    public static func isChosen(option: String?, environment: [String: String]) -> Bool {
        !(option ?? "").isEmpty || !(environment["YAKKAN_STORE"] ?? "").isEmpty
    }
}

/// A person's own folders for yakkan, as the XDG base directories place them: what they keep
/// (the default store, signing keys) and what they remember (the log's head, history).
public enum PersonalFolder {
    /// `$XDG_DATA_HOME/yakkan`, else `~/.local/share/yakkan`.
    public static func data(_ environment: [String: String]) -> String {
        base(environment, "XDG_DATA_HOME", "/.local/share") + "/yakkan"
    }

    /// `$XDG_STATE_HOME/yakkan`, else `~/.local/state/yakkan`.
    public static func state(_ environment: [String: String]) -> String {
        base(environment, "XDG_STATE_HOME", "/.local/state") + "/yakkan"
    }

    /// `$XDG_CACHE_HOME/yakkan`, else `~/.cache/yakkan`: copies that can be fetched again.
    public static func cache(_ environment: [String: String]) -> String {
        base(environment, "XDG_CACHE_HOME", "/.cache") + "/yakkan"
    }

    /// A relative XDG path is to be ignored, as the specification says.
    static func base(_ environment: [String: String], _ variable: String, _ underHome: String) -> String {
        environment[variable].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? (environment["HOME"] ?? ".") + underHome
    }
}

/// How large an attachment may be: `YAKKAN_MAX_ATTACHMENT_MB` (whole megabytes), else 100 MB.
public enum AttachmentLimit {
    public static let variable = "YAKKAN_MAX_ATTACHMENT_MB"

    public static func resolve(environment: [String: String]) -> Result<Int64, Localized> {
        guard let text = environment[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return .success(FileVault.defaultSizeLimit)
        }
        guard let megabytes = Int64(text), megabytes > 0, megabytes <= 1_000_000 else {
            return .failure(Localized(
                "\(variable) には 1 以上の整数（MB 単位）を指定してください（いまの値：\(text)）。",
                "\(variable) must be a whole number of megabytes, 1 or more (it is: \(text))."))
        }
        return .success(megabytes * 1_048_576)
    }
}
