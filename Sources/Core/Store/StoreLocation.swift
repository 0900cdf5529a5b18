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
}
