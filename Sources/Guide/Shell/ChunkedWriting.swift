/// Gathers a long output into pieces of 64 KiB before writing them: a write per line or per
/// service would be a system call each. Pieces are whole texts, so a chunk never ends inside a
/// character (nor between the CR and LF of a CSV line). Bytes, so that an export written as
/// bytes is never made a String.
struct ChunkedWriting {
    private var pending: [UInt8] = []
    private let sink: ([UInt8]) -> Void

    init(_ sink: @escaping ([UInt8]) -> Void) { self.sink = sink }

    mutating func write(_ piece: String) {
        pending.append(contentsOf: piece.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    /// UTF-8 text as bytes.
    mutating func write(bytes piece: [UInt8]) {
        pending.append(contentsOf: piece)
        if pending.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        sink(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
