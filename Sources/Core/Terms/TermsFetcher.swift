import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches a page of terms politely: one GET, no cookies, no cache, a timeout, a size limit,
/// redirects followed within a limit and never in a loop, https only unless allowed, and the
/// proxy of the usual environment variables (https_proxy, HTTPS_PROXY, http_proxy, no_proxy),
/// which libcurl under URLSession reads itself. Nothing of the page is run.
///
/// URLSession (FoundationNetworking) rather than async-http-client: it adds no package to the
/// build (async-http-client costs 2.5 to 4.5 minutes of a clean build on two cores), and it
/// works in the installed binary too, linked with the static Swift standard library, once
/// libcurl's headers are there to link against (libcurl4-openssl-dev, which scripts/setup
/// installs; measured: the static link fails without them, "undefined reference to
/// curl_multi_setopt"); the binary then needs libcurl4 at run time, which Debian installs
/// with curl and most desktops.
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

    public let policy: Policy
    public let userAgent: String

    public init(policy: Policy, userAgent: String = "yakkan (terms check; once a day)") {
        self.policy = policy
        self.userAgent = userAgent
    }

    public func fetch(_ address: String) -> Result<Page, TermsFailure> {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            return .failure(.unreachable(address))
        }
        if scheme == "http", !policy.allowHTTP { return .failure(.notHTTPS) }
        let watcher = Watcher(policy: policy, first: url)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        let session = URLSession(configuration: configuration, delegate: watcher, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: policy.timeout)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html, application/pdf, text/plain;q=0.9, */*;q=0.5", forHTTPHeaderField: "Accept")
        session.dataTask(with: request).resume()
        // A last guard beside URLSession's own timers: a server that trickles bytes forever.
        if watcher.done.wait(timeout: .now() + policy.timeout + 5) == .timedOut {
            return .failure(.timedOut(seconds: Int(policy.timeout)))
        }
        return watcher.result ?? .failure(.unreachable("?"))
    }

    /// Follows one transfer: its redirects, its size, and how it ended.
    private final class Watcher: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let policy: Policy
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var visited: Set<String>
        private var redirects = 0
        private var received = Data()
        private var contentType: String?
        private var status = 0
        private var failure: TermsFailure?
        private(set) var result: Result<Page, TermsFailure>?

        init(policy: Policy, first: URL) {
            self.policy = policy
            self.visited = [first.absoluteString]
        }

        private func stop(_ task: URLSessionTask, _ why: TermsFailure) {
            lock.withLock { if failure == nil { failure = why } }
            task.cancel()
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            guard let next = request.url else { completionHandler(nil); return }
            let problem: TermsFailure? = lock.withLock {
                redirects += 1
                if !visited.insert(next.absoluteString).inserted { return .redirectLoop }
                if redirects > policy.redirectLimit { return .tooManyRedirects(limit: policy.redirectLimit) }
                if next.scheme?.lowercased() != "https", !policy.allowHTTP { return .notHTTPS }
                return nil
            }
            if let problem {
                // Declined, not cancelled: the task then ends with the 3xx response, and the
                // failure noted here is what it says. Cancelling as well makes FoundationNetworking
                // stop the test process ("Received callback for HTTP redirection, but we're not
                // waiting for it"), seen on Swift 6.3.1.
                lock.withLock { if failure == nil { failure = problem } }
                completionHandler(nil)
            } else {
                completionHandler(request)
            }
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            let http = response as? HTTPURLResponse
            lock.withLock {
                status = http?.statusCode ?? 0
                contentType = http?.value(forHTTPHeaderField: "Content-Type")
            }
            if response.expectedContentLength > Int64(policy.sizeLimit) {
                stop(dataTask, .tooLarge(limit: policy.sizeLimit))
                completionHandler(.cancel)
                return
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            let over = lock.withLock { () -> Bool in
                received.append(data)
                return received.count > policy.sizeLimit
            }
            if over { stop(dataTask, .tooLarge(limit: policy.sizeLimit)) }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            lock.withLock {
                if let failure {
                    result = .failure(failure)
                } else if let error = error as? URLError {
                    result = .failure(Self.failure(error, policy))
                } else if let error {
                    result = .failure(.unreachable(error.localizedDescription))
                } else if !(200..<300).contains(status) {
                    result = .failure(.status(status))
                } else {
                    result = .success(Page(data: received, contentType: contentType))
                }
            }
            done.signal()
        }

        static func failure(_ error: URLError, _ policy: Policy) -> TermsFailure {
            switch error.code {
            case .timedOut: return .timedOut(seconds: Int(policy.timeout))
            case .httpTooManyRedirects: return .tooManyRedirects(limit: policy.redirectLimit)
            case .redirectToNonExistentLocation: return .redirectLoop
            case .cannotFindHost, .dnsLookupFailed: return .unreachable(TermsFailure.hostNotFound)
            case .cannotConnectToHost: return .unreachable(TermsFailure.refused)
            case .notConnectedToInternet, .networkConnectionLost: return .unreachable(TermsFailure.noNetwork)
            default: return .unreachable("URLError \(error.code.rawValue)")
            }
        }
    }
}
