import CCurl
import Foundation

/// Fetches a page of terms politely: one GET, no cookies, no cache, a timeout, a size limit,
/// redirects followed within a limit and never in a loop, https only unless allowed, and the
/// proxy of the usual environment variables (https_proxy, HTTPS_PROXY, http_proxy, no_proxy),
/// which libcurl reads itself. Nothing of the page is run.
///
/// libcurl, loaded the first time a page is fetched (Sources/CCurl), rather than URLSession:
/// FoundationNetworking links libcurl and its ~30 libraries into every yakkan process, loaded at
/// every start of every command (Benchmarks/RESULTS.md), and its static link needs
/// libcurl4-openssl-dev. async-http-client would cost 2.5 to 4.5 minutes of a clean build.
/// Redirects are followed here, not by libcurl, so that a loop, the limit and a step down to
/// http are each told apart, as the checks of an address are worded.
public struct TermsFetcher: Sendable {
    public struct Policy: Sendable {
        public var timeout: TimeInterval = 30
        public var sizeLimit = 5_000_000
        public var redirectLimit = 5
        public var allowHTTP = false

        public init(timeout: TimeInterval = 30, sizeLimit: Int = 5_000_000, redirectLimit: Int = 5, allowHTTP: Bool = false) {
            self.timeout = timeout
            self.sizeLimit = sizeLimit
            self.redirectLimit = redirectLimit
            self.allowHTTP = allowHTTP
        }
    }

    public struct Page: Sendable {
        public let data: Data
        public let contentType: String?
    }

    #if os(macOS)
    public static let installedLibrary = "libcurl.4.dylib"
    #else
    /// The library loaded; Debian's libcurl4 package gives it (most desktops and curl have it).
    public static let installedLibrary = "libcurl.so.4"
    #endif

    public let policy: Policy
    public let userAgent: String
    /// The libcurl to load: the installed one but in the test of a machine without it.
    public let libraryName: String

    public init(policy: Policy, userAgent: String = "yakkan (terms check; once a day)", libraryName: String = TermsFetcher.installedLibrary) {
        self.policy = policy
        self.userAgent = userAgent
        self.libraryName = libraryName
    }

    /// Loaded once, at the first fetch; nil when libcurl is not installed.
    /// (`nonisolated(unsafe)`: set once by the lazy global's own once, never changed.)
    nonisolated(unsafe) private static let installed: OpaquePointer? = ccurl_open(installedLibrary)

    /// Another name (a test's, for a machine without libcurl) is opened at each use; one that
    /// is not installed opens nothing.
    private var library: OpaquePointer? {
        libraryName == Self.installedLibrary ? Self.installed : ccurl_open(libraryName)
    }

    /// Whether pages can be fetched at all: nil, or the name of the library that is missing.
    public var missingLibrary: String? {
        library == nil ? libraryName : nil
    }

    public func fetch(_ address: String) -> Result<Page, TermsFailure> {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            return .failure(.unreachable(address))
        }
        if scheme == "http", !policy.allowHTTP { return .failure(.notHTTPS) }
        guard let curl = library, let easy = ccurl_easy_init(curl) else { return .failure(.unreachable(libraryName)) }
        defer { ccurl_easy_cleanup(curl, easy) }
        let headers = ccurl_slist_append(curl, nil, "Accept: text/html, application/pdf, text/plain;q=0.9, */*;q=0.5")
        defer { ccurl_slist_free_all(curl, headers) }
        let sink = Sink(limit: policy.sizeLimit)
        var message = [CChar](repeating: 0, count: Int(CCURL_ERROR_SIZE))
        ccurl_set_long(curl, easy, Int32(CCURL_OPT_NOSIGNAL), 1)
        ccurl_set_long(curl, easy, Int32(CCURL_OPT_FOLLOWLOCATION), 0)
        ccurl_set_string(curl, easy, Int32(CCURL_OPT_USERAGENT), userAgent)
        ccurl_set_pointer(curl, easy, Int32(CCURL_OPT_HTTPHEADER), headers)
        ccurl_set_offset(curl, easy, Int32(CCURL_OPT_MAXFILESIZE_LARGE), Int64(policy.sizeLimit))
        ccurl_set_write_callback(curl, easy, Sink.write)
        ccurl_set_pointer(curl, easy, Int32(CCURL_OPT_WRITEDATA), Unmanaged.passUnretained(sink).toOpaque())
        // One deadline for the page and all its redirects, as one URLSession task had.
        let deadline = Date().addingTimeInterval(policy.timeout)
        var visited: Set<String> = [url.absoluteString]
        var next = url.absoluteString
        var redirects = 0
        while true {
            sink.data.removeAll(keepingCapacity: true)
            let left = max(1, Int(deadline.timeIntervalSinceNow * 1000))
            ccurl_set_long(curl, easy, Int32(CCURL_OPT_TIMEOUT_MS), left)
            ccurl_set_string(curl, easy, Int32(CCURL_OPT_URL), next)
            let code = message.withUnsafeMutableBufferPointer { buffer in
                ccurl_set_pointer(curl, easy, Int32(CCURL_OPT_ERRORBUFFER), buffer.baseAddress)
                defer { ccurl_set_pointer(curl, easy, Int32(CCURL_OPT_ERRORBUFFER), nil) }
                return ccurl_easy_perform(curl, easy)
            }
            if Int(code) != CCURL_OK {
                let words = message[0] != 0 ? message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : String(cString: ccurl_easy_strerror(curl, code))
                return .failure(failure(code, sink: sink, words: words))
            }
            var status = 0
            ccurl_get_long(curl, easy, Int32(CCURL_INFO_RESPONSE_CODE), &status)
            if (300..<400).contains(status), let target = string(curl, easy, CCURL_INFO_REDIRECT_URL) {
                redirects += 1
                if !visited.insert(target).inserted { return .failure(.redirectLoop) }
                if redirects > policy.redirectLimit { return .failure(.tooManyRedirects(limit: policy.redirectLimit)) }
                if !target.lowercased().hasPrefix("https://"), !(policy.allowHTTP && target.lowercased().hasPrefix("http://")) {
                    return .failure(.notHTTPS)
                }
                next = target
                continue
            }
            guard (200..<300).contains(status) else { return .failure(.status(status)) }
            return .success(Page(data: sink.data, contentType: string(curl, easy, CCURL_INFO_CONTENT_TYPE)))
        }
    }

    private func string(_ curl: OpaquePointer, _ easy: UnsafeMutableRawPointer, _ info: Int) -> String? {
        var value: UnsafePointer<CChar>?
        guard ccurl_get_string(curl, easy, Int32(info), &value) == Int32(CCURL_OK), let value else { return nil }
        return String(cString: value)
    }

    private func failure(_ code: Int32, sink: Sink, words: String) -> TermsFailure {
        switch Int(code) {
        case CCURL_OPERATION_TIMEDOUT: return .timedOut(seconds: Int(policy.timeout))
        // Refused by the write callback past the limit, or by libcurl from the announced length.
        case CCURL_WRITE_ERROR where sink.overLimit, CCURL_FILESIZE_EXCEEDED: return .tooLarge(limit: policy.sizeLimit)
        case CCURL_COULDNT_RESOLVE_HOST, CCURL_COULDNT_RESOLVE_PROXY: return .unreachable(TermsFailure.hostNotFound)
        case CCURL_COULDNT_CONNECT: return .unreachable(TermsFailure.refused)
        default: return .unreachable("libcurl \(code): \(words)")
        }
    }

    /// The body of one transfer, refused past the size limit (the transfer then stops).
    private final class Sink {
        let limit: Int
        var data = Data()
        var overLimit = false

        init(limit: Int) { self.limit = limit }

        static let write: ccurl_write_callback = { bytes, size, count, context in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            guard sink.data.count + length <= sink.limit else {
                sink.overLimit = true
                return 0
            }
            if let bytes { sink.data.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: length) }
            return length
        }
    }
}
