#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes the C library decode the keyboard as UTF-8. Call once, before the first read.
///
/// libedit turns bytes into characters with the C locale; under the "C" locale (LANG unset
/// or LANG=C, as under sudo, cron, ssh without locale forwarding, or containers) it
/// silently drops every byte above 0x7F, so a Japanese answer could not even be typed.
/// Returns whether the character set is UTF-8 afterwards.
@discardableResult
func prepareTerminalLocale() -> Bool {
    setlocale(LC_ALL, "")
    if characterSetIsUTF8() { return true }
    // Only the character classification is forced: messages, collation and number
    // formats keep whatever the user chose.
    for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "ja_JP.UTF-8"] {
        if setlocale(LC_CTYPE, fallback) != nil, characterSetIsUTF8() { return true }
    }
    return false
}

private func characterSetIsUTF8() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased().filter { $0 != "-" && $0 != "_" }
    return name == "utf8"
}
