import Core
import Foundation

/// One line on the terminal that says how far `audit verify` has come, rewritten in place: a
/// lifetime of a village is minutes of replay. Only when standard error is a terminal, so that
/// scripts, logs and transcripts see none of it.
final class VerifyProgressLine {
    private let session: Session
    private let lang: Language
    private var shownAt = Date.distantPast

    init?(session: Session, lang: Language) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.session = session
        self.lang = lang
    }

    func show(_ progress: VerifyProgress) {
        // Four times a second is enough to see it move, and costs nothing of the replay.
        guard Date().timeIntervalSince(shownAt) >= 0.25 else { return }
        shownAt = Date()
        session.diagnostics.writeVerbatim("\r" + TerminalText.neutralised(TrustText.verifying(progress)(lang)) + "\u{1B}[K")
    }

    func clear() {
        session.diagnostics.writeVerbatim("\r\u{1B}[K")
    }
}
