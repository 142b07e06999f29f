import Foundation

/// Who is running vssdesk: the login name of the real user id (SPEC §12), and whether overrides are allowed.
enum ProcessIdentity {
    static var isRoot: Bool { getuid() == 0 }

    static var loginName: String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid\(getuid())"
    }

    static var realName: String {
        if let pw = getpwuid(getuid()), let gecos = pw.pointee.pw_gecos {
            let s = String(cString: gecos).split(separator: ",").first.map(String.init) ?? ""
            if !s.isEmpty { return s }
        }
        return loginName
    }
}
