/// Where the store lives: `--store`, else `YAKKAN_STORE`, else the XDG data folder.
public enum StoreLocation {
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let path = option, !path.isEmpty { return path }
        if let path = environment["YAKKAN_STORE"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/yakkan/yakkan.sqlite"
        }
        let home = environment["HOME"] ?? "."
        return home + "/.local/share/yakkan/yakkan.sqlite"
    }

    /// Whether the path was chosen (`--store`, `YAKKAN_STORE`) rather than the default: a chosen
    /// path may be mistyped, so its missing folder is not made without asking.
    public static func isChosen(option: String?, environment: [String: String]) -> Bool {
        !(option ?? "").isEmpty || !(environment["YAKKAN_STORE"] ?? "").isEmpty
    }
}
