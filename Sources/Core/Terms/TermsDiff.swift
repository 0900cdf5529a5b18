/// A readable difference between two texts of the terms, line by line: the standard library's
/// `CollectionDifference` (Myers' algorithm) does the work; this only lays it out as a
/// unified diff without headers: `- ` removed, `+ ` added, two lines of context, `…` between.
public enum TermsDiff {
    public static func lines(from old: String, to new: String, context: Int = 2) -> [String] {
        let before = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let after = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = after.difference(from: before)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        guard !removed.isEmpty || !inserted.isEmpty else { return [] }
        // Walk both texts together: each step is a common line, a removal or an insertion.
        enum Step { case same(String), removed(String), added(String) }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < before.count || j < after.count {
            if i < before.count, removed.contains(i) { steps.append(.removed(before[i])); i += 1 }
            else if j < after.count, inserted.contains(j) { steps.append(.added(after[j])); j += 1 }
            else { steps.append(.same(after[j])); i += 1; j += 1 }
        }
        let changed = steps.indices.filter { if case .same = steps[$0] { return false } else { return true } }
        var shown = Set<Int>()
        for index in changed { shown.formUnion(max(0, index - context)...min(steps.count - 1, index + context)) }
        var out: [String] = []
        var last = -1
        for index in shown.sorted() {
            if last >= 0, index > last + 1 { out.append("…") }
            switch steps[index] {
            case .same(let line): out.append("  " + line)
            case .removed(let line): out.append("- " + line)
            case .added(let line): out.append("+ " + line)
            }
            last = index
        }
        return out
    }
}
