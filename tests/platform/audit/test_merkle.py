"""audit.merkle alone: RFC 6962 roots, inclusion and consistency proofs."""
import hashlib

import pytest

from audit import merkle

# RFC 6962's test leaves, as used by Certificate Transparency's reference implementations.
RFC_LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
RFC_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def _leaves(n):
    return [merkle.leaf_hash(i.to_bytes(4, "big")) for i in range(n)]


def _reference_root(leaves):
    """MTH written straight from RFC 6962 §2.1, recursively."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return merkle.node_hash(_reference_root(leaves[:k]), _reference_root(leaves[k:]))


def test_roots_match_the_rfc_6962_test_vectors():
    leaves = [merkle.leaf_hash(bytes.fromhex(h)) for h in RFC_LEAVES]
    assert [merkle.tree_root(leaves[:n]).hex() for n in range(1, 9)] == RFC_ROOTS
    assert merkle.tree_root([]) == hashlib.sha256(b"").digest()


def test_the_growing_builder_agrees_with_the_recursive_definition_at_every_size():
    leaves, builder = _leaves(70), merkle.TreeBuilder()
    for n, leaf in enumerate(leaves, 1):
        builder.append(leaf)
        assert builder.root() == _reference_root(leaves[:n])


def test_every_inclusion_proof_verifies_and_a_wrong_one_does_not():
    for size in range(1, 34):
        leaves = _leaves(size)
        root = merkle.tree_root(leaves)
        for index in range(size):
            proof = merkle.inclusion_proof(index, leaves)
            assert merkle.verify_inclusion(index, size, leaves[index], proof, root)
            assert not merkle.verify_inclusion(index, size, merkle.leaf_hash(b"forged"), proof, root)
            if size > 1:
                assert not merkle.verify_inclusion((index + 1) % size, size, leaves[index], proof, root)
                assert not merkle.verify_inclusion(index, size, leaves[index], proof[:-1], root)


def test_the_full_tree_gives_the_same_roots_and_proofs_as_the_recursive_definition():
    for size in range(1, 34):
        leaves = _leaves(size)
        tree = merkle.FullTree(leaves)
        assert tree.root() == merkle.tree_root(leaves)
        assert [tree.inclusion_proof(i) for i in range(size)] == [merkle.inclusion_proof(i, leaves)
                                                                  for i in range(size)]


def test_every_consistency_proof_verifies_and_a_forked_history_does_not():
    for new in range(1, 34):
        leaves = _leaves(new)
        new_root = merkle.tree_root(leaves)
        for old in range(1, new + 1):
            proof = merkle.consistency_proof(old, leaves)
            old_root = merkle.tree_root(leaves[:old])
            assert merkle.verify_consistency(old, new, old_root, new_root, proof), (old, new)
            forked = merkle.tree_root([merkle.leaf_hash(b"rewritten")] + leaves[1:old])
            assert not merkle.verify_consistency(old, new, forked, new_root, proof), (old, new)


def test_proofs_out_of_range_are_refused_clearly():
    with pytest.raises(merkle.ProofError, match="not in a tree of 3"):
        merkle.inclusion_proof(3, _leaves(3))
    with pytest.raises(merkle.ProofError, match="from size 5 to size 3"):
        merkle.consistency_proof(5, _leaves(3))
