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

    /// The expected audit triggers (`PGAuditTriggers`, and schema v3's of `audit_pending`) and the seal that are
    /// missing, and those that differ from it — their definition, enabled state, or the function they run and how it
    /// runs — or that are not expected at all. Two catalog queries in one round trip, cheap enough for every start.
    /// Schema names are left out of the comparison (`public.audit` is `audit`); only `public`'s seal counts. A
    /// console runs on the latest schema only (it migrates at start or is refused), so v3's protections are expected.
    func triggerProblems() throws -> (missing: [String], altered: [String]) {
        let seal = "vssdesk_audit_seal"
        let sortedConfig = "coalesce(array_to_string(ARRAY(SELECT unnest(p.proconfig) ORDER BY 1), ';'), '')"
        let outcomes = try db.pipeline([[
            PGStatement("""
                SELECT t.tgname::text, pg_get_triggerdef(t.oid), t.tgenabled::text, tn.nspname::text, l.lanname::text,
                       p.prosrc, pn.nspname::text, \(sortedConfig)
                FROM pg_trigger t
                JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace tn ON tn.oid = c.relnamespace
                JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace pn ON pn.oid = p.pronamespace
                JOIN pg_language l ON l.oid = p.prolang
                WHERE t.tgrelid IN (to_regclass('public.audit'), to_regclass('public.audit_pending')) AND NOT t.tgisinternal
                """),
            PGStatement("""
                SELECT p.prosrc, p.prosecdef, \(sortedConfig) FROM pg_proc p
                WHERE p.proname = $1 AND p.pronamespace = 'public'::regnamespace
                """, [.text(seal)]),
        ]])
        guard case .rows(let triggerRows, _) = outcomes[0], case .rows(let sealRows, _) = outcomes[1] else {
            throw outcomes.compactMap(\.error).first!
        }
        var found: [String: String] = [:]
        for r in triggerRows {
            let definition = (r.string(1) ?? "")
                .replacingOccurrences(of: " ON \(r.string(3) ?? "").", with: " ON ")
                .replacingOccurrences(of: " FUNCTION \(r.string(6) ?? "").", with: " FUNCTION ")
            found[r.string(0) ?? ""] = PGAuditTriggers.signature(definition: definition, enabled: r.string(2) ?? "",
                                                                 language: r.string(4) ?? "",
                                                                 source: PGAuditTriggers.withConfig(r.string(5) ?? "", r.string(7) ?? ""))
        }
        let expected = PGAuditTriggers.triggers.map { ($0.name, PGAuditTriggers.expectedSignature($0)) }
            + PGSchema.pendingTriggers.map { ($0.name, PGSchema.expectedPendingSignature($0)) }
        var missing: [String] = [], altered: [String] = []
        for (name, signature) in expected {
            guard let actual = found.removeValue(forKey: name) else {
                missing.append(name)
                continue
            }
            if actual != signature { altered.append(name) }
        }
        // The seal writes the chain: one that dropped pending rows instead of linking them, ran with the caller's
        // rights or searched the caller's temporary tables first is reported like a changed trigger.
        if sealRows.isEmpty {
            missing.append(seal)
        } else if sealRows.count > 1 || sealRows[0].string(0) != PGSchema.sealSource || sealRows[0].bool(1) != true
                    || sealRows[0].string(2) != PGSchema.sealConfig {
            altered.append(seal)
        }
        return (missing, altered + found.keys.sorted())
    }
}
