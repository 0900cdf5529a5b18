/// A new application's draft keeps the version of the procedure it was begun under. Resumed once
/// another version is in force, it goes on under that one (a form is sent under the version in
/// force, `Decide` refuses another), with every answer kept, and its writer is told so.
public enum DraftVersion {
    /// A draft begun now, under the version in force.
    public static func begun(_ draft: Draft, under inForce: ProcedureVersion) -> Draft {
        var begun = draft
        if begun.applicationID == nil { begun.state.procedureVersion = inForce.version }
        return begun
    }

    /// The draft as it goes on under `inForce`, and what to say when it was begun under another
    /// version. A returned form is corrected under its own version and is left as it is.
    public static func resumed(_ draft: Draft, under inForce: ProcedureVersion) -> (draft: Draft, notice: Localized?) {
        guard draft.applicationID == nil else { return (draft, nil) }
        let begunUnder = draft.state.procedureVersion
        var moved = draft
        moved.state.procedureVersion = inForce.version
        guard let begunUnder, begunUnder != inForce.version else { return (moved, nil) }
        return (moved, movedOver(from: begunUnder, to: inForce.version))
    }

    static func movedOver(from old: String, to new: String) -> Localized {
        Localized(
            "この下書きは手順書 \(old) 版で始めたものです。その後 \(new) 版が施行されたため、\(new) 版の問いで続けます。これまでの答えはすべて残ります。\(new) 版の問いのうち、まだ答えていないものを尋ねます。",
            "This draft was begun under procedure version \(old); version \(new) has come into force since, so it goes on under \(new). Every answer given is kept; you are asked what \(new) asks that the draft has not answered yet.")
    }
}
