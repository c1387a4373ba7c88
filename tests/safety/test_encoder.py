"""The lean forward pass must compute what transformers' BertModel computes: the shipped heads and
neighbour memory were trained on BertModel's embeddings, and a decision on a threshold's edge must
not move because the encoder got faster. On one thread, and for padded batches (how training
encodes) on two, it is the same to the last bit. One prompt on two threads is not: BLAS splits a
few-row product between threads by the weight's layout, and BertModel itself moves by ~4e-6 between
one and two threads there; the lean pass stays as close."""
import numpy as np
import pytest
import torch

from safety.encoder import MAX_TOKENS, shared_encoder

PROMPTS = [
    "kill the lights",
    "a photographer shoots a wedding on a sunny afternoon in the park",
    "n a k e d",
    "un chat qui dort sur un canapé",
    "a crimson ball rolls to the left across a meadow while a kite drifts over the hills at dusk, " * 8,
]


@pytest.fixture(scope="module")
def encoder():
    return shared_encoder()


@pytest.fixture(params=[1, 2], ids=["1 thread", "2 threads"])
def threads(request):
    before = torch.get_num_threads()
    torch.set_num_threads(request.param)
    yield request.param
    torch.set_num_threads(before)


def _both(encoder, texts):
    batch = encoder.tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    with torch.inference_mode():
        reference = encoder.model(**batch).last_hidden_state
    return reference, encoder.forward(batch["input_ids"], batch["attention_mask"]), batch


@pytest.mark.parametrize("prompt", PROMPTS)
def test_one_prompt_is_bertmodel(encoder, threads, prompt):
    reference, lean, _ = _both(encoder, [prompt])
    if threads == 1:
        assert torch.equal(reference, lean)
    assert (reference - lean).abs().max() < 2e-5


def test_a_padded_batch_is_bit_for_bit_bertmodel(encoder, threads):
    reference, lean, batch = _both(encoder, PROMPTS)
    assert not bool(batch["attention_mask"].all()), "the batch must hold padding to test the mask"
    assert torch.equal(reference, lean)


def test_the_longest_prompt_is_cut_at_the_token_limit(encoder):
    _, lean, batch = _both(encoder, [PROMPTS[-1]])
    assert batch["input_ids"].shape[1] == MAX_TOKENS and lean.shape == (1, MAX_TOKENS, 384)


def test_encode_gives_unit_vectors_in_input_order(encoder):
    vectors = encoder.encode(PROMPTS)
    assert vectors.shape == (len(PROMPTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    one_by_one = np.stack([encoder.encode([p])[0] for p in PROMPTS])
    assert np.allclose(vectors, one_by_one, atol=1e-5)  # batching sorts by length; order is restored
