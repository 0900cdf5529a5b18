/// A file attached to a form, copied into the store so the record survives the original.
public struct Attachment: Sendable, Codable, Hashable {
    public let sha256: String
    public let fileName: String
    public let size: Int64
    /// When it was copied into the store (ISO 8601, UTC).
    public let addedAt: String

    public init(sha256: String, fileName: String, size: Int64, addedAt: String) {
        self.sha256 = sha256
        self.fileName = fileName
        self.size = size
        self.addedAt = addedAt
    }
}

/// Why a file could not be attached.
public enum AttachmentProblem: Error, Equatable, Sendable {
    case missing(path: String)
    case unreadable(path: String)
    case notAFile(path: String)
    case empty(path: String)
    /// Followed, a link could copy a file the person typing may not read into the store.
    case symbolicLink(path: String)
    /// Larger than the store takes (`FileVault.sizeLimit`).
    case tooLarge(path: String, size: Int64, limit: Int64)
    /// The person's file was read, but the store could not keep its copy (a full disk, a size
    /// limit, no permission on the attachment folder): a fault of the store, not of the file.
    case notKept(path: String, fault: StoreError)
}

/// Takes a path typed by the user and returns the stored copy. The store implements it;
/// tests may substitute their own.
public protocol AttachmentIntake: Sendable {
    func ingest(path: String) -> Result<Attachment, AttachmentProblem>
}
