import Foundation

/// A folder of its own under the temporary folder, that other user ids may enter (the tests
/// that act as another login need it), removed at the end.
final class ScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "yakkan-scratch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o755)
    }

    var store: String { path + "/yakkan.sqlite" }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
