"""Chain audit events when their transaction commits, not when they are recorded.

`record_event` inserts into audit_pendingauditevent, in the caller's transaction and without
any lock. A deferred constraint trigger fires at COMMIT for each of those rows, in the order
they were recorded: it takes the chain lock, reads the chain head, completes the event's
canonical JSON with the next sequence number, hashes it exactly as audit.chain.event_hash
does, appends it to audit_auditevent and deletes the pending row. So the lock is held only
from the commit's start to its end — never across the caller's work or a round trip to the
client — and writers that commit in parallel queue for a few microseconds each instead of
for a whole transaction. A rollback takes its pending rows with it: the chain never gaps.

Each statement of a VOLATILE PL/pgSQL function sees a fresh snapshot under READ COMMITTED,
so the head read after the lock includes every event committed before it; the function
refuses to run under stronger isolation, where that would not hold.
"""
from django.db import migrations

CHAIN_LOCK_KEY = 0x48414C4D41524B  # "HALMARK": the one lock that serialises audit appends

FORWARD = r"""
CREATE FUNCTION audit_chain_pending() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    last_seq bigint;
    last_hash varchar(64);
    next_seq bigint;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit events must be recorded under READ COMMITTED isolation, not %',
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(CHAIN_LOCK_KEY);
    SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_auditevent e ORDER BY e.seq DESC LIMIT 1;
    IF last_seq IS NULL THEN
        last_seq := 0;
        last_hash := repeat('0', 64);
    END IF;
    next_seq := last_seq + 1;
    INSERT INTO audit_auditevent (seq, occurred_at, actor_id, actor_label, team_id, action, target_type,
                                  target_id, details_text, client_ip, prev_hash, hash)
    VALUES (next_seq, NEW.occurred_at, NEW.actor_id, NEW.actor_label, NEW.team_id, NEW.action,
            NEW.target_type, NEW.target_id, NEW.details_text, NEW.client_ip, last_hash,
            encode(sha256(convert_to(
                last_hash || E'\n' || NEW.body_head || next_seq::text || NEW.body_tail, 'UTF8')), 'hex'));
    DELETE FROM audit_pendingauditevent WHERE id = NEW.id;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER audit_chain_at_commit AFTER INSERT ON audit_pendingauditevent
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_pending();

CREATE TRIGGER audit_pending_no_update BEFORE UPDATE ON audit_pendingauditevent
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_pending_no_truncate BEFORE TRUNCATE ON audit_pendingauditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
""".replace("CHAIN_LOCK_KEY", str(CHAIN_LOCK_KEY))

BACKWARD = r"""
DROP TRIGGER audit_pending_no_truncate ON audit_pendingauditevent;
DROP TRIGGER audit_pending_no_update ON audit_pendingauditevent;
DROP TRIGGER audit_chain_at_commit ON audit_pendingauditevent;
DROP FUNCTION audit_chain_pending();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_pending_event")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
