import Foundation

/// A file written whole or not at all: written into a temporary beside it as it is made, and
/// renamed over the path only once complete, so that a calendar of a whole village is never
/// held in memory and never left half written.
final class WholeFile {
    private let path: String
    private let temporary: String
    private var descriptor: Int32
    /// The errno of the first write that failed.
    private var failure: Int32?

    init(path: String) {
        self.path = path
        temporary = path + ".incoming-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 { failure = errno }
    }

    func append(_ text: String) {
        guard failure == nil else { return }
        failure = writeWhole(text, to: descriptor)
    }

    func append(bytes: [UInt8]) {
        guard failure == nil else { return }
        failure = bytes.withUnsafeBytes { writeWhole($0, to: descriptor) }
    }

    /// Closes and removes the temporary: what was being written failed elsewhere.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }

    /// Closes and renames the file into place; the errno of what failed, else nil (the
    /// temporary is removed then).
    func finish() -> Int32? {
        if descriptor >= 0 {
            if close(descriptor) != 0, failure == nil { failure = errno }
            descriptor = -1
        }
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if failure != nil { unlink(temporary) }
        return failure
    }
}
