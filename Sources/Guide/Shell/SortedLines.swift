import Core
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lines written in the order of a key when the last of them is known. Up to `memoryLimit`
/// bytes of keys and text are held; past it they are sorted and written to an unlinked temporary
/// file as a run, and the runs are merged as the lines are read back. `due --all` sorts the whole
/// village's list by urgency: held as items it grew with the village (677 MB at 100,000
/// services), and its keys alone, held, were still 15 MB of 54 MB (223,371 lines, perf).
final class SortedLines<Key: ByteOrdered> {
    /// The run being filled: each line's key bytes then its text, one after the other.
    private var bytes: [UInt8] = []
    private var entries: [(start: Int, keyLength: Int32, lineLength: Int32)] = []
    /// The runs written, each sorted, as ranges of the file.
    private var runs: [(offset: Int, length: Int)] = []
    private var written = 0
    private var descriptor: Int32 = -1
    private let memoryLimit: Int

    /// No temporary file could be made or written: the rest stays in memory.
    private var cannotSpill = false

    /// 1 MB: the list of 6,632 services is 3.3 MB of text, which held in memory made `due
    /// --all` 6 MB larger than at 1,000 services.
    init(memoryLimit: Int = 1 << 20) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    var isEmpty: Bool { entries.isEmpty && runs.isEmpty }

    func add(_ key: Key, _ line: String) {
        let start = bytes.count
        key.appendOrderBytes(to: &bytes)
        let keyLength = bytes.count - start
        bytes += line.utf8
        entries.append((start, Int32(keyLength), Int32(bytes.count - start - keyLength)))
        if bytes.count >= memoryLimit && !cannotSpill { spill() }
    }

    /// Every line in the keys' order; lines of equal keys in the order they were added, as a
    /// stable sort of the items would give them.
    func each(_ body: (String) -> Void) {
        var sources = runs.map { Source.file(RunReader(descriptor: descriptor, offset: $0.offset, length: $0.length)) }
        // The run still in memory came last: among equal keys its lines go after the file's.
        sources.append(.memory(sortedEntries(), at: 0))
        var heads = sources.indices.map { head(of: &sources[$0]) }
        while true {
            var least: Int?
            for index in heads.indices {
                guard let candidate = heads[index] else { continue }
                if let best = least, let current = heads[best], !candidate.key.lexicographicallyPrecedes(current.key) { continue }
                least = index
            }
            guard let index = least, let line = heads[index]?.line else { return }
            body(String(decoding: line, as: UTF8.self))
            heads[index] = head(of: &sources[index])
        }
    }

    private enum Source {
        case file(RunReader)
        case memory([Int], at: Int)
    }

    /// The next line of a source, with its key, or nil when the source is done.
    private func head(of source: inout Source) -> (key: ArraySlice<UInt8>, line: ArraySlice<UInt8>)? {
        switch source {
        case .file(var reader):
            let next = reader.next()
            source = .file(reader)
            return next
        case .memory(let order, let at):
            guard at < order.count else { return nil }
            source = .memory(order, at: at + 1)
            let entry = entries[order[at]]
            let keyEnd = entry.start + Int(entry.keyLength)
            return (bytes[entry.start..<keyEnd], bytes[keyEnd..<keyEnd + Int(entry.lineLength)])
        }
    }

    /// The run in memory in its keys' order, equal keys as added.
    private func sortedEntries() -> [Int] {
        func key(_ index: Int) -> ArraySlice<UInt8> {
            let entry = entries[index]
            return bytes[entry.start..<entry.start + Int(entry.keyLength)]
        }
        return entries.indices.sorted { a, b in
            let (first, second) = (key(a), key(b))
            return first.lexicographicallyPrecedes(second) || (!second.lexicographicallyPrecedes(first) && a < b)
        }
    }

    /// Writes the run in memory, sorted, as a run of the temporary file: each line as the
    /// length of its key and of its text (four bytes each), the key, the text. The file is
    /// opened at the first spill and unlinked at once, so that nothing is left behind whatever
    /// ends the process. Where no file can be made or written the lines stay in memory: the
    /// list is still right, only larger.
    private func spill() {
        if descriptor < 0 {
            var template = Array((NSTemporaryDirectory() + "/yakkan-list-XXXXXX").utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { cannotSpill = true; return }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        var run: [UInt8] = []
        run.reserveCapacity(bytes.count + 8 * entries.count)
        for index in sortedEntries() {
            let entry = entries[index]
            withUnsafeBytes(of: UInt32(entry.keyLength).littleEndian) { run += $0 }
            withUnsafeBytes(of: UInt32(entry.lineLength).littleEndian) { run += $0 }
            run += bytes[entry.start..<entry.start + Int(entry.keyLength + entry.lineLength)]
        }
        var done = 0
        while done < run.count {
            let wrote = run.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, run.count - done, off_t(written + done)) }
            if wrote < 0 && errno == EINTR { continue }
            // A disk that is full: this run and the rest stay in memory.
            guard wrote > 0 else { cannotSpill = true; return }
            done += wrote
        }
        runs.append((written, run.count))
        written += run.count
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }
}

/// One sorted run of the temporary file, read a buffer at a time.
private struct RunReader {
    let descriptor: Int32
    var offset: Int
    let end: Int
    private var buffer: [UInt8] = []
    private var at = 0

    init(descriptor: Int32, offset: Int, length: Int) {
        self.descriptor = descriptor
        self.offset = offset
        self.end = offset + length
    }

    /// 32 KB a run: at 100,000 services `due --all` writes some fifty runs.
    static let bufferSize = 32 << 10

    mutating func next() -> (key: ArraySlice<UInt8>, line: ArraySlice<UInt8>)? {
        guard let lengths = take(8) else { return nil }
        let keyLength = Int(lengths.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }.littleEndian)
        let lineLength = Int(lengths.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 4, as: UInt32.self) }.littleEndian)
        guard let both = take(keyLength + lineLength) else { return nil }
        return (both.prefix(keyLength), both.dropFirst(keyLength))
    }

    /// The next `count` bytes of the run, reading more of it when the buffer has too few; nil
    /// at its end, or when the file, written by this process, cannot be read back.
    private mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        if buffer.count - at < count {
            let wanted = min(max(count, Self.bufferSize), buffer.count - at + end - offset)
            guard wanted >= count else { return nil }
            var refilled = Array(buffer[at...])
            let kept = refilled.count
            refilled += repeatElement(0, count: wanted - kept)
            var read = kept
            while read < wanted {
                let got = refilled.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + read, wanted - read, off_t(offset)) }
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { return nil }
                read += got
                offset += got
            }
            buffer = refilled
            at = 0
        }
        defer { at += count }
        return buffer[at..<at + count]
    }
}
