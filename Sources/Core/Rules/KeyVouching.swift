import Crypto
import Foundation

/// Whose key counts. A published key counts when the operating system vouches for it (its file
/// is owned by that login's account), or, for a login with no account on this machine, when an
/// administrator vouched for exactly that key with a signed act. Anyone else's key is a finding
/// that fails verify: otherwise a member could publish a key in the name of someone listed but
/// not yet given an account, and sign approvals as them.
public enum KeyVouching {
    /// Why `actor` may not vouch for `login`'s key now.
    public static func refusal(actor: StaffMember?, login: String, publicKey: String, directory: [StaffMember]) -> Localized? {
        guard actor?.isAdministrator == true else { return onlyAdministrators }
        guard actor?.login != login else { return notYourOwn }
        guard directory.contains(where: { $0.login == login }) else { return StaffText.notListed(login) }
        guard fingerprint(publicKey) != nil else { return notAKey(login) }
        return nil
    }

    /// The first 16 hex digits of the key's SHA-256, for reading aloud over the telephone: the
    /// administrator compares it with the one the person's own yakkan shows before vouching.
    public static func fingerprint(_ publicKey: String) -> String? {
        guard let raw = Data(base64Encoded: publicKey), (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else { return nil }
        let digest = Hex.string(SHA256.hash(data: raw))
        return stride(from: 0, to: 16, by: 4).map { offset in
            String(digest.dropFirst(offset).prefix(4))
        }.joined(separator: "-")
    }

    // MARK: Wording

    static let onlyAdministrators = Localized(
        "鍵を保証できるのは管理者だけです。", "Only an administrator can vouch for a key.")
    static let notYourOwn = Localized(
        "自分の鍵は保証できません。別の管理者に依頼してください。", "Nobody vouches for their own key; ask another administrator.")
    public static func yourFingerprint(_ fingerprint: String) -> Localized {
        Localized(
            "あなたの鍵の指紋：\(fingerprint)（管理者が yakkan staff vouch で保証するとき、この指紋を伝えてください）",
            "Your key's fingerprint: \(fingerprint) (read it to the administrator who vouches for your key with yakkan staff vouch)")
    }
    public static func notAKey(_ login: String) -> Localized {
        Localized(
            "\(login) さんの公開鍵がまだ公開されていないか、読めません。本人が一度 yakkan で記録すると公開されます。",
            "\(login) has no readable public key yet; it is published the first time they record something with yakkan.")
    }
    public static func vouched(_ login: String, fingerprint: String) -> Localized {
        Localized(
            "\(login) さんの鍵（指紋 \(fingerprint)）を保証しました。本人の yakkan staff key が示す指紋と同じであることを確かめてください。",
            "Vouched for \(login)'s key (fingerprint \(fingerprint)). Make sure it is the fingerprint their yakkan staff key shows.")
    }
}
