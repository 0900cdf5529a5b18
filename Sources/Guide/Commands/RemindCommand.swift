import ArgumentParser
import Core
import Foundation

/// `yakkan remind`, run by cron or a systemd timer: mails each person in the directory who has
/// an address what is due, overdue or waiting for them and their unread alerts, each item at
/// most once a day; then verifies the store and mails the administrators each new finding once.
struct RemindCommand: ParsableCommand, SessionCommand {
    static let configuration = CommandConfiguration(commandName: "remind", abstract: CommandHelp.remind)
    @OptionGroup var common: CommonOptions
    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(CommandHelp.remindDryRun)) var dryRun = false

    /// sysexits' EX_TEMPFAIL: cron and systemd read it as "try again later".
    static let mailNotHandedOver: Int32 = 75

    func run(in session: Session) throws -> Int32 {
        // A mistyped path is refused rather than made into an empty store.
        _ = try common.readStore(session)
        let store = try common.openStore(session)
        let today = Village.today(session.clock)
        let language = common.lang
        let staff = try store.staff().acting(on: today)
        let stranded = staff.contains(where: \.isAdministrator) ? try WaitingWork.stranded(store: store, today: today) : []
        let sent = try store.remindersSent(on: today)
        let sendmail = dryRun ? nil : Sendmail.find(environment: session.environment)
        if !dryRun && sendmail == nil {
            session.show(.error, RemindText.noSendmail(language))
            return Self.mailNotHandedOver
        }
        var failed = false
        // Each person's list is what their own `due` shows, read and let go one person at a
        // time: everyone's services held for every list grew with the village.
        func list(_ member: StaffMember) throws -> [TodayItem] {
            let actor = Actor(login: member.login, name: member.name, member: member)
            return try WaitingWork.items(for: actor, matching: actor.involvedServices, store: store, today: today, stranded: { stranded })
        }
        // Who cannot be mailed, first: the administrators' mail names them (only their lists are made twice).
        let unreachable = ReminderMail.unreachable(try staff.filter { $0.mail == nil }.compactMap { member in
            let count = ReminderMail.unsent(try list(member), sent: sent[member.login] ?? []).count
            return count > 0 ? (member, count) : nil
        })
        for member in staff {
            let listed = try list(member)
            // An administrator without an address is told of it on the screen, not by mail.
            let others = unreachable.filter { $0.subject != ReminderMail.unreachableSubject(member.login) }
            let items = member.isAdministrator ? TodayList.sorted(listed + others) : listed
            let unsent = ReminderMail.unsent(items, sent: sent[member.login] ?? [])
            guard !unsent.isEmpty else { continue }
            guard let address = member.mail else {
                session.show(.warning, RemindText.noAddress(member, unsent.count)(language))
                continue
            }
            // The directory's rule again: a row written behind yakkan's back must not add headers or recipients.
            if let refusal = DirectoryRules.mailRefusal(address) {
                session.show(.error, RemindText.unusableAddress(member, refusal)(language))
                failed = true
                continue
            }
            guard let sendmail else {
                session.output.write(ReminderMail.message(to: member, address: address, items: unsent, today: today) + "\n")
                continue
            }
            let claimed = try store.claimReminders(unsent.map(\.key), for: member.login, on: today, at: Village.timestamp(session.clock.now))
            let mine = unsent.filter { claimed.contains($0.key) }
            guard !mine.isEmpty else { continue }
            if let problem = sendmail.send(ReminderMail.message(to: member, address: address, items: mine, today: today), environment: session.environment) {
                try store.forgetReminders(mine.map(\.key), for: member.login, on: today)
                session.show(.error, RemindText.notSent(member, problem)(language))
                failed = true
                continue
            }
            session.show(.success, RemindText.sent(member, address, mine.count)(language))
        }
        let kept = KeptRebuild.personal(
            environment: session.environment, storePath: StoreLocation.resolve(option: common.store, environment: session.environment))
        let findings = RemindFindings(session: session, store: store, sendmail: sendmail, today: today, language: language, kept: kept)
        if !(try findings.run(staff: staff)) { failed = true }
        return failed ? Self.mailNotHandedOver : 0
    }
}
