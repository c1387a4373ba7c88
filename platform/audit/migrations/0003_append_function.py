"""Append an audit event in one round trip: lock, read the chain head, hash, insert.

The caller (audit.services.record_event) sends the canonical JSON of the event split around
its sequence number, which only the database can know; the function takes the chain lock,
finds the last event, completes the canonical text with the next number and hashes it exactly
as audit.chain.event_hash does. One statement instead of four keeps appends cheap while the
lock serialises writers until their transaction commits. Each statement of a VOLATILE
PL/pgSQL function sees a fresh snapshot under READ COMMITTED, so the head read after the
lock includes every event committed before it.
"""
from django.db import migrations

CHAIN_LOCK_KEY = 0x48414C4D41524B  # "HALMARK": the one lock that serialises audit appends

FORWARD = r"""
CREATE FUNCTION audit_append(
    p_occurred_at timestamptz, p_actor_id bigint, p_actor_label text, p_team_id bigint, p_action text,
    p_target_type text, p_target_id text, p_details_text text, p_client_ip inet,
    p_body_head text, p_body_tail text
) RETURNS TABLE (new_seq bigint, new_prev_hash varchar, new_hash varchar) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    last_seq bigint;
    last_hash varchar(64);
BEGIN
    PERFORM pg_advisory_xact_lock(%(key)s);
    SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_auditevent e ORDER BY e.seq DESC LIMIT 1;
    IF last_seq IS NULL THEN
        last_seq := 0;
        last_hash := repeat('0', 64);
    END IF;
    new_seq := last_seq + 1;
    new_prev_hash := last_hash;
    new_hash := encode(sha256(convert_to(
        last_hash || E'\n' || p_body_head || new_seq::text || p_body_tail, 'UTF8')), 'hex');
    INSERT INTO audit_auditevent (seq, occurred_at, actor_id, actor_label, team_id, action, target_type,
                                  target_id, details_text, client_ip, prev_hash, hash)
    VALUES (new_seq, p_occurred_at, p_actor_id, p_actor_label, p_team_id, p_action, p_target_type,
            p_target_id, p_details_text, p_client_ip, last_hash, new_hash);
    RETURN NEXT;
END
$$;
""" % {"key": CHAIN_LOCK_KEY}

BACKWARD = "DROP FUNCTION audit_append(timestamptz, bigint, text, bigint, text, text, text, text, inet, text, text);"


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
