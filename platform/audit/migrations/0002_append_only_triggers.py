"""Make the audit log append-only in the database itself, not only in our code.

UPDATE, DELETE and TRUNCATE raise. INSERT must extend the chain by exactly one: the next
sequence number and the previous row's hash, so even a buggy writer cannot fork or gap it.
Only a superuser who disables the triggers can change history, and `audit_verify` then names
the altered event.
"""
from django.db import migrations

FORWARD = r"""
CREATE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_auditevent is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION audit_check_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq bigint;
    last_hash varchar(64);
BEGIN
    SELECT seq, hash INTO last_seq, last_hash FROM audit_auditevent ORDER BY seq DESC LIMIT 1;
    IF last_seq IS NULL THEN
        last_seq := 0;
        last_hash := repeat('0', 64);
    END IF;
    IF NEW.seq <> last_seq + 1 OR NEW.prev_hash <> last_hash THEN
        RAISE EXCEPTION 'audit event #% does not extend the chain (last is #%)', NEW.seq, last_seq
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_event_extends_chain BEFORE INSERT ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_check_append();
"""

BACKWARD = r"""
DROP TRIGGER audit_event_extends_chain ON audit_auditevent;
DROP TRIGGER audit_event_no_truncate ON audit_auditevent;
DROP TRIGGER audit_event_append_only ON audit_auditevent;
DROP FUNCTION audit_check_append();
DROP FUNCTION audit_reject_change();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
