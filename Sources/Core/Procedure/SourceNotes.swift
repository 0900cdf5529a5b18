/// What the procedure says of itself beyond its steps: section 8, shown where staff commit to
/// the procedure, in the procedure file's words.
public enum SourceNotes {
    /// Section 8 (その他): breaking the procedure is punishable.
    public static var breach: Localized { ProcedureScope.document.breach }
}
