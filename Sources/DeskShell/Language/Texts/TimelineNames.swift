/// The machine values of timelines and logs that a person reads by name (SPEC §14): ticket-note and registration
/// event kinds (`event`), audit actions (`action`) and SMS queue states (`outbox`). Their names are in the shell's
/// texts (`value.<group>.<raw>`); a value with no name prints as itself, and JSON and CSV keep the value.
extension Catalog {
    public static let timelineGroups: [String: [String]] = [
        "outbox": [
            "queued", "sent", "failed", "superseded",
        ],
        "event": [
            "import", "import_update", "demo", "demo_update", "resend", "bulk_resend", "bulk_set_status",
            "set_agency", "call", "note", "status", "assign", "search", "show", "diagnose", "verify_failed",
            "resend_refused",
        ],
        "action": [
            "init", "call", "call_continue", "note", "ticket_new", "ticket_open", "ticket_pending",
            "ticket_resolved", "ticket_closed", "ticket_assign", "ticket_list", "ticket_show", "search",
            "show", "check", "diagnose", "diagnose_stuck", "resend", "resend_refused", "verify_failed",
            "sms_sent", "sms_retry", "sms_failed", "outbox_list", "import", "demo", "bulk_resend",
            "bulk_set_status", "bulk_set_agency", "bulk_set-status", "bulk_set-agency", "bulk_close-tickets",
            "kb_search", "kb_show", "config_set", "operator_add", "operator_disable", "stats", "report",
            "backup", "restore", "migrate",
        ],
    ]
}
