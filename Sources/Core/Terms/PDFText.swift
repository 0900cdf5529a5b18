import CZlib
import Foundation

/// A small reader of the text a PDF shows, enough for terms published as PDF: each content
/// stream (inflated with zlib when FlateDecode) is read for the strings of its text operators
/// (Tj, TJ, ' and "), with a new line where the text moves to another line. poppler's
/// pdftotext reads far more, but yakkan must not need it on the machines that hold records.
/// The limit, said as such: a PDF whose fonts map glyphs through a CMap of their own (most
/// Japanese PDFs) shows no readable characters here; `nil` then, and the check says so.
enum PDFText {
    static func text(of data: Data) -> String? {
        let bytes = [UInt8](data)
        var out = ""
        for stream in streams(bytes) {
            out += showText(stream)
        }
        let letters = out.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
        return letters >= 8 ? out : nil
    }

    /// Each stream's bytes, inflated when its dictionary asks for FlateDecode.
    static func streams(_ bytes: [UInt8]) -> [[UInt8]] {
        var found: [[UInt8]] = []
        let start = Array("stream".utf8), end = Array("endstream".utf8)
        var index = 0
        while let at = find(start, in: bytes, from: index) {
            // "endstream" contains "stream": skip it.
            if at >= 3, Array(bytes[(at - 3)..<at]) == Array("end".utf8) { index = at + start.count; continue }
            var body = at + start.count
            if body < bytes.count, bytes[body] == 0x0D { body += 1 }
            if body < bytes.count, bytes[body] == 0x0A { body += 1 }
            guard let stop = find(end, in: bytes, from: body) else { break }
            let dictionary = String(decoding: bytes[max(0, at - 400)..<at], as: UTF8.self)
            let raw = Array(bytes[body..<stop])
            let lastDictionary = dictionary.components(separatedBy: "obj").last ?? dictionary
            if lastDictionary.contains("/FlateDecode") {
                if let inflated = inflate(raw) { found.append(inflated) }
            } else if !lastDictionary.contains("/Filter") {
                found.append(raw)
            }
            index = stop + end.count
        }
        return found
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// zlib's inflate, growing the output as it goes; a stream over 50 MB inflated is dropped.
    static func inflate(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var source = input
        return source.withUnsafeMutableBufferPointer { inBuffer -> [UInt8]? in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if status == Z_STREAM_END { return output }
                guard status == Z_OK, output.count < 50_000_000 else { return output.isEmpty ? nil : output }
            }
        }
    }

    /// The strings the text operators show, in order.
    static func showText(_ content: [UInt8]) -> String {
        var out = ""
        var pending: [String] = []
        var i = 0
        func flushLine() {
            if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
        }
        while i < content.count {
            let byte = content[i]
            switch byte {
            case UInt8(ascii: "("):
                let (string, next) = literal(content, from: i + 1)
                pending.append(string)
                i = next
            case UInt8(ascii: "<") where i + 1 < content.count && content[i + 1] != UInt8(ascii: "<"):
                let (string, next) = hex(content, from: i + 1)
                pending.append(string)
                i = next
            case UInt8(ascii: "%"):
                while i < content.count, content[i] != 0x0A, content[i] != 0x0D { i += 1 }
            default:
                if isLetter(byte) {
                    var j = i
                    while j < content.count, isLetter(content[j]) || content[j] == UInt8(ascii: "*") { j += 1 }
                    let op = String(decoding: content[i..<j], as: UTF8.self)
                    switch op {
                    case "Tj", "TJ":
                        out += pending.joined()
                    case "'", "\"":
                        flushLine(); out += pending.joined()
                    case "Td", "TD", "T*", "ET", "Tm":
                        flushLine()
                    default: break
                    }
                    if op != "TJ" || !pending.isEmpty { pending = [] }
                    i = j
                } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                    flushLine(); out += pending.joined(); pending = []; i += 1
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// A literal string `( … )`, with nested brackets and backslash escapes.
    static func literal(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var raw: [UInt8] = []
        var depth = 1
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count {
                let next = bytes[i + 1]
                switch next {
                case UInt8(ascii: "n"): raw.append(0x0A)
                case UInt8(ascii: "r"): raw.append(0x0D)
                case UInt8(ascii: "t"): raw.append(0x09)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = 0, j = i + 1
                    while j < bytes.count, j < i + 4, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[j]) {
                        value = value * 8 + Int(bytes[j] - UInt8(ascii: "0")); j += 1
                    }
                    raw.append(UInt8(value & 0xFF)); i = j; continue
                case 0x0A, 0x0D: break
                default: raw.append(next)
                }
                i += 2; continue
            }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") { depth -= 1; if depth == 0 { i += 1; break } }
            raw.append(byte)
            i += 1
        }
        return (decodeString(raw), i)
    }

    static func hex(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var digits: [UInt8] = []
        var i = start
        while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
            if let value = UInt8(String(UnicodeScalar(bytes[i])), radix: 16) { digits.append(value) }
            i += 1
        }
        if digits.count % 2 == 1 { digits.append(0) }
        let raw = stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
        return (decodeString(raw), i + 1)
    }

    /// UTF-16 with its byte order mark, else one byte a character (Latin-1, which covers the
    /// standard encodings' letters); a font's own codes come out as what they are not.
    static func decodeString(_ raw: [UInt8]) -> String {
        if raw.starts(with: [0xFE, 0xFF]) {
            let units = stride(from: 2, to: raw.count - 1, by: 2).map { UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        }
        return String(raw.map { Character(UnicodeScalar($0)) })
    }
}
