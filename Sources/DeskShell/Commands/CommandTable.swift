import DeskCore

/// The one command table (STYLE.md): dispatch, `help`, completion and the man page all read it.
public enum CommandTable {
    public static var all: [CommandSpec] {
        CallCommands.specs + CredentialCommands.specs + RegistrationCommands.specs + DiagnosisCommands.specs + KnowledgeCommands.specs + SupervisorCommands.specs + BulkCommands.specs + SettingsCommands.specs + BackupCommands.specs + MigrateCommands.specs + AuditCommands.specs
    }

    public static var registrationStatuses: [String] { Registration.Status.allCases.map(\.rawValue) }
    public static var ticketStatuses: [String] { TicketStatus.names }
    public static var ruleCodes: [String] { Diagnosis.ruleCodes }
}
