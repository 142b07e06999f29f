import DeskCore

/// The beneficiary categories of a BHYT card (mã đối tượng, `value.object.HS`) that `check` decodes: the Vietnamese
/// names are the core's reference table (`CardNumber.objectNames`), the English ones are written here.
extension Catalog {
    static let vietnameseObjects: [String: String] = Dictionary(uniqueKeysWithValues: CardNumber.objectNames.map { ("value.object.\($0)", $1) })

    static let englishObjects: [String: String] = [
        "value.object.DN": "employee of an enterprise", "value.object.HX": "employee of a cooperative",
        "value.object.CH": "employee of a state agency", "value.object.NN": "employee of a foreign organisation",
        "value.object.TK": "employee of another organisation", "value.object.HC": "cadre, civil servant or public employee",
        "value.object.XK": "commune, ward or township official",
        "value.object.HT": "receiving a retirement pension or a loss-of-working-capacity allowance",
        "value.object.TB": "receiving an occupational accident or disease allowance", "value.object.NO": "employee on sick-leave benefit",
        "value.object.CT": "receiving a monthly social insurance allowance",
        "value.object.XB": "commune official receiving a monthly social insurance allowance",
        "value.object.TN": "receiving unemployment benefit", "value.object.CS": "employee covered by a special policy",
        "value.object.QN": "member of the armed forces", "value.object.CA": "member of the people's police",
        "value.object.CY": "cipher service worker", "value.object.XN": "receiving a monthly allowance",
        "value.object.MS": "employee receiving a loss-of-working-capacity allowance",
        "value.object.CC": "person of meritorious service to the revolution", "value.object.CK": "person of meritorious service (other)",
        "value.object.CB": "war veteran", "value.object.KC": "resistance war participant",
        "value.object.HD": "deputy of the National Assembly or a People's Council", "value.object.TE": "child under 6",
        "value.object.BT": "receiving a social protection allowance", "value.object.HN": "member of a poor household",
        "value.object.DT": "member of an ethnic minority", "value.object.DK": "living in an extremely disadvantaged area",
        "value.object.XD": "living in an island commune or district",
        "value.object.TS": "relative of a person of meritorious service",
        "value.object.TC": "relative of a person of meritorious service (other)", "value.object.TQ": "relative of a member of the armed forces",
        "value.object.TA": "relative of a police officer", "value.object.TY": "relative of a cipher service worker",
        "value.object.HG": "organ donor", "value.object.LS": "foreign student in Vietnam",
        "value.object.PV": "carer of a person of meritorious service", "value.object.CN": "member of a near-poor household",
        "value.object.HS": "pupil", "value.object.SV": "student", "value.object.GB": "farming, forestry or fishing household",
        "value.object.GD": "household", "value.object.TL": "relative of a fallen soldier",
        "value.object.XV": "member of a cooperative",
    ]
}
