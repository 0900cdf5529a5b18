import Crypto
import Foundation

/// Attachments copied into a folder beside the store, named by their SHA-256, so a record
/// survives the original file being moved or deleted, and the same file is kept once.
public struct FileVault: AttachmentIntake {
    public let folder: String
    /// Where relative paths typed by the user start from.
    public let workingDirectory: String
    let clock: any Clock
    let fileMode: mode_t
    let folderMode: mode_t

    public init(folder: String, workingDirectory: String, clock: any Clock, fileMode: mode_t = 0o600, folderMode: mode_t = 0o700) {
        self.folder = folder
        self.folderMode = folderMode
        self.workingDirectory = workingDirectory
        self.clock = clock
        self.fileMode = fileMode
    }

    public func path(of sha256: String) -> String {
        "\(folder)/\(sha256.prefix(2))/\(sha256)"
    }

    public func storedPath(of attachment: Attachment) -> String { path(of: attachment.sha256) }

    public func ingest(path typed: String) -> Result<Attachment, AttachmentProblem> {
        let expanded = (typed as NSString).expandingTildeInPath
        let path = expanded.hasPrefix("/") ? expanded : workingDirectory + "/" + expanded
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.missing(path: typed))
        }
        guard !isDirectory.boolValue else { return .failure(.notAFile(path: typed)) }
        guard !StoreFiles.isSymbolicLink(path) else { return .failure(.symbolicLink(path: typed)) }
        guard let data = StoreFiles.readRegularFile(path) else {
            return .failure(.unreadable(path: typed))
        }
        guard !data.isEmpty else { return .failure(.empty(path: typed)) }
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        do {
            try keep(data, as: digest)
        } catch {
            return .failure(.unreadable(path: typed))
        }
        return .success(Attachment(
            sha256: digest, fileName: (path as NSString).lastPathComponent, size: Int64(data.count),
            addedAt: Village.timestamp(clock.now)))
    }

    private func keep(_ data: Data, as digest: String) throws {
        let target = path(of: digest)
        if FileManager.default.fileExists(atPath: target) { return }
        let directory = (target as NSString).deletingLastPathComponent
        // A link planted as the attachment folder would send copies (and a chmod) elsewhere.
        if [folder, directory].contains(where: StoreFiles.isSymbolicLink) { throw AttachmentProblem.symbolicLink(path: folder) }
        for level in [folder, directory] where !FileManager.default.fileExists(atPath: level) {
            try FileManager.default.createDirectory(atPath: level, withIntermediateDirectories: true)
            chmod(level, folderMode)
        }
        // Written under a temporary name and renamed, so a killed process never leaves half a file
        // under a name that claims a hash it does not have.
        let temporary = directory + "/.incoming-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw AttachmentProblem.unreadable(path: temporary)
        }
        chmod(temporary, fileMode)
        if rename(temporary, target) != 0 {
            unlink(temporary)
            throw AttachmentProblem.unreadable(path: target)
        }
    }
}
