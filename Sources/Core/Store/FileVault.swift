import Crypto
import Foundation

/// Attachments copied into a folder beside the store, named by their SHA-256 and the original's
/// extension, so a record survives the original file being moved or deleted, the same file is
/// kept once, and the copy opens in the program its kind needs.
public struct FileVault: AttachmentIntake {
    public let folder: String
    /// Where relative paths typed by the user start from.
    public let workingDirectory: String
    let clock: any Clock
    let fileMode: mode_t
    let folderMode: mode_t

    /// Larger files are refused; `YAKKAN_MAX_ATTACHMENT_MB` changes it for a store's users.
    public let sizeLimit: Int64
    public static let defaultSizeLimit: Int64 = 100 * 1_048_576

    public init(
        folder: String, workingDirectory: String, clock: any Clock, fileMode: mode_t = 0o600, folderMode: mode_t = 0o700,
        sizeLimit: Int64 = FileVault.defaultSizeLimit
    ) {
        self.sizeLimit = sizeLimit
        self.folder = folder
        self.folderMode = folderMode
        self.workingDirectory = workingDirectory
        self.clock = clock
        self.fileMode = fileMode
    }

    public func path(of sha256: String) -> String {
        "\(folder)/\(sha256.prefix(2))/\(sha256)"
    }

    /// The copy named with the original's extension; a store from before extensions were kept
    /// holds the bare hash, which is used when that is all there is.
    public func storedPath(of attachment: Attachment) -> String {
        let named = path(of: attachment.sha256, extension: Self.fileExtension(of: attachment.fileName))
        return FileManager.default.fileExists(atPath: named) ? named : path(of: attachment.sha256)
    }

    func path(of sha256: String, extension fileExtension: String) -> String {
        path(of: sha256) + (fileExtension.isEmpty ? "" : "." + fileExtension)
    }

    /// The extension worth keeping: a short run of letters and digits, nothing a shell or a
    /// file manager could read as more than a kind of file.
    static func fileExtension(of fileName: String) -> String {
        let candidate = PathText.fileExtension(of: fileName)
        guard !candidate.isEmpty, candidate.count <= 10,
            candidate.unicodeScalars.allSatisfy({ $0.isASCII && CharacterSet.alphanumerics.contains($0) })
        else { return "" }
        return candidate
    }

    /// The hash a stored file is named by: its name up to the extension.
    static func digest(inName name: String) -> Substring {
        name.prefix { $0 != "." }
    }

    /// Every stored copy of one content, whatever extension it was kept under.
    func copies(of sha256: String) -> [String] {
        let shard = PathText.folder(of: path(of: sha256))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: shard)) ?? []
        return names.filter { Self.digest(inName: $0) == sha256 }.sorted().map { shard + "/" + $0 }
    }

    public func ingest(path typed: String) -> Result<Attachment, AttachmentProblem> {
        let expanded = PathText.expandingTilde(typed, home: ProcessInfo.processInfo.environment["HOME"])
        let path = expanded.hasPrefix("/") ? expanded : workingDirectory + "/" + expanded
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.missing(path: typed))
        }
        guard !isDirectory.boolValue else { return .failure(.notAFile(path: typed)) }
        guard !StoreFiles.isSymbolicLink(path) else { return .failure(.symbolicLink(path: typed)) }
        let name = PathText.lastComponent(of: path)
        switch keep(path, extension: Self.fileExtension(of: name)) {
        case .failure(.tooLarge(_, let size, let limit)): return .failure(.tooLarge(path: typed, size: size, limit: limit))
        case .failure(.empty): return .failure(.empty(path: typed))
        case .failure(.symbolicLink): return .failure(.symbolicLink(path: typed))
        case .failure(.notKept(_, let fault)): return .failure(.notKept(path: typed, fault: fault))
        case .failure: return .failure(.unreadable(path: typed))
        case .success(let (digest, size)):
            return .success(Attachment(
                sha256: digest, fileName: name, size: size, addedAt: Village.timestamp(clock.now)))
        }
    }

    /// Copies the file into the vault a block at a time, hashing as it goes, so that a file of
    /// any size costs the same memory and is read once. The copy is written under a temporary
    /// name and renamed to its hash, so a killed process never leaves half a file under a name
    /// that claims a hash it does not have.
    private func keep(_ path: String, extension fileExtension: String) -> Result<(digest: String, size: Int64), AttachmentProblem> {
        let input = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { return .failure(errno == ELOOP ? .symbolicLink(path: path) : .unreadable(path: path)) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable(path: path)) }
        guard Int64(info.st_size) <= sizeLimit else { return .failure(.tooLarge(path: path, size: Int64(info.st_size), limit: sizeLimit)) }
        do {
            try makeFolder(folder)
        } catch {
            return .failure(notKept(path, error))
        }
        let temporary = folder + "/.incoming-\(UUID().uuidString)"
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard output >= 0 else { return .failure(notKept(path, errno)) }
        fchmod(output, fileMode)
        var kept = false
        defer {
            close(output)
            if !kept { unlink(temporary) }
        }
        var hasher = SHA256()
        var size: Int64 = 0
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = block.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .failure(.unreadable(path: path)) }
            if count == 0 { break }
            size += Int64(count)
            // The file may have grown since it was measured.
            guard size <= sizeLimit else { return .failure(.tooLarge(path: path, size: size, limit: sizeLimit)) }
            hasher.update(data: block[..<count])
            // A write that fails is the store's disk, never the person's file.
            guard block[..<count].withUnsafeBytes({ writeAll(output, $0) }) else { return .failure(notKept(path, errno)) }
        }
        guard size > 0 else { return .failure(.empty(path: path)) }
        let digest = Hex.string(hasher.finalize())
        let target = self.path(of: digest, extension: fileExtension)
        do {
            try makeFolder(PathText.folder(of: target))
        } catch {
            return .failure(notKept(path, error))
        }
        if !FileManager.default.fileExists(atPath: target) {
            guard rename(temporary, target) == 0 else { return .failure(notKept(path, errno)) }
            kept = true
        }
        return .success((digest, size))
    }

    /// A content copied from another store, written as `keep` writes a copy: under a
    /// temporary name, renamed to its hash once whole. Files are outside the database's
    /// transaction: a copy that then fails leaves contents here that no record names.
    func keepCopy(_ content: Data, sha256: String, fileExtension: String, _ db: any SQLSession) throws {
        let target = path(of: sha256, extension: fileExtension)
        try makeFolder(folder)
        try makeFolder(PathText.folder(of: target))
        guard !FileManager.default.fileExists(atPath: target) else { return }
        let temporary = folder + "/.incoming-\(UUID().uuidString)"
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard output >= 0 else { throw AttachmentProblem.unreadable(path: temporary) }
        fchmod(output, fileMode)
        let written = content.withUnsafeBytes { writeAll(output, $0) } && fsync(output) == 0
        close(output)
        guard written, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw AttachmentProblem.unreadable(path: target)
        }
    }

    /// The store's side failed while keeping a copy of the file at `path`.
    private func notKept(_ path: String, _ code: Int32) -> AttachmentProblem {
        // A short write on a full disk leaves errno at 0 or unchanged: still the disk's doing.
        .notKept(path: path, fault: code == 0 ? .writeFailed : StoreFiles.failure(folder, code))
    }

    private func notKept(_ path: String, _ error: any Error) -> AttachmentProblem {
        // A link planted as the attachment folder is the store's fault, not the person's file.
        if case AttachmentProblem.symbolicLink(let level)? = error as? AttachmentProblem {
            return .notKept(path: path, fault: .notARegularFile(path: level))
        }
        if let problem = error as? AttachmentProblem { return problem }
        let code = (error as NSError).domain == NSPOSIXErrorDomain ? Int32((error as NSError).code) : underlyingCode(error)
        return notKept(path, code)
    }

    /// Foundation reports a folder it could not make with the POSIX code underneath.
    private func underlyingCode(_ error: any Error) -> Int32 {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return EACCES
    }

    private func makeFolder(_ level: String) throws {
        // A link planted as the attachment folder would send copies (and a chmod) elsewhere.
        if StoreFiles.isSymbolicLink(level) { throw AttachmentProblem.symbolicLink(path: level) }
        guard !FileManager.default.fileExists(atPath: level) else { return }
        do {
            try FileManager.default.createDirectory(atPath: level, withIntermediateDirectories: true)
        } catch {
            // Several people's first attachments at once all find the folder missing, and the
            // first to make it fails the others' mkdir (seen with ten writers on one file): a
            // folder there now, and not a link, is the one they wanted.
            var made = stat()
            guard lstat(level, &made) == 0, made.st_mode & S_IFMT == S_IFDIR else { throw error }
            return
        }
        chmod(level, folderMode)
    }

    private func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
