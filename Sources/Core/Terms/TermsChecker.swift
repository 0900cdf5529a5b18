import Foundation

/// One run of `yakkan terms check`: each address fetched at most once a day (whatever number of
/// services name it, and across runs, read from the recorded checks), reduced to text,
/// and each service's observations appended as one signed command. A run in which no address
/// could be reached at all (no network, no name service) records nothing and says so.
public struct TermsChecker {
    public let store: any Store
    public let fetcher: TermsFetcher

    public init(store: any Store, fetcher: TermsFetcher) {
        self.store = store
        self.fetcher = fetcher
    }

    public enum Outcome: Sendable {
        /// Decided and recorded now.
        case recorded(TermsRecord.Result)
        /// Fetched already today: the page is not asked for again.
        case alreadyToday(TermsRecord.Result)
        /// Not recorded: the run reached no address at all.
        case notRecorded(TermsFailure)
    }

    public struct Line: Sendable {
        public let application: ApplicationRecord
        public let address: String
        public let outcome: Outcome
    }

    public struct Report: Sendable {
        public var lines: [Line] = []
        public var alerts: [Alert] = []
        /// No address answered in any way: nothing was recorded.
        public var noNetwork = false
        /// How many requests this run made (tests show nothing is asked twice a day).
        public var requests = 0
        /// libcurl is not installed (its name): nothing was fetched or recorded.
        public var missingLibrary: String?
    }

    /// The services a check covers when none is named: those approved or in use that name an address.
    public static func covered(_ applications: [ApplicationRecord]) -> [ApplicationRecord] {
        applications.filter { ($0.status == .inUse || $0.status == .approved) && !TermsAddress.of($0.answers).isEmpty }
            .sorted { $0.id < $1.id }
    }

    public func check(_ applications: [ApplicationRecord], by login: String, at timestamp: String, today: Day) throws -> Report {
        let everyone = try store.applications()
        var report = Report()
        var pages: [String: Result<TermsFetcher.Page, TermsFailure>] = [:]
        var pending: [(ApplicationRecord, [TermsObservation])] = []
        var planned: [Line] = []
        for application in applications {
            var observations: [TermsObservation] = []
            for address in TermsAddress.of(application.answers) {
                if let earlier = TermsRecord.fetched(address.address, on: today, among: everyone) {
                    planned.append(Line(application: application, address: address.address, outcome: .alreadyToday(earlier)))
                    continue
                }
                let page: Result<TermsFetcher.Page, TermsFailure>
                if let known = pages[address.address] {
                    page = known
                } else if let library = fetcher.missingLibrary {
                    return Report(missingLibrary: library)
                } else {
                    page = fetcher.fetch(address.address)
                    pages[address.address] = page
                    report.requests += 1
                }
                let kept = TermsRecord.kept(application, address: address.address)?.sha256
                switch page.flatMap({ fetched in TermsText.reduce(fetched.data, contentType: fetched.contentType).map { ($0, fetched.data) } }) {
                case .success(let (text, source)):
                    observations.append(.of(text: address.kept(text), source: source, address: address.address, origin: TermsObservation.fetched, kept: kept))
                case .failure(let failure):
                    observations.append(TermsObservation(address: address.address, origin: TermsObservation.fetched, failure: failure))
                }
            }
            pending.append((application, observations))
        }
        let tried = pages.values
        if !tried.isEmpty, tried.allSatisfy({ if case .failure(let failure) = $0 { return failure.isNoRoute } else { return false } }) {
            report.noNetwork = true
            report.lines = planned + pending.flatMap { application, observations in
                observations.map { Line(application: application, address: $0.address, outcome: .notRecorded($0.failure!)) }
            }
            return report
        }
        report.lines = planned
        for (application, observations) in pending where !observations.isEmpty {
            let performed = try store.checkTerms(application.id, observations, by: login, at: timestamp)
            report.alerts += performed.alerts
            report.lines += Self.recorded(performed, application)
        }
        return report
    }

    /// A copy saved by hand (HTML, PDF or text), compared with the text kept for `address`
    /// (the service's first address unless named) exactly as a fetched page would be.
    public func check(_ application: ApplicationRecord, copy data: Data, named name: String, address: String?, by login: String, at timestamp: String) throws -> Report {
        let addresses = TermsAddress.of(application.answers)
        let target = addresses.first { $0.address == address } ?? addresses.first ?? TermsAddress(address: address ?? name)
        let kept = TermsRecord.kept(application, address: target.address)?.sha256
        let observation: TermsObservation
        switch TermsText.reduce(data, contentType: nil) {
        case .success(let text): observation = .of(text: target.kept(text), source: data, address: target.address, origin: name, kept: kept)
        case .failure(let failure): observation = TermsObservation(address: target.address, origin: name, failure: failure)
        }
        let performed = try store.checkTerms(application.id, [observation], by: login, at: timestamp)
        return Report(lines: Self.recorded(performed, application), alerts: performed.alerts)
    }

    /// At approval: the terms as the 利用責任者 saw them attached, kept for the first address
    /// (the other addresses, and an attachment that is a screenshot, are kept at their first
    /// fetch). Nil when there is nothing to keep.
    public func keepAttached(_ application: ApplicationRecord, by login: String, at timestamp: String) throws -> Report? {
        guard let address = TermsAddress.of(application.answers).first, TermsRecord.kept(application, address: address.address) == nil else { return nil }
        for attachment in application.answers[ApplicationFields.terms]?.files ?? [] {
            guard let data = FileManager.default.contents(atPath: store.storedPath(of: attachment)),
                  case .success(let text) = TermsText.reduce(data, contentType: nil)
            else { continue }
            let observation = TermsObservation.of(text: address.kept(text), source: data, address: address.address, origin: attachment.fileName, kept: nil)
            let performed = try store.checkTerms(application.id, [observation], by: login, at: timestamp)
            return Report(lines: Self.recorded(performed, application), alerts: performed.alerts)
        }
        return nil
    }

    private static func recorded(_ performed: Performed, _ application: ApplicationRecord) -> [Line] {
        performed.events.flatMap { event -> [Line] in
            guard case .dutyRecorded(_, let record) = event, record.kind == .termsCheck else { return [] }
            return TermsRecord.results(of: record).map { Line(application: performed.record ?? application, address: $0.address, outcome: .recorded($0)) }
        }
    }
}
