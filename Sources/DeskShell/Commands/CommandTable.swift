/// The one command table (STYLE.md): dispatch, `help`, completion and the man page all read it.
public enum CommandTable {
    public static var all: [CommandSpec] {
        CallCommands.specs + CredentialCommands.specs + RegistrationCommands.specs + DiagnosisCommands.specs + KnowledgeCommands.specs + SupervisorCommands.specs + BulkCommands.specs + SettingsCommands.specs + BackupCommands.specs + AuditCommands.specs
    }

    public static let registrationStatuses = ["submitted", "approved", "rejected", "credentials_sent", "active"]
    public static let ticketStatuses = ["open", "pending", "resolved", "closed"]
    public static let ruleCodes = ["NOT_IN_REGISTRY", "NAME_NO_DIACRITICS", "NAME_MISMATCH", "ID_INVALID", "ID_INCONSISTENT",
                                   "ID_MISMATCH", "PHONE_INVALID", "PHONE_SHARED", "PHOTO_MISSING", "WRONG_AGENCY",
                                   "DECLARATION_NOT_FORWARDED", "PENDING_TOO_LONG", "REJECTED", "SMS_FAILED",
                                   "NEVER_LOGGED_IN", "PARENT_NO_ACCOUNT", "CHILD_HAS_OWN_ID", "MINOR_WITHOUT_ID"]
}
