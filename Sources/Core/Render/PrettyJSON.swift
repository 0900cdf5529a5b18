/// JSON written straight into bytes, byte for byte as Foundation's `JSONEncoder` writes it with
/// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`: two spaces a level, `"key" : value`,
/// `",\n"` between members, an empty container as its brackets around an empty line, keys in
/// the order of their UTF-8 bytes, and only `"`, `\` and control characters escaped.
///
/// The encoder was 36 % of an export of 10,000 services (perf, release build): it builds a tree
/// of values, sorts every object's keys and then serialises the tree; the export re-indented
/// its output byte by byte for another 10 %. A writer knows its keys in order and writes once.
/// Callers name an object's keys in that order; tests hold the bytes against the encoder's.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    private var depth: Int
    /// A value was written at this level already, so the next one follows `",\n"`.
    private var continues = false

    /// A value as it is written at `depth` levels in, its first line indented as the rest are:
    /// depth 1 is an element of a top-level array. `prefix` goes before it (an array's separator).
    init(depth: Int = 0, after prefix: StaticString = "", capacity: Int = 0) {
        self.depth = depth
        bytes.reserveCapacity(capacity)
        bytes.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        indent()
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// An object's key; its value is written next.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
    }

    mutating func key(_ name: String) {
        separate()
        append(quoted: name)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    /// The place of an array's next element; its value is written next.
    mutating func element() { separate() }

    mutating func value(_ text: String) {
        append(quoted: text)
        continues = true
    }

    mutating func value(_ number: Int64) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // Digits from the last one back: twenty places hold any Int64's magnitude.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var index = digits.count
            repeat {
                index -= 1
                digits[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index...]))
        }
        continues = true
    }

    mutating func value(_ number: Int) { value(Int64(number)) }

    mutating func value(_ flag: Bool) { literal(flag ? "true" : "false") }

    mutating func null() { literal("null") }

    /// A member whose value is a string.
    mutating func member(_ name: StaticString, _ text: String) {
        key(name)
        value(text)
    }

    /// A member left out when it has no value, as a synthesised `Encodable` leaves out a nil.
    mutating func member(_ name: StaticString, ifPresent text: String?) {
        if let text { member(name, text) }
    }

    mutating func member(_ name: StaticString, _ number: Int) {
        key(name)
        value(number)
    }

    mutating func member(_ name: StaticString, _ number: Int64) {
        key(name)
        value(number)
    }

    mutating func member(_ name: StaticString, _ flag: Bool) {
        key(name)
        value(flag)
    }

    mutating func member(_ name: StaticString, ifPresent flag: Bool?) {
        if let flag { member(name, flag) }
    }

    mutating func member(_ name: StaticString, _ texts: [String]) {
        key(name)
        array(texts) { $0.value($1) }
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout PrettyJSON, Element) -> Void) {
        beginArray()
        for element in elements {
            self.element()
            write(&self, element)
        }
        endArray()
    }

    /// A dictionary as an object, its keys sorted by their UTF-8 bytes as the encoder sorts them.
    mutating func object<Value>(_ members: [String: Value], _ write: (inout PrettyJSON, Value) -> Void) {
        beginObject()
        for (name, value) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(name)
            write(&self, value)
        }
        endObject()
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        depth += 1
        continues = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(0x0A)
        depth -= 1
        indent()
        bytes.append(bracket)
        continues = true
    }

    private mutating func separate() {
        if continues { bytes.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
        indent()
    }

    private mutating func indent() {
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    private mutating func literal(_ word: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        continues = true
    }

    /// A string in quotes, escaped as the encoder escapes: `"` and `\` by a backslash, the
    /// control characters with a short escape by it, the rest as `\u00XX`; `/` and everything
    /// from 0x20 on, non-ASCII included, as it is. Runs with nothing to escape go in at once.
    private mutating func append(quoted text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default: bytes.append(contentsOf: Array("\\u00".utf8) + Hex.string([byte]).utf8)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
