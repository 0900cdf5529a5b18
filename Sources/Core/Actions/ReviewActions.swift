/// The double check and the acknowledgement of the risks (5(2)–(4)), as records: made here from
/// what was answered, checked by FourEyes and AcknowledgementRules in the shell before the form
/// and again by the store inside the transaction that records them.
public enum ReviewActions {
    /// The decision a reviewer's answers make on the form they reviewed.
    public static func decision(
        on application: ApplicationRecord, form: Decision.Form, answers: Answers, by login: String, reviewerName: String?,
        at timestamp: String, reviewedVersion: Int
    ) -> Decision {
        var decision = Decision(
            applicationID: application.id, reviewerLogin: login, reviewerName: reviewerName ?? login,
            outcome: DecisionOutcome(rawValue: answers[ReviewFields.decision]?.choice ?? "") ?? .returned,
            reason: answers[ReviewFields.reason]?.text, answers: answers, decidedAt: timestamp, applicationVersion: reviewedVersion)
        decision.form = form
        return decision
    }

    /// The service manager's acknowledgement of the risks, in their own name as the form gives it.
    public static func acknowledgement(of application: ApplicationRecord, by login: String, at timestamp: String) -> Acknowledgement {
        Acknowledgement(applicationID: application.id, login: login, name: application.serviceManager, acknowledgedAt: timestamp)
    }
}
