import Desk
import DeskCore
import DeskStore

extension PGAuditStore {
    /// Walks the chain in id order, recomputing each hash, in one streaming read (libpq's single-row mode: one
    /// snapshot, never the whole trail in memory). After the first break the walk only counts rows and follows the
    /// head. The same verdicts as SQLite's walk (`DeskStore.AuditStore.walkChain`).
    func walkChain(keptHead: String?) throws -> AuditChainWalk {
        try sealBeforeReading()
        var walk = AuditChainWalk()
        if keptHead != nil { walk.keptHeadFound = false }
        var running = AuditChain.genesis
        var expectedID = 1
        try db.forEach("SELECT id, at, operator, action, target, detail, ticket_id, prev_hash, hash FROM audit ORDER BY id") { r in
            walk.rows += 1
            let id = r.int(0)!
            let hash = r.string(8)
            if walk.firstBroken == nil {
                if id != expectedID {
                    walk.firstBroken = .init(id: expectedID, problem: .removed(through: id - 1))
                } else if r.string(7) != running {
                    walk.firstBroken = .init(id: id, problem: .unlinked)
                } else if hash != AuditChain.hash(prev: running, id: id, at: r.string(1)!, operator: r.string(2)!,
                                                  action: r.string(3)!, target: r.string(4), detail: r.string(5),
                                                  ticketID: r.int(6)) {
                    walk.firstBroken = .init(id: id, problem: .altered)
                }
            }
            running = hash ?? ""
            if let keptHead, walk.keptHeadFound == false, hash == keptHead { walk.keptHeadFound = true }
            expectedID = id + 1
        }
        walk.head = running
        return walk
    }

    /// The expected audit triggers (`PGAuditTriggers`, and from schema v3 those of `audit_pending` and the seal)
    /// that are missing, and those that differ from it — their definition, enabled state, or the function they run
    /// and how it runs — or that are not expected at all. Two catalog queries, cheap enough for every start-up.
    /// Schema names are left out of the comparison (`public.audit` is `audit`); only `public`'s functions count.
    func triggerProblems() throws -> (missing: [String], altered: [String]) {
        var found: [String: String] = [:]
        for r in try db.query("""
            SELECT t.tgname::text, pg_get_triggerdef(t.oid), t.tgenabled::text, tn.nspname::text, l.lanname::text,
                   p.prosrc, pn.nspname::text, coalesce(array_to_string(p.proconfig, ';'), '')
            FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace tn ON tn.oid = c.relnamespace
            JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace pn ON pn.oid = p.pronamespace
            JOIN pg_language l ON l.oid = p.prolang
            WHERE t.tgrelid IN (to_regclass('public.audit'), to_regclass('public.audit_pending')) AND NOT t.tgisinternal
            """) {
            let definition = (r.string(1) ?? "")
                .replacingOccurrences(of: " ON \(r.string(3) ?? "").", with: " ON ")
                .replacingOccurrences(of: " FUNCTION \(r.string(6) ?? "").", with: " FUNCTION ")
            let config = r.string(7) ?? ""
            found[r.string(0) ?? ""] = PGAuditTriggers.signature(definition: definition, enabled: r.string(2) ?? "",
                                                                 language: r.string(4) ?? "",
                                                                 source: (r.string(5) ?? "") + (config.isEmpty ? "" : "\u{1}" + config))
        }
        var missing: [String] = [], altered: [String] = []
        for trigger in PGAuditTriggers.triggers {
            guard let signature = found.removeValue(forKey: trigger.name) else {
                missing.append(trigger.name)
                continue
            }
            if signature != PGAuditTriggers.expectedSignature(trigger) { altered.append(trigger.name) }
        }
        // A console runs on the latest schema only (it migrates at start or is refused): v3's protections too.
        let guardSource = PGSchema.pendingGuardSource + "\u{1}search_path=pg_catalog, pg_temp"
        for trigger in PGSchema.pendingTriggers {
            guard let signature = found.removeValue(forKey: trigger.name) else {
                missing.append(trigger.name)
                continue
            }
            let expected = PGAuditTriggers.signature(definition: trigger.definition, enabled: "A", language: "plpgsql", source: guardSource)
            if signature != expected { altered.append(trigger.name) }
        }
        // The seal writes the chain: one that dropped pending rows instead of linking them, ran with the caller's
        // rights or searched the caller's temporary tables first is reported like a changed trigger.
        let seal = "vssdesk_audit_seal"
        let rows = try db.query("""
            SELECT prosrc, prosecdef, coalesce(array_to_string(ARRAY(SELECT unnest(proconfig) ORDER BY 1), ';'), '') FROM pg_proc
            WHERE proname = $1 AND pronamespace = 'public'::regnamespace
            """, [.text(seal)])
        if rows.isEmpty {
            missing.append(seal)
        } else if rows.count > 1 || rows[0].string(0) != PGSchema.sealSource || rows[0].bool(1) != true
                    || rows[0].string(2) != PGSchema.sealConfig {
            altered.append(seal)
        }
        return (missing, altered + found.keys.sorted())
    }
}
