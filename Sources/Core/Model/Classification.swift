import Foundation

/// 重要性分類 as a rank on the scale of the form's version: 1 is the scale's first (most
/// sensitive) label. The rank is what the log and the ledger keep, so forms made before another
/// scale was adopted stay as they were written; the labels are the version's (`classification.scale`).
public struct Classification: RawRepresentable, Hashable, Sendable, Codable, Comparable {
    public let rawValue: Int

    /// Ranks by number (not labels), for forms the demo village and the benchmarks make.
    public static let one = Classification(rank: 1), two = Classification(rank: 2)
    public static let three = Classification(rank: 3), four = Classification(rank: 4)

    private init(rank: Int) { rawValue = rank }

    public init?(rawValue: Int) {
        guard rawValue >= 1 else { return nil }
        self.rawValue = rawValue
    }

    /// The label of this rank on the scale of the version being read.
    public var label: String { label(on: ProcedureScope.document) }

    public func label(on document: ProcedureDocument) -> String {
        let scale = document.classificationScale
        return scale.indices.contains(rawValue - 1) ? scale[rawValue - 1] : String(rawValue)
    }

    /// Section 4: the classes the procedure file names need the 利用責任者's explicit permission.
    public var needsExplicitPermission: Bool { ProcedureScope.document.classesNeedingPermission.contains(label) }

    /// Every class of the version being read, from the most sensitive.
    public static var scale: [Classification] { scale(of: ProcedureScope.document) }

    public static func scale(of document: ProcedureDocument) -> [Classification] {
        document.classificationScale.indices.compactMap { Classification(rawValue: $0 + 1) }
    }

    /// A class typed on the scale of the version being read.
    public init?(typed text: String) {
        self.init(typed: text, on: ProcedureScope.document)
    }

    /// A label as written, or folded (width, case, Ⅱ as ii); a bare number names the label that
    /// carries it (3 for 機密性3) or, on a scale whose labels carry none, the rank (2 for Ⅱ).
    public init?(typed text: String, on document: ProcedureDocument) {
        let labels = document.classificationScale.map(Self.folded)
        let typed = Self.folded(text)
        if let index = labels.firstIndex(of: typed) {
            self.init(rawValue: index + 1)
            return
        }
        guard let number = Int(typed) else { return nil }
        let numbers = labels.map { Int($0.filter(\.isASCII).filter(\.isNumber)) }
        if numbers.contains(where: { $0 != nil }) {
            guard let index = numbers.firstIndex(of: number) else { return nil }
            self.init(rawValue: index + 1)
        } else {
            // Compared, not subtracted: a typed Int.min would overflow `number - 1`.
            guard number >= 1 && number <= labels.count else { return nil }
            self.init(rawValue: number)
        }
    }

    private static func folded(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased().trimmingCharacters(in: .whitespaces)
    }

    public static func < (lhs: Classification, rhs: Classification) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
