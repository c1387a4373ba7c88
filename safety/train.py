"""Train the semantic head on the project's own labelled corpus (`safety/data/train.jsonl`).

Benign prompts are all-zero targets, unsafe ones one-hot over their labels, borderline ones
0.5 on theirs (they should land between the review and block thresholds). Five heads are
trained from consecutive seeds, each on embeddings nudged by a little Gaussian noise, and
averaged (`semantic.HeadEnsemble`): one head alone fired on stray words ("skyline", "shank")
that changed with the seed. The corpus's embeddings and targets are also saved as the
neighbour memory (`semantic.NeighbourMemory`) whose agreement the head's score needs. The concern
head (one output: labelled anything at all) is trained the same way beside them. A tenth
of the corpus is held back to pick the temperature and to report the combined score on; the
evaluation set is never read here. The corpus itself is `python -m safety.corpus`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import save_file

from safety.encoder import shared_encoder
from safety.semantic import WEIGHTS, HeadEnsemble, NeighbourMemory, PolicyHead, combine
from safety.taxonomy import CATEGORIES, CONCERN_REVIEW_THRESHOLD, NAMES

CORPUS = Path(__file__).resolve().parent / "data" / "train.jsonl"
MEMBERS = 5  # heads averaged (see semantic.HeadEnsemble)
NOISE = 0.02  # Gaussian noise added to each training embedding (then re-normalised)
NEIGHBOURS = 10  # the memory's k; 10–30 and temperatures 0.02–0.1 measured alike on dev
NEIGHBOUR_TEMPERATURE = 0.05
NEIGHBOUR_WEIGHT = 0.7  # the memory's share of the score (see semantic.py for what each weighting measured)


def load_corpus(path: Path) -> tuple[list[str], np.ndarray]:
    texts, targets = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        unknown = set(record.get("labels", [])) - set(NAMES)
        if unknown:
            raise ValueError(f"{path}:{number}: unknown categories {sorted(unknown)}")
        target = np.zeros(len(NAMES), dtype=np.float32)
        for label in record.get("labels", []):
            target[NAMES.index(label)] = 0.5 if record.get("kind") == "borderline" else 1.0
        texts.append(record["prompt"])
        targets.append(target)
    return texts, np.stack(targets)


def train(corpus: Path = CORPUS, out: Path = WEIGHTS, *, epochs: int = 60, hidden: int = 256, seed: int = 0,
          members: int = MEMBERS, weight_decay: float = 1e-3, noise: float = NOISE) -> dict:
    from safety.normalize import normalize

    texts, targets = load_corpus(corpus)
    # The gate shows the model the normalised text; train it on the same.
    embeddings = shared_encoder().encode([normalize(t).model_text for t in texts])
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(texts))
    split = len(order) // 10
    held, fit = order[:split], order[split:]
    x, y = torch.from_numpy(embeddings), torch.from_numpy(targets)
    # Every member sees the same examples from its own seed; the ensemble's mean logit is the score.
    fitted = dict(fit=fit, epochs=epochs, seed=seed, hidden=hidden, weight_decay=weight_decay, noise=noise)
    head = _ensemble(x, y, members=members, **fitted)
    # The concern head: one output, "labelled anything at all" (borderline or unsafe, any category).
    concerning = (y.amax(1, keepdim=True) > 0).float()
    concern = _ensemble(x, concerning, members=members, **fitted)
    held_x, held_y = x[torch.from_numpy(held)], y[torch.from_numpy(held)]
    with torch.no_grad():
        logits = head(held_x)
    temperature = _fit_temperature(logits, held_y)
    # Scored as the gate scores: the head with a memory of the examples it was fitted on.
    fit_memory = NeighbourMemory(x[torch.from_numpy(fit)], y[torch.from_numpy(fit)], NEIGHBOURS, NEIGHBOUR_TEMPERATURE)
    nearest = fit_memory.nearest(held_x)
    with torch.no_grad():
        probabilities = combine(torch.sigmoid(logits / temperature), fit_memory.weigh(fit_memory.targets, *nearest),
                                NEIGHBOUR_WEIGHT)
        concern_scores = combine(torch.sigmoid(concern(held_x)[:, 0]),
                                 fit_memory.weigh(concerning[torch.from_numpy(fit)], *nearest)[:, 0], NEIGHBOUR_WEIGHT)
    unsafe = held_y.max(1).values >= 1
    benign = held_y.max(1).values == 0
    borderline = (held_y.max(1).values > 0) & ~unsafe
    review = torch.tensor([CATEGORIES[name].review_threshold for name in NAMES])
    flagged = (probabilities >= review).any(1)  # what the gate sends to review or blocks
    concerned = concern_scores >= CONCERN_REVIEW_THRESHOLD
    metrics = {"held_out": int(split), "unsafe_flagged": float(flagged[unsafe].float().mean()),
               "benign_clear": float((~flagged[benign]).float().mean()),
               "borderline_flagged": float(flagged[borderline].float().mean()),
               "borderline_flagged_with_concern": float((flagged | concerned)[borderline].float().mean()),
               "benign_clear_with_concern": float((~(flagged | concerned))[benign].float().mean())}
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in head.state_dict().items()}, out / "head.safetensors")
    save_file({k: v.contiguous() for k, v in concern.state_dict().items()}, out / "concern.safetensors")
    # fp16 halves the file; cosine similarities move by under 1e-3.
    save_file({"embeddings": x.half().contiguous(), "targets": y.half().contiguous()}, out / "memory.safetensors")
    meta = {"categories": list(NAMES), "hidden": hidden, "members": members, "temperature": round(float(temperature), 4),
            "examples": len(texts), "corpus_sha256": hashlib.sha256(corpus.read_bytes()).hexdigest(),
            "epochs": epochs, "seed": seed, "noise": noise, "weight_decay": weight_decay,
            "memory": {"k": NEIGHBOURS, "temperature": NEIGHBOUR_TEMPERATURE, "weight": NEIGHBOUR_WEIGHT},
            "concern": {"members": members}, "validation": metrics}
    (out / "head.json").write_text(json.dumps(meta, indent=2) + "\n")
    return meta


def _ensemble(x: torch.Tensor, y: torch.Tensor, *, members: int, seed: int, hidden: int, **fitting) -> HeadEnsemble:
    """`members` heads, member i trained from seed + i, averaged."""
    ensemble = HeadEnsemble(hidden, categories=y.shape[1], members=members)
    for index, member in enumerate(ensemble.members):
        _fit(member, x, y, seed=seed + index, hidden=hidden, **fitting)
    return ensemble.eval()


def _fit(member: PolicyHead, x: torch.Tensor, y: torch.Tensor, fit: np.ndarray, *, epochs: int, seed: int,
         hidden: int, weight_decay: float, noise: float) -> None:
    torch.manual_seed(seed)
    member.load_state_dict(PolicyHead(hidden, y.shape[1]).state_dict())  # initialised from this member's seed
    optimizer = torch.optim.AdamW(member.parameters(), lr=2e-3, weight_decay=weight_decay)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    generator = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        member.train()
        for batch in torch.randperm(len(fit), generator=generator).split(128):
            index = torch.from_numpy(fit)[batch]
            inputs = x[index]
            if noise:  # a nudge off each training sentence's exact embedding: fewer one-word shortcuts
                inputs = torch.nn.functional.normalize(inputs + noise * torch.randn(inputs.shape, generator=generator), dim=-1)
            loss = loss_fn(member(inputs), y[index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    member.eval()


def _fit_temperature(logits: torch.Tensor, targets: torch.Tensor) -> float:
    """The temperature that minimises held-back cross-entropy: scores that mean what they say."""
    candidates = np.linspace(0.5, 3.0, 26)
    losses = [float(torch.nn.functional.binary_cross_entropy_with_logits(logits / t, targets)) for t in candidates]
    return float(candidates[int(np.argmin(losses))])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m safety train", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--members", type=int, default=MEMBERS, help="heads averaged, each from its own seed")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--noise", type=float, default=NOISE, help="embedding noise while training")
    args = parser.parse_args(argv)
    print(json.dumps(train(args.corpus, args.out, epochs=args.epochs, members=args.members, seed=args.seed,
                           noise=args.noise), indent=2))


if __name__ == "__main__":
    main()
