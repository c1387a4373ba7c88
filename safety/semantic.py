"""The semantic layer: MiniLM sentence embeddings judged by a trained head and by their neighbours.

The encoder is all-MiniLM-L6-v2 (`safety.encoder`). It was trained on English: prompts in other
languages get little from it, which is why the severe categories also have keyword rules in
Spanish, French, German, Russian and Chinese.

A category's score is a weighted geometric mean of two views of the training corpus: the
head's probability and the labels of the prompt's nearest labelled examples
(`NeighbourMemory`), head^0.3 · neighbours^0.7. Either alone flagged ordinary prompts the other
cleared: the head fires on a stray word it learned as a shortcut, the neighbours on one close
unsafe example. Measured on dev.jsonl with the corpus examples written for dev's mistakes left
out, so that dev was unseen (head alone → equal weights → 0.3/0.7): benign allowed 0.966 →
0.983 → 0.980, borderline not allowed 0.82 → 0.90 → 0.98, unsafe blocked 0.990 → 0.990 → 0.990.
The head's weights and the memory ship in `safety/weights/` and are reproduced by
`python -m safety train`, byte for byte on the kind of machine that made them (retrained
2026-12-06 on this project's 2-core AMD EPYC build machine when the encoder's batches changed).
Another CPU's BLAS rounds the embeddings in the last bit and so writes other bytes: the weights
trained before, on another machine, gave these the same action and categories on every one of the
5,923 evaluation prompts in safety/data, scores equal to the 4th decimal but for 11.

A second head, the concern head, answers one question: is this prompt labelled anything at all
(borderline or unsafe, whatever the category)? Its score (combined with the memory the same way)
sends a prompt no category flagged to a moderator from `taxonomy.CONCERN_REVIEW_THRESHOLD`.
Grey-zone prompts spread their evidence over several categories, none past its own threshold; the
pooled question sees them. Measured 2026-12-05 against lowering every review threshold (the knob
there was), on fresh_dev … fresh_dev4 pooled (tricky + plain benign allowed / borderline not
allowed): thresholds × 0.85 → 0.972 / 0.900, concern from 0.9 → 0.980 / 0.897, from 0.8 → 0.977 /
0.915; on fresh_dev5, written after the choice by someone who had seen none of the sets: today
0.967 / 0.856, thresholds × 0.85 → 0.963 / 0.878, concern from 0.9 → 0.963 / 0.922.

Tried and not kept (2026-12-05, judged on dev, fresh_dev, fresh_dev2 and fresh_dev3 together by
the curve of tricky benign allowed against borderline not allowed as the review threshold moves):
fine-tuning the encoder's top two layers on the corpus (3 epochs, lr 3e-5) made the model surer
and worse — at tricky benign 0.93, borderline not allowed 0.80 against today's 0.93; a head that
also reads the max-pooled token states next to the mean drew the same curve as today's.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from safety.encoder import SentenceEncoder, shared_encoder
from safety.taxonomy import NAMES

WEIGHTS = Path(__file__).resolve().parent / "weights"


class PolicyHead(nn.Module):
    """384 → hidden → one logit per category."""

    def __init__(self, hidden: int = 256, categories: int = len(NAMES)):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(384, hidden), nn.GELU(), nn.Dropout(0.1), nn.Linear(hidden, categories))

    def forward(self, embeddings: torch.Tensor) -> torch.Tensor:
        return self.net(embeddings)


class HeadEnsemble(nn.Module):
    """Several heads trained from different seeds; their mean logit is the score.

    One head trained on a few thousand templated prompts is jumpy: a stray word ("skyline",
    "shank") can push an ordinary prompt past a threshold, and which words do depends on the seed.
    The mean of a few heads keeps what they agree on.
    """

    def __init__(self, hidden: int = 256, categories: int = len(NAMES), members: int = 1):
        super().__init__()
        self.members = nn.ModuleList(PolicyHead(hidden, categories) for _ in range(members))

    def forward(self, embeddings: torch.Tensor) -> torch.Tensor:
        return torch.stack([member(embeddings) for member in self.members]).mean(0)


class FrozenEnsemble:
    """A trained HeadEnsemble's forward pass for inference: its members' first layers multiplied as one
    (their weights stacked), each member's second layer on its own slice of the result. In a third of
    the time for one prompt on one core (0.37 → 0.13 ms an ensemble: at this size module calls cost
    more than the arithmetic), and here the same numbers to the bit
    (tests/safety/test_semantic_and_names.py). A snapshot: weights loaded into the ensemble later are
    not seen."""

    def __init__(self, ensemble: HeadEnsemble):
        layers = [member.net for member in ensemble.members]
        if not all(isinstance(net[0], nn.Linear) and isinstance(net[1], nn.GELU) and net[1].approximate == "none"
                   and isinstance(net[3], nn.Linear) for net in layers):
            raise ValueError("FrozenEnsemble reproduces PolicyHead's Linear, GELU, Dropout, Linear only")
        self.hidden = layers[0][0].out_features
        self.first = (torch.cat([net[0].weight.detach() for net in layers]),
                      torch.cat([net[0].bias.detach() for net in layers]))
        self.seconds = [(net[3].weight.detach(), net[3].bias.detach()) for net in layers]

    def __call__(self, embeddings: torch.Tensor) -> torch.Tensor:
        hidden = F.gelu(F.linear(embeddings, *self.first))
        width = self.hidden
        return torch.stack([F.linear(hidden[:, i * width:(i + 1) * width], *second)
                            for i, second in enumerate(self.seconds)]).mean(0)


class NeighbourMemory:
    """The labelled training prompts' embeddings: a prompt's score per category is the
    similarity-weighted mean of its k nearest examples' targets (benign 0, borderline 0.5,
    unsafe 1), the weights a softmax over cosine similarity at `temperature`."""

    def __init__(self, embeddings: torch.Tensor, targets: torch.Tensor, k: int = 10, temperature: float = 0.05):
        if embeddings.shape[0] != targets.shape[0] or targets.shape[1] != len(NAMES):
            raise ValueError("the memory's embeddings and targets do not match")
        # stored 384×N: BLAS multiplies one prompt by that layout two to three times faster than by N×384
        self.columns, self.targets = embeddings.float().T.contiguous(), targets.float()
        self.k, self.temperature = min(k, len(embeddings)), temperature

    def scores(self, embeddings: torch.Tensor) -> torch.Tensor:
        return self.weigh(self.targets, *self.nearest(embeddings))

    def nearest(self, embeddings: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Each prompt's k nearest examples (indices) and their weights."""
        similarity, index = (embeddings @ self.columns).topk(self.k, dim=1)
        return index, torch.softmax(similarity / self.temperature, dim=1)

    @staticmethod
    def weigh(targets: torch.Tensor, index: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
        return (targets[index] * weights.unsqueeze(-1)).sum(1)


def combine(head: torch.Tensor, neighbours: torch.Tensor, neighbour_weight: float) -> torch.Tensor:
    """head^(1−w) · neighbours^w: high only where both views agree."""
    return head.pow(1 - neighbour_weight) * neighbours.pow(neighbour_weight)


class SemanticClassifier:
    """Scores in 0–1 per category for each prompt, and its concern score."""

    def __init__(self, weights: Path = WEIGHTS, encoder: SentenceEncoder | None = None):
        from safetensors.torch import load_file

        self.weights = Path(weights)
        meta = json.loads((self.weights / "head.json").read_text())
        if tuple(meta["categories"]) != NAMES:
            raise ValueError(f"{self.weights}: the head was trained for other categories; run `python -m safety train`")
        self.head = HeadEnsemble(meta["hidden"], members=int(meta.get("members", 1))).eval()
        state = load_file(self.weights / "head.safetensors")
        # weights saved before heads were ensembled hold one head's tensors, unprefixed
        self.head.load_state_dict({k if k.startswith("members.") else f"members.0.{k}": v for k, v in state.items()})
        self.temperature = float(meta.get("temperature", 1.0))
        digest = hashlib.sha256((self.weights / "head.safetensors").read_bytes())
        self.memory = None
        if "memory" in meta:  # heads trained before the memory existed score alone
            stored = load_file(self.weights / "memory.safetensors")
            self.memory = NeighbourMemory(stored["embeddings"], stored["targets"], k=int(meta["memory"]["k"]),
                                          temperature=float(meta["memory"]["temperature"]))
            self.memory_weight = float(meta["memory"]["weight"])
            digest.update((self.weights / "memory.safetensors").read_bytes())
            # The concern head's examples are the same: concerning when labelled anything at all.
            self.concern_targets = (self.memory.targets.amax(1, keepdim=True) > 0).float()
        self.concern_head = None
        if "concern" in meta:  # heads trained before it existed have no concern score
            self.concern_head = HeadEnsemble(meta["hidden"], categories=1, members=int(meta["concern"]["members"])).eval()
            self.concern_head.load_state_dict(load_file(self.weights / "concern.safetensors"))
            digest.update((self.weights / "concern.safetensors").read_bytes())
        self.version = digest.hexdigest()[:12]
        self._encoder = encoder
        self._frozen_head = FrozenEnsemble(self.head)
        self._frozen_concern_head = None if self.concern_head is None else FrozenEnsemble(self.concern_head)

    @property
    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            self._encoder = shared_encoder()
        return self._encoder

    def scores(self, texts: list[str]) -> np.ndarray:
        """N×15 probabilities, columns in taxonomy order."""
        return self.assess(texts)[0]

    @torch.inference_mode()
    def assess(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """N×15 category probabilities and N concern scores (see `concern_head`; zeros without one)."""
        embeddings = torch.from_numpy(self.encoder.encode(texts))
        head = torch.sigmoid(self._frozen_head(embeddings) / self.temperature)
        concern = torch.zeros(len(texts))
        if self._frozen_concern_head is not None:
            concern = torch.sigmoid(self._frozen_concern_head(embeddings)[:, 0])
        if self.memory is None:
            return head.numpy(), concern.numpy()
        nearest = self.memory.nearest(embeddings)
        scores = combine(head, self.memory.weigh(self.memory.targets, *nearest), self.memory_weight)
        if self._frozen_concern_head is not None:
            concern = combine(concern, self.memory.weigh(self.concern_targets, *nearest)[:, 0], self.memory_weight)
        return scores.numpy(), concern.numpy()


@lru_cache(maxsize=1)
def shared_classifier() -> SemanticClassifier:
    return SemanticClassifier()
