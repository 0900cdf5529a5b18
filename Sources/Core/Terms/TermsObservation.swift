import Crypto
import Foundation

/// What one fetch (or one saved copy) of a service's terms gave, as the person checking says
/// it: the text, reduced and with ignored lines taken out, and the SHA-256 of the text and of
/// the bytes it came from; or why there was none. `Decide` compares it with the text kept.
public struct TermsObservation: Codable, Equatable, Sendable {
    public var address: String
    /// "fetched", or the name of the copy given with --file.
    public var origin: String
    public var sourceSHA256: String?
    public var textSHA256: String?
    /// The text itself goes into the log only when it differs from the kept one (or nothing is
    /// kept yet): an unchanged daily check adds a hash, not the terms again.
    public var text: String?
    public var failure: TermsFailure?

    public init(address: String, origin: String, sourceSHA256: String? = nil, textSHA256: String? = nil, text: String? = nil, failure: TermsFailure? = nil) {
        self.address = address
        self.origin = origin
        self.sourceSHA256 = sourceSHA256
        self.textSHA256 = textSHA256
        self.text = text
        self.failure = failure
    }

    public static let fetched = "fetched"

    /// An observation of text, carrying the text only when `kept` (the hash kept now) differs.
    public static func of(text: String, source: Data, address: String, origin: String, kept: String?) -> TermsObservation {
        let hash = sha256(text)
        return TermsObservation(
            address: address, origin: origin, sourceSHA256: Hex.string(SHA256.hash(data: source)), textSHA256: hash,
            text: hash == kept ? nil : text)
    }

    public static func sha256(_ text: String) -> String { Hex.string(SHA256.hash(data: Data(text.utf8))) }
}

/// The result of one address in a check, as kept in the service's record.
public enum TermsOutcome: String, Codable, Sendable {
    /// No text was kept before: this one is kept, as approved or first seen.
    case kept
    case unchanged
    case changed
    case unreachable
}
