/// A key whose order is the order of its bytes: a list sorted on disk (`due --all`) compares
/// the bytes it wrote there and never reads a key back.
public protocol ByteOrdered: Comparable {
    func appendOrderBytes(to bytes: inout [UInt8])
}

extension Array where Element == UInt8 {
    /// Big-endian with the sign bit flipped, so that the bytes' order is the numbers' order.
    public mutating func appendOrdered(_ value: Int64) {
        let flipped = UInt64(bitPattern: value) ^ (1 << 63)
        for shift in stride(from: 56, through: 0, by: -8) { append(UInt8(truncatingIfNeeded: flipped >> UInt64(shift))) }
    }
}

extension Int: ByteOrdered {
    public func appendOrderBytes(to bytes: inout [UInt8]) { bytes.appendOrdered(Int64(self)) }
}
