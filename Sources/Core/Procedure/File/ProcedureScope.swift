import Foundation

/// Which version of the procedure the code running now reads: the checks, the notices, the
/// classes needing permission, the duties and the retention of `ApplicationChecks`, `RiskNotice`,
/// `DutyKind` and the like all come from here.
///
/// It is bound, never set: a run of yakkan binds the village's book once its store is open
/// (`ProcedureSession`), `Decide` binds the book of the state it decides from and the version of
/// the form an act is about, and whatever shows, prints or exports a form binds that form's
/// version around it (`forForm`). Outside any binding it is the built-in 1.0. A task-local keeps
/// two runs in one process (the tests) apart.
public enum ProcedureScope {
    /// The village's versions and the one in force for this run.
    @TaskLocal public static var session: ProcedureSession?
    /// The version of the form being read, while it is read.
    @TaskLocal static var form: ProcedureDocument?
    @TaskLocal static var decidingBook: ProcedureBook?

    /// The version the code running now reads.
    public static var document: ProcedureDocument {
        form ?? session?.inForce ?? BuiltInProcedure.document
    }

    public static var book: ProcedureBook {
        decidingBook ?? session?.book ?? .builtIn
    }

    /// Runs `body` reading the version a form was made under.
    public static func forForm<T>(version: String, _ body: () throws -> T) rethrows -> T {
        try $form.withValue(book.document(version: version), operation: body)
    }

    public static func forForm<T>(_ record: ApplicationRecord, _ body: () throws -> T) rethrows -> T {
        try forForm(version: record.procedureVersion, body)
    }

    /// Runs `body` under a book read from a store's state, with the version in force on `day`.
    static func deciding<T>(under book: ProcedureBook, on day: Day, form version: String? = nil, _ body: () throws -> T) rethrows -> T {
        try $decidingBook.withValue(book) {
            try $form.withValue(version.map(book.document) ?? book.inForce(on: day), operation: body)
        }
    }

    /// Runs `body` reading a form's version from a store's own book (the projection, which runs
    /// outside any run's binding on a replay).
    static func forForm<T>(version: String, in book: ProcedureBook, _ body: () throws -> T) rethrows -> T {
        try $decidingBook.withValue(book) { try forForm(version: version, body) }
    }
}

/// One run's procedure: the village's book, read from its store when the store is opened, and
/// the version in force on the run's day, read when first asked for (most commands never ask:
/// see `ProcedureBook`).
public final class ProcedureSession: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (book: ProcedureBook, today: Day?) = (.builtIn, nil)
    private var inForceRead: ProcedureDocument?
    /// Counts the books read, so that a version worked out from a book since replaced is not kept.
    private var generation = 0

    public init() {}

    public var book: ProcedureBook { lock.withLock { current.book } }

    public var inForce: ProcedureDocument {
        lock.lock()
        let (book, today, known, asked) = (current.book, current.today, inForceRead, generation)
        lock.unlock()
        if let known { return known }
        // Worked out outside the lock: reading a file may ask for the procedure again.
        let document = today.map { book.inForce(on: $0) } ?? BuiltInProcedure.document
        lock.lock()
        if generation == asked { inForceRead = document }
        lock.unlock()
        return document
    }

    public func read(_ book: ProcedureBook, today: Day) {
        lock.withLock {
            current = (book, today)
            inForceRead = nil
            generation += 1
        }
    }
}
