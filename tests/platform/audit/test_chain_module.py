"""audit.chain alone: the pure hash chain that the stand-alone verifier will reuse."""
import copy

from audit.chain import GENESIS_HASH, event_hash, verify_chain


def _chain(n: int) -> list[dict]:
    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        event = {
            "seq": seq, "occurred_at": f"2026-11-26T00:00:{seq:02d}.000000+00:00", "actor_id": 1,
            "actor_label": "a@example.test", "team_id": 2, "action": "thing.done", "target_type": "x",
            "target_id": str(seq), "details": '{"n":%d}' % seq, "client_ip": None, "prev_hash": prev,
        }
        event["hash"] = prev = event_hash(prev, event)
        events.append(event)
    return events


def test_an_untouched_chain_verifies():
    report = verify_chain(_chain(20))
    assert report.ok and report.events_checked == 20 and report.last_seq == 20


def test_an_edited_event_is_named():
    events = _chain(20)
    events[6]["details"] = '{"n":999}'
    report = verify_chain(events)
    assert not report.ok and report.broken.seq == 7 and "altered" in report.broken.reason


def test_a_removed_event_is_named():
    events = _chain(20)
    del events[9]
    report = verify_chain(events)
    assert report.broken.seq == 11 and "missing" in report.broken.reason


def test_reordered_events_are_named():
    events = _chain(20)
    events[3], events[4] = events[4], events[3]
    report = verify_chain(events)
    assert report.broken.seq == 5 and "jumps" in report.broken.reason


def test_a_rehashed_forgery_still_breaks_the_next_link():
    events = copy.deepcopy(_chain(10))
    forged = events[4]
    forged["actor_label"] = "someone-else@example.test"
    forged["hash"] = event_hash(forged["prev_hash"], forged)  # forger recomputes this hash…
    report = verify_chain(events)
    assert report.broken.seq == 6  # …but event 6 still points at the original


def test_hash_covers_every_field():
    event = _chain(1)[0]
    for field in ("occurred_at", "actor_id", "actor_label", "team_id", "action", "target_type", "target_id",
                  "details", "client_ip"):
        changed = dict(event, **{field: "changed"})
        assert event_hash(GENESIS_HASH, changed) != event["hash"], field
