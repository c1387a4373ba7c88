"""Checkpoints and RFC 6962 proofs over the API, checked the way an outside auditor would check them."""
import base64

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from accounts.roles import Role
from audit import merkle
from audit.checkpoints import checkpoint_create, signing_key
from audit.models import AuditEvent
from audit.signed_checkpoint import public_key_pem
from studio import services as studio

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(make_team, settings, tmp_path):
    settings.HALLMARK_AUDIT_SIGNING_KEY = tmp_path / "checkpoint.pem"
    team, other = make_team(auditor=1, member=1), make_team()
    studio.generation_request(actor=team.actor(Role.MEMBER), access=team.access(Role.MEMBER),
                              prompt="a red ball rolls left across a meadow", params=studio.GenerationParams(steps=2))
    first = checkpoint_create()
    studio.generation_request(actor=other.actor(), access=other.access(), prompt="another team's blue star",
                              params=studio.GenerationParams(steps=2))
    second = checkpoint_create()
    return team, other, first, second


def test_checkpoints_are_signed_notes_an_outsider_can_verify(scene, api_client):
    team, *_ = scene
    client = api_client(team.api_key(Role.AUDITOR))
    checkpoints = client.get("/api/v1/audit/checkpoints").json()
    assert [c["tree_size"] for c in checkpoints] == sorted((c["tree_size"] for c in checkpoints), reverse=True)
    public = load_pem_public_key(public_key_pem(signing_key()))
    for checkpoint in checkpoints:
        public.verify(base64.b64decode(checkpoint["signature"]), checkpoint["note"].encode("ascii"))
        assert checkpoint["note"].splitlines()[1] == str(checkpoint["tree_size"])


def test_inclusion_proof_of_a_team_event_verifies_and_another_teams_is_404(scene, api_client):
    team, other, first, second = scene
    client = api_client(team.api_key(Role.AUDITOR))
    mine = AuditEvent.objects.filter(team=team.team, action="generation.requested").get()
    proof = client.get(f"/api/v1/audit/events/{mine.seq}/proof").json()
    assert proof["tree_size"] == second.tree_size and proof["checkpoint"]["root_hash"] == second.root_hash
    assert proof["leaf_hash"] == merkle.event_leaf(mine.hash).hex()
    assert merkle.verify_inclusion(mine.seq - 1, proof["tree_size"], merkle.event_leaf(mine.hash),
                                   [bytes.fromhex(h) for h in proof["audit_path"]], bytes.fromhex(second.root_hash))
    at_first = client.get(f"/api/v1/audit/events/{mine.seq}/proof", {"tree_size": first.tree_size}).json()
    assert at_first["root_hash"] == first.root_hash
    theirs = AuditEvent.objects.filter(team=other.team).first()
    assert client.get(f"/api/v1/audit/events/{theirs.seq}/proof").status_code == 404
    assert client.get(f"/api/v1/audit/events/{10**9}/proof").status_code == 404
    unknown = client.get(f"/api/v1/audit/events/{mine.seq}/proof", {"tree_size": first.tree_size + 1})
    assert unknown.status_code == 404 and "checkpoint" in unknown.json()["detail"]


def test_consistency_proof_between_checkpoints_verifies(scene, api_client):
    team, _, first, second = scene
    client = api_client(team.api_key(Role.AUDITOR))
    proof = client.get("/api/v1/audit/checkpoints/consistency").json()  # the latest and the one before
    assert (proof["first_size"], proof["second_size"]) == (first.tree_size, second.tree_size)
    assert merkle.verify_consistency(first.tree_size, second.tree_size, bytes.fromhex(first.root_hash),
                                     bytes.fromhex(second.root_hash), [bytes.fromhex(h) for h in proof["proof"]])
    same = client.get("/api/v1/audit/checkpoints/consistency", {"first": second.tree_size}).json()
    assert same["proof"] == [] and same["first_root"] == same["second_root"] == second.root_hash
    backwards = client.get("/api/v1/audit/checkpoints/consistency", {"first": second.tree_size,
                                                                  "second": first.tree_size})
    assert backwards.status_code == 400


def test_members_without_the_audit_scope_get_no_proofs(scene, api_client):
    team, *_ = scene
    client = api_client(team.api_key(Role.MEMBER))
    assert client.get("/api/v1/audit/checkpoints").status_code == 403
    assert client.get("/api/v1/audit/checkpoints/consistency").status_code == 403
