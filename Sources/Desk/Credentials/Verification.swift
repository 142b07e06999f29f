import DeskCore

/// `--verify dob=YYYY-MM-DD,id=NNNN`: what the caller told the operator, to compare with the stored data.
public struct Verification: Equatable {
    public var dob: String
    public var id: String

    public static func parse(_ raw: String) throws -> Verification {
        var dob: String?
        var id: String?
        for part in raw.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { throw DeskError.usage(.verifyShape) }
            switch kv[0].lowercased() {
            case "dob":
                guard let d = DateText.parseDate(kv[1]) else { throw DeskError.usage(.verifyDate) }
                dob = d
            case "id": id = FieldParsers.idNumber(kv[1])
            default: throw DeskError.usage(.verifyUnknownKey, ["key": .text(kv[0])])
            }
        }
        guard let dob, let id, !id.isEmpty else { throw DeskError.usage(.verifyBoth) }
        return Verification(dob: dob, id: id)
    }

    /// Whether the caller's answers match one stored identity (the registration's or the registry's).
    public func matches(dob storedDOB: String?, id storedID: String?) -> Bool {
        guard let storedDOB, let storedID, !storedID.isEmpty else { return false }
        return storedDOB == dob && FieldParsers.idNumber(storedID) == id
    }
}
