import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lines written in the order of a key when the last of them is known, holding only the keys:
/// past `memoryLimit` bytes of text, the text goes to an unlinked temporary file and is read
/// back line by line in the keys' order. `due --all` sorts the whole village's list by
/// urgency; held as items, the list grew with the village (677 MB at 100,000 services).
final class SortedLines<Key: Comparable> {
    private var places: [(key: Key, offset: Int, length: Int32)] = []
    /// The text not yet on disk; all of it while under `memoryLimit`.
    private var pending: [UInt8] = []
    private var spilled = 0
    private var descriptor: Int32 = -1
    private let memoryLimit: Int

    /// No temporary file could be made: the text stays in memory.
    private var cannotSpill = false

    /// 1 MB: the list of 6,632 services is 3.3 MB of text, which held in memory made `due
    /// --all` 6 MB larger than at 1,000 services.
    init(memoryLimit: Int = 1 << 20) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    var isEmpty: Bool { places.isEmpty }

    func add(_ key: Key, _ line: String) {
        let bytes = Array(line.utf8)
        places.append((key, spilled + pending.count, Int32(bytes.count)))
        pending += bytes
        if pending.count >= memoryLimit && !cannotSpill { spill() }
    }

    /// Every line in the keys' order; lines of equal keys in the order they were added, as a
    /// stable sort of the items would give them.
    func each(_ body: (String) -> Void) {
        let order = places.indices.sorted { a, b in
            places[a].key < places[b].key || (!(places[b].key < places[a].key) && a < b)
        }
        var buffer = [UInt8]()
        for index in order {
            let place = places[index]
            let length = Int(place.length)
            if place.offset >= spilled {
                let start = place.offset - spilled
                body(String(decoding: pending[start..<start + length], as: UTF8.self))
                continue
            }
            if buffer.count < length { buffer = [UInt8](repeating: 0, count: length) }
            var read = 0
            while read < length {
                let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + read, length - read, off_t(place.offset + read)) }
                // A file of our own, just written: a read that fails leaves the line short
                // rather than stopping the rest of the list.
                if got <= 0 { if got < 0 && errno == EINTR { continue } else { break } }
                read += got
            }
            body(String(decoding: buffer[0..<read], as: UTF8.self))
        }
    }

    /// Writes the pending text to the temporary file, opened at the first spill and unlinked at
    /// once so that nothing is left behind whatever ends the process. Where no temporary file
    /// can be made the text stays in memory: the list is still right, only larger.
    private func spill() {
        if descriptor < 0 {
            var template = Array((NSTemporaryDirectory() + "/yakkan-list-XXXXXX").utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { cannotSpill = true; return }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        // At its place in the file, so that a write that failed part way is written again whole
        // at the next spill, the text being kept until then.
        var written = 0
        while written < pending.count {
            let wrote = pending.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + written, pending.count - written, off_t(spilled + written)) }
            if wrote < 0 && errno == EINTR { continue }
            guard wrote > 0 else { return }
            written += wrote
        }
        spilled += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}
