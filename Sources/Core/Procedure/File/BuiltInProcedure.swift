import Foundation

/// The village's procedure 1.0 as shipped: `procedure-1.0.yaml`, built into the binary (SwiftPM's
/// embedInCode), so that an installed or statically linked yakkan carries it with no file beside it.
public enum BuiltInProcedure {
    public static let text = String(decoding: PackageResources.procedure_1_0_yaml, as: UTF8.self)

    /// Read once; a mistake in the shipped file is a fault of the build, which a test catches first.
    public static let document: ProcedureDocument = {
        switch ProcedureFile.read(text) {
        case .document(let document): return document
        case .mistakes(let mistakes): fatalError("procedure-1.0.yaml: " + mistakes.map { $0.wording.en }.joined(separator: "; "))
        }
    }()
}
