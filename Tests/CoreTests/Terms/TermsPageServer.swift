import Foundation
import Testing

/// A real HTTP server on loopback (python3's http.server, started as a process of the test's
/// own) serving what a publisher of terms may serve: pages from a folder the test writes,
/// a PDF of its terms, a page that never answers, one too large, a redirect loop and an endless chain of redirects. Every
/// request is written to a log, so a test can show what was asked for and how often.
final class TermsPageServer {
    let folder: String
    let process = Process()
    let port: Int

    static let script = #"""
        import http.server, os, sys, time, zlib
        root = sys.argv[1]
        def pdf(text):
            content = b"BT /F1 12 Tf 72 720 Td (" + text.encode() + b") Tj ET"
            stream = zlib.compress(content)
            objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream"]
            out = b"%PDF-1.4\n"
            for i, body in enumerate(objects):
                out += str(i + 1).encode() + b" 0 obj\n" + body + b"\nendobj\n"
            return out + b"trailer << /Root 1 0 R >>\n%%EOF\n"
        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def send(self, status, body, kind="text/html; charset=utf-8", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers: self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            def do_GET(self):
                with open(os.path.join(root, "requests.log"), "a") as log: log.write(self.path + "\n")
                path = self.path
                if path == "/silent": time.sleep(600); return
                if path == "/large": return self.send(200, b"x" * 6_000_000, "text/plain")
                if path == "/loop-a": return self.send(302, b"", headers=[("Location", "/loop-b")])
                if path == "/loop-b": return self.send(302, b"", headers=[("Location", "/loop-a")])
                if path.startswith("/chain-"): return self.send(302, b"", headers=[("Location", "/chain-" + str(int(path[7:]) + 1))])
                if path == "/terms.pdf":
                    with open(os.path.join(root, "pdf.txt")) as f: return self.send(200, pdf(f.read()), "application/pdf")
                name = os.path.join(root, "pages", path.strip("/"))
                if os.path.isfile(name):
                    with open(name, "rb") as f: return self.send(200, f.read())
                self.send(404, b"not found")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        with open(os.path.join(root, "port.tmp"), "w") as f: f.write(str(server.server_address[1]))
        os.rename(os.path.join(root, "port.tmp"), os.path.join(root, "port"))
        server.serve_forever()
        """#

    init() throws {
        folder = NSTemporaryDirectory() + "yakkan-terms-server-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/pages", withIntermediateDirectories: true)
        try Self.script.write(toFile: folder + "/server.py", atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", folder + "/server.py", folder]
        try process.run()
        // The server names its port in a file once it listens: wait for that, not for a time.
        var port: Int?
        for _ in 0..<600 where port == nil {
            port = (try? String(contentsOfFile: folder + "/port", encoding: .utf8)).flatMap { Int($0) }
            if port == nil { usleep(50_000) }
        }
        self.port = try #require(port, "the test's HTTP server did not start")
    }

    func address(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func page(_ name: String, _ html: String) throws {
        try html.write(toFile: folder + "/pages/" + name, atomically: true, encoding: .utf8)
    }

    func pdfText(_ text: String) throws {
        try text.write(toFile: folder + "/pdf.txt", atomically: true, encoding: .utf8)
    }

    /// Every path asked for so far, in order.
    var requests: [String] {
        ((try? String(contentsOfFile: folder + "/requests.log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    deinit {
        // SIGKILL: the test process's blocked signals are inherited, so SIGTERM may never arrive.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
