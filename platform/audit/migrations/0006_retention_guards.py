"""Retention without weakening the log: events leave the database only after their hash is kept.

DELETE on audit_auditevent stays refused unless the transaction has said how far it prunes
(`hallmark.audit_prune_through`, set by audit.retention.archive_prune), the event lies in an
archive, it is not the newest event (the chain triggers read the head), and its exact chain
hash is already in audit_archivedleaf — which accepts only an event's own stored hash, in
sequence order. UPDATE stays refused. Archived leaves and checkpoints are append-only; an
archive's record only gains the moment its events were removed. These guard against mistakes
and against anyone without the owner's powers; a database superuser can still switch
triggers off, which is what the signed checkpoints and the export folder are for.
"""
from django.db import migrations

FORWARD = r"""
CREATE FUNCTION audit_reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION audit_guard_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    through text := current_setting('hallmark.audit_prune_through', true);
BEGIN
    IF through IS NULL OR through = '' OR OLD.seq > through::bigint
       OR OLD.seq >= (SELECT max(e.seq) FROM audit_auditevent e)  -- the head anchors the chain triggers
       OR NOT EXISTS (SELECT 1 FROM audit_archivedleaf l WHERE l.seq = OLD.seq AND l.hash = OLD.hash)
       OR NOT EXISTS (SELECT 1 FROM audit_auditarchive a WHERE OLD.seq BETWEEN a.first_seq AND a.last_seq) THEN
        RAISE EXCEPTION 'audit_auditevent is append-only: event #% may be removed only after it is archived, by audit_prune', OLD.seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END
$$;

-- A kept hash must be the event's own, kept in order: no invented leaves, no gaps.
CREATE FUNCTION audit_check_archived_leaf() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    IF NEW.seq <> coalesce((SELECT max(l.seq) FROM audit_archivedleaf l), 0) + 1
       OR NOT EXISTS (SELECT 1 FROM audit_auditevent e WHERE e.seq = NEW.seq AND e.hash = NEW.hash) THEN
        RAISE EXCEPTION 'audit_archivedleaf keeps the hash of event #% only in order and only as stored', NEW.seq
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

-- An archive's record is fixed once written; only the moment its events were removed is added, once.
CREATE FUNCTION audit_check_archive_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.pruned_at IS NOT NULL OR NEW.pruned_at IS NULL
       OR (NEW.first_seq, NEW.last_seq, NEW.path, NEW.sha256, NEW.checkpoint_size, NEW.created_at)
          IS DISTINCT FROM (OLD.first_seq, OLD.last_seq, OLD.path, OLD.sha256, OLD.checkpoint_size, OLD.created_at)
    THEN
        RAISE EXCEPTION 'audit_auditarchive is append-only: only pruned_at may be set, once'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER audit_event_append_only ON audit_auditevent;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_event_delete_archived_only BEFORE DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_guard_delete();

CREATE TRIGGER audit_archivedleaf_append_only BEFORE UPDATE OR DELETE ON audit_archivedleaf
    FOR EACH ROW EXECUTE FUNCTION audit_reject_history_change();
CREATE TRIGGER audit_archivedleaf_no_truncate BEFORE TRUNCATE ON audit_archivedleaf
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_history_change();
CREATE TRIGGER audit_archivedleaf_in_order BEFORE INSERT ON audit_archivedleaf
    FOR EACH ROW EXECUTE FUNCTION audit_check_archived_leaf();
CREATE TRIGGER audit_archive_fixed BEFORE UPDATE ON audit_auditarchive
    FOR EACH ROW EXECUTE FUNCTION audit_check_archive_update();
CREATE TRIGGER audit_archive_no_delete BEFORE DELETE ON audit_auditarchive
    FOR EACH ROW EXECUTE FUNCTION audit_reject_history_change();
CREATE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON audit_auditarchive
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_history_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_auditcheckpoint
    FOR EACH ROW EXECUTE FUNCTION audit_reject_history_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_auditcheckpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_history_change();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS audit_archive_no_truncate ON audit_auditarchive;
DROP TRIGGER IF EXISTS audit_archive_no_delete ON audit_auditarchive;
DROP TRIGGER IF EXISTS audit_archive_fixed ON audit_auditarchive;
DROP TRIGGER IF EXISTS audit_archivedleaf_in_order ON audit_archivedleaf;
DROP TRIGGER IF EXISTS audit_checkpoint_no_truncate ON audit_auditcheckpoint;
DROP TRIGGER IF EXISTS audit_checkpoint_append_only ON audit_auditcheckpoint;
DROP TRIGGER IF EXISTS audit_archivedleaf_no_truncate ON audit_archivedleaf;
DROP TRIGGER IF EXISTS audit_archivedleaf_append_only ON audit_archivedleaf;
DROP TRIGGER IF EXISTS audit_event_delete_archived_only ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
DROP FUNCTION IF EXISTS audit_guard_delete();
DROP FUNCTION IF EXISTS audit_check_archive_update();
DROP FUNCTION IF EXISTS audit_check_archived_leaf();
DROP FUNCTION IF EXISTS audit_reject_history_change();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_checkpoints_archives_reports")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
