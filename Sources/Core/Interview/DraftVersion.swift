/// A new application's draft keeps the version of the procedure it was begun under. Resumed once
/// another version is in force, it goes on under that one (a form is sent under the version in
/// force, `Decide` refuses another), with every answer kept, and its writer is told so; a class
/// answered on another scale than the new version's is asked again, since its rank would name
/// another label (or none) on the new scale.
public enum DraftVersion {
    /// A draft begun now, under the version in force.
    public static func begun(_ draft: Draft, under inForce: ProcedureVersion) -> Draft {
        var begun = draft
        if begun.applicationID == nil { begun.state.procedureVersion = inForce.version }
        return begun
    }

    /// The draft as it goes on under `inForce`, and what to say when it was begun under another
    /// version. A returned form is corrected under its own version and is left as it is.
    public static func resumed(
        _ draft: Draft, under inForce: ProcedureVersion, book: ProcedureBook = ProcedureScope.book
    ) -> (draft: Draft, notice: Localized?) {
        guard draft.applicationID == nil else { return (draft, nil) }
        let begunUnder = draft.state.procedureVersion
        var moved = draft
        moved.state.procedureVersion = inForce.version
        guard let begunUnder, begunUnder != inForce.version else { return (moved, nil) }
        let newScale = book.document(version: inForce.version).classificationScale
        let scaleChanged = book.document(version: begunUnder).classificationScale != newScale
        let classAnswered = moved.state.answers.contains { $0.value.classification != nil }
        guard scaleChanged && classAnswered else { return (moved, movedOver(from: begunUnder, to: inForce.version)) }
        moved.state.answers = moved.state.answers.filter { $0.value.classification == nil }
        return (moved, movedOver(from: begunUnder, to: inForce.version) + classAskedAgain(newScale))
    }

    static func classAskedAgain(_ scale: [String]) -> Localized {
        Localized(
            "ただし重要性分類は分類のしかたが変わったため（\(scale.joined(separator: "・"))）、答え直してください。",
            " The classification is asked again: the new version classifies otherwise (\(scale.joined(separator: ", "))).")
    }

    static func movedOver(from old: String, to new: String) -> Localized {
        Localized(
            "この下書きは手順書 \(old) 版で始めたものです。その後 \(new) 版が施行されたため、\(new) 版の問いで続けます。これまでの答えはすべて残ります。\(new) 版の問いのうち、まだ答えていないものを尋ねます。",
            "This draft was begun under procedure version \(old); version \(new) has come into force since, so it goes on under \(new). Every answer given is kept; you are asked what \(new) asks that the draft has not answered yet.")
    }
}
