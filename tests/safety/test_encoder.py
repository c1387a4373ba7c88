"""The lean forward pass must compute what transformers' BertModel computes: the shipped heads and
neighbour memory were trained on BertModel's embeddings, and a decision on a threshold's edge must
not move because the encoder got faster. Bit for bit where BLAS allows (see safety/encoder.py);
elsewhere as close as BertModel is to itself between one thread and two (~4e-6)."""
import numpy as np
import pytest
import torch

from safety.encoder import MAX_TOKENS, load_bertmodel, pool, shared_encoder

PROMPTS = [
    "kill",  # three tokens with [CLS] and [SEP]: BLAS's few-row path
    "kill the lights",
    "a photographer shoots a wedding on a sunny afternoon in the park",
    "n a k e d",
    "un chat qui dort sur un canapé 🐈",
    "a crimson ball rolls to the left across a meadow while a kite drifts over the hills at dusk, " * 8,
]
CLOSE = 2e-5


@pytest.fixture(scope="module")
def encoder():
    return shared_encoder()


@pytest.fixture(scope="module")
def bertmodel():
    return load_bertmodel()


@pytest.fixture(params=[1, 2], ids=["1 thread", "2 threads"])
def threads(request, torch_threads):
    torch_threads(request.param)
    return request.param


def _both(encoder, bertmodel, texts):
    batch = encoder.tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    with torch.inference_mode():
        reference = bertmodel(**batch).last_hidden_state
    return reference, encoder.lean(batch["input_ids"], batch["attention_mask"]), batch


def _layouts_agree(bertmodel, rows: int) -> bool:
    """Whether this host's BLAS multiplies `rows` rows by a weight stored in×out to the same bits as
    by the same weight out×in, as BertModel stores it. Where it does (AMD EPYC), the lean pass must
    be BertModel's to the bit; where it takes another path for a few rows (Intel Xeon, under 16
    rows here), as close as BertModel is to itself between thread counts."""
    linear = bertmodel.encoder.layer[0].intermediate.dense
    x = torch.randn(rows, linear.in_features, generator=torch.Generator().manual_seed(0))
    with torch.inference_mode():
        stored = torch.nn.functional.linear(x, linear.weight, linear.bias)
        transposed = torch.addmm(linear.bias, x, linear.weight.t().contiguous())
    return torch.equal(stored, transposed)


@pytest.mark.parametrize("prompt", PROMPTS)
def test_one_prompt_is_bertmodel(encoder, bertmodel, threads, prompt):
    reference, lean, batch = _both(encoder, bertmodel, [prompt])
    tokens = batch["input_ids"].numel()
    if threads == 1 and tokens > 3 and _layouts_agree(bertmodel, tokens):
        assert torch.equal(reference, lean)
    assert (reference - lean).abs().max() < CLOSE


def test_a_padded_batch_is_bit_for_bit_bertmodel(encoder, bertmodel, threads):
    reference, lean, batch = _both(encoder, bertmodel, PROMPTS)
    mask = batch["attention_mask"]
    assert mask.shape[1] == MAX_TOKENS and not bool(mask.all()), "the batch must be cut at the limit and padded"
    assert torch.equal(reference, lean)


def test_encode_is_bertmodel_mean_pooled_in_input_order(encoder, bertmodel):
    vectors = encoder.encode(PROMPTS)
    assert vectors.shape == (len(PROMPTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    reference, _, batch = _both(encoder, bertmodel, PROMPTS)
    expected = pool(reference, batch["attention_mask"]).numpy()
    assert np.abs(vectors - expected).max() < CLOSE


def test_a_model_it_cannot_reproduce_is_refused(bertmodel):
    from safety.encoder import LeanBert

    bertmodel.config.hidden_act = "relu"
    try:
        with pytest.raises(ValueError, match="GELU"):
            LeanBert(bertmodel)
    finally:
        bertmodel.config.hidden_act = "gelu"


def test_padding_is_the_tokenizers(encoder):
    rows = encoder.tokenizer(PROMPTS, truncation=True, max_length=MAX_TOKENS)["input_ids"]
    input_ids, attention_mask = encoder._padded(rows)
    expected = encoder.tokenizer(PROMPTS, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    assert torch.equal(input_ids, expected["input_ids"]) and torch.equal(attention_mask, expected["attention_mask"])


def test_batches_are_made_of_prompts_of_like_token_counts(encoder, monkeypatch):
    """Padding is wasted work: eval's prompts as written, batched in order of characters, made half the
    rows padding (a few tokens can spell many characters); in order of tokens, 5%."""
    from safety.evaluate import load

    texts = [r["prompt"] for r in load("safety/data/eval.jsonl")]
    masks, lean = [], encoder.lean
    monkeypatch.setattr(encoder, "lean", lambda ids, mask: masks.append(mask) or lean(ids, mask))
    vectors = encoder.encode(texts, batch_size=32)
    real, rows = sum(int(m.sum()) for m in masks), sum(m.numel() for m in masks)
    assert len(masks) == -(-len(texts) // 32) and 1 - real / rows < 0.1
    # each vector is still its own prompt's, in input order
    assert np.abs(vectors[[0, 400, -1]] - encoder.encode([texts[0], texts[400], texts[-1]])).max() < CLOSE


def test_no_texts_no_vectors(encoder):
    assert encoder.encode([]).shape == (0, 384)


def test_batches_on_worker_threads_are_one_threads_vectors_to_the_bit(encoder, torch_threads):
    """On two cores each batch goes to a worker thread of its own core (encoder._start_workers): the
    workers must run torch on one thread each, their vectors must be those one thread computes batch
    by batch, and neither the caller's thread count nor the count that threads started later begin
    with may change."""
    from concurrent.futures import ThreadPoolExecutor

    from safety import encoder as module
    from safety.evaluate import load

    texts = [r["prompt"] for r in load("safety/data/eval.jsonl")][:120]
    torch_threads(1)
    alone = encoder.encode(texts, batch_size=8)
    torch_threads(2)
    with module._workers_lock:  # the workers start below, and set their own counts there
        for workers in module._workers.values():
            workers.shutdown()
        module._workers.clear()
    shared = encoder.encode(texts, batch_size=8)
    assert np.array_equal(alone, shared)
    workers = module._batch_workers(2)
    assert [workers.submit(torch.get_num_threads).result() for _ in range(4)] == [1] * 4
    assert torch.get_num_threads() == 2
    with ThreadPoolExecutor(1) as later:
        assert later.submit(torch.get_num_threads).result() == 2


def test_a_forked_child_encodes_batches_with_workers_of_its_own(encoder, torch_threads):
    """Web and job workers may be forked from a parent that has encoded already: the parent's worker
    threads do not exist in the child, which must start its own rather than wait on them forever."""
    import os
    import signal

    texts = [f"a red ball number {i} rolls to the left" for i in range(100)]
    torch_threads(2)
    parent = encoder.encode(texts, batch_size=8)  # the parent's workers exist now
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports by its exit status only, and never returns
        signal.alarm(60)  # waiting on the parent's workers would hang: die instead
        same = False
        try:
            same = np.array_equal(encoder.encode(texts, batch_size=8), parent)
        finally:
            os._exit(0 if same else 3)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
