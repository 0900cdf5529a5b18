import Core
import Foundation

/// `yakkan terms check`: the services' published terms compared with those kept, by fetching
/// them or from a copy saved by hand; Core decides, this says what it found.
struct TermsFlow {
    let session: Session
    let store: any Store
    let language: Language

    /// Exit 75 when no address could be reached, or libcurl is not installed (nothing recorded;
    /// try again, or use --file).
    func check(_ ids: [Int64], file: String?, address: String?, allowHTTP: Bool) throws -> Int32 {
        let actor = try session.actor(store)
        if allowHTTP, actor.member?.isAdministrator != true {
            session.show(.error, TermsCheckText.httpForAdministrators(language))
            return 1
        }
        let now = Village.timestamp(session.clock.now)
        var applications: [ApplicationRecord] = []
        for id in ids {
            guard let application = try store.application(id: id) else { throw StoreError.notFound(id: id) }
            if let refusal = TermsDecision.mayCheck(application, login: actor.login, member: actor.member) {
                session.show(.error, refusal(language))
                return 1
            }
            applications.append(application)
        }
        let checker = TermsChecker(store: store, fetcher: TermsFetcher(policy: Self.policy(session.environment, allowHTTP: allowHTTP)))
        let report: TermsChecker.Report
        if let file {
            guard applications.count == 1 else { throw InputError(message: TermsCheckText.fileNeedsOneService(language)) }
            let path = file.hasPrefix("/") ? file : session.workingDirectory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(message: TermsCheckText.fileUnreadable(file)(language))
            }
            report = try checker.check(applications[0], copy: data, named: (file as NSString).lastPathComponent, address: address, by: actor.login, at: now)
        } else {
            if ids.isEmpty {
                applications = TermsChecker.covered(try store.applications()).filter {
                    TermsDecision.mayCheck($0, login: actor.login, member: actor.member) == nil
                }
                if applications.isEmpty {
                    session.show(.info, TermsCheckText.nothingToCheck(language))
                    return 0
                }
            }
            for application in applications where TermsAddress.of(application.answers).isEmpty {
                session.show(.warning, TermsCheckText.noAddress(application)(language))
            }
            report = try checker.check(applications, by: actor.login, at: now, today: Village.today(session.clock))
        }
        if let library = report.missingLibrary {
            session.show(.error, TermsCheckText.noClientLibrary(library)(language))
            return 75
        }
        for (line, isChange) in TermsCheckText.lines(report) {
            session.show(isChange ? .warning : .info, line(language))
        }
        if report.noNetwork {
            session.show(.error, TermsCheckText.noNetwork(language))
            return 75
        }
        if !report.alerts.isEmpty { session.show(.notice, TermsCheckText.alerted(report.alerts.count)(language)) }
        return 0
    }

    /// The limits, which an administrator may change for a store's users through the
    /// environment (a slow line, terms published as a large PDF).
    static func policy(_ environment: [String: String], allowHTTP: Bool) -> TermsFetcher.Policy {
        var policy = TermsFetcher.Policy(allowHTTP: allowHTTP)
        if let seconds = environment["YAKKAN_TERMS_TIMEOUT"].flatMap(Double.init), seconds > 0 { policy.timeout = seconds }
        if let megabytes = environment["YAKKAN_TERMS_MAX_MB"].flatMap(Int.init), megabytes > 0 { policy.sizeLimit = megabytes * 1_000_000 }
        return policy
    }
}
