/// What follows from a recorded duty: routing abroad stops the service at once (6(2)); a
/// change asks the 利用責任者 to decide (6(1)); users reporting a difference ask for a new
/// application (6(6)).
public enum DutyConsequences {
    public static func of(_ record: DutyRecord, _ application: ApplicationRecord, _ directory: Directory) -> (stop: ServiceStop?, alerts: [Alert]) {
        switch record.kind {
        case .contentReview:
            let details = record.answers[DutyFields.changeDetails]?.text ?? ""
            if DutyProcedures.foundOverseas(record.answers) {
                let stop = ServiceStop(
                    reason: EventProcedures.overseasReason.ja + (details.isEmpty ? "" : "：" + details),
                    stoppedBy: record.recordedBy, stoppedAt: record.recordedAt)
                return (stop, Notifications.stopped(application, stop, directory))
            }
            if DutyProcedures.needsContinuationDecision(record.answers) {
                return (nil, Notifications.serviceChanged(application, details: details, directory, at: record.recordedAt))
            }
        case .userConfirmation:
            let differing = DutyProcedures.differingUsers(record.answers, users: application.users)
            if !differing.isEmpty {
                let details = record.answers[DutyFields.differences]?.text ?? ""
                return (nil, Notifications.usageDiffers(application, users: differing, details: details, directory, at: record.recordedAt))
            }
        case .backup, .alternative, .inventory, .termsCheck:
            break
        }
        return (nil, [])
    }
}
