/// Something a person must see and acknowledge: an incident elsewhere, a stopped service,
/// a change that needs the 利用責任者's decision, a difference the users reported.
public struct Alert: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// 6(7): an incident at another organisation with a service of the same provider.
        case incidentElsewhere = "incident_elsewhere"
        /// 6(8): an incident with this service.
        case incident
        /// 6(2): the service was stopped.
        case stopped
        /// 6(1): what the service offers changed; the 利用責任者 decides to continue or stop.
        case serviceChanged = "service_changed"
        /// 6(6): a user reported that purpose or information differ from the application.
        case usageDiffers = "usage_differs"
        /// 6(1): the 利用責任者 decided to continue or stop after a change.
        case continuationDecided = "continuation_decided"
        /// 6(2), 6(7): users who are not in the directory cannot be alerted here; the 利用責任者
        /// is given their names, to tell them by other means.
        case tellOtherwise = "tell_otherwise"
    }

    public var id: Int64?
    public let applicationID: Int64?
    public let kind: Kind
    /// Whom it is for: a login when known, else the name written on the form.
    public let recipientLogin: String?
    public let recipientName: String?
    public let message: Localized
    public let createdAt: String
    public var acknowledgedAt: String?
    /// Set on alerts that need a decision, not only a reading (a change of the service).
    public let needsDecision: Bool

    public init(
        id: Int64? = nil, applicationID: Int64?, kind: Kind, recipientLogin: String?, recipientName: String?,
        message: Localized, createdAt: String, acknowledgedAt: String? = nil, needsDecision: Bool = false
    ) {
        self.id = id
        self.applicationID = applicationID
        self.kind = kind
        self.recipientLogin = recipientLogin
        self.recipientName = recipientName
        self.message = message
        self.createdAt = createdAt
        self.acknowledgedAt = acknowledgedAt
        self.needsDecision = needsDecision
    }

    /// Alerts are read by the login they were written for; one written under a name only (a
    /// user not in the directory) is nobody's to acknowledge in yakkan.
    public func isFor(login: String) -> Bool { recipientLogin == login }

    /// Whether this person still has to read it; alerts asking for a decision are answered,
    /// not read.
    public func isUnread(by login: String) -> Bool {
        acknowledgedAt == nil && !needsDecision && isFor(login: login)
    }
}

/// A security incident: at another organisation (6(7)) or with one of the village's services (6(8)).
public struct Incident: Sendable, Codable, Equatable {
    public var id: Int64?
    /// The service it happened to here; nil for an incident elsewhere.
    public let applicationID: Int64?
    public let provider: String
    public let service: String
    public let occurredOn: Day
    public let what: String
    /// Where it was learnt (a news item, the provider's notice); for incidents elsewhere.
    public let source: String?
    /// What was done about it; for the village's own incidents.
    public let action: String?
    public let recordedBy: String
    public let recordedAt: String

    public init(
        id: Int64? = nil, applicationID: Int64?, provider: String, service: String, occurredOn: Day, what: String,
        source: String?, action: String?, recordedBy: String, recordedAt: String
    ) {
        self.id = id
        self.applicationID = applicationID
        self.provider = provider
        self.service = service
        self.occurredOn = occurredOn
        self.what = what
        self.source = source
        self.action = action
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Whether the incident concerns this provider or service (check 6 looks at 3 years), the
    /// names compared as people type them (ProviderNames: part of a name, no 株式会社, widths).
    public func concerns(provider: String, service: String) -> Bool {
        ProviderNames.fits(self.provider, provider) || (!self.service.isEmpty && ProviderNames.fits(self.service, service))
    }
}
