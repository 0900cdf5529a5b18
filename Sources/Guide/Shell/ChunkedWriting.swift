/// Gathers a long output into pieces of 64 KiB before writing them: a write per line or per
/// service would be a system call each.
struct ChunkedWriting {
    private var pending = ""
    private let sink: (String) -> Void

    init(_ sink: @escaping (String) -> Void) { self.sink = sink }

    mutating func write(_ piece: String) {
        pending += piece
        if pending.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        sink(pending)
        pending = ""
    }
}
