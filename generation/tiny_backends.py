"""Tiny random versions of every backend, built offline, for tests.

Each `build_tiny(name, folder)` writes a diffusers-format folder that `load_backend(name,
folder)` loads exactly like real weights. The models are random and a few hundred kilobytes:
they check plumbing (shapes, seeds, callbacks, save/load), not quality. Nothing is fetched
from the hub: the tokenizer's vocabulary and every config are written here in code.

What the tiny models support (the real rules in `BACKENDS` are stricter or equal, so a
request valid for the real model is valid here):
- wan: frames 4k+1, sizes a multiple of 16 (VAE: 8× spatial, 4× temporal; patch 2).
- ltx: frames 4k+1 (the tiny VAE compresses time 4×, the real one 8×: LTXPipeline silently
  returns fewer frames when the count does not fit its VAE), sizes a multiple of 32 (the
  pipeline checks that; the tiny VAE compresses space only 4×).
- cogvideox: frames 4k+1, sizes a multiple of 16 (VAE 8× spatial, patch 2).
- default: as the real model (even frames 2–64, sizes a multiple of 8 from 64).
"""
from __future__ import annotations

import string
from pathlib import Path

import torch

# Enough words that test prompts tokenize into words, not letters; letters and digits catch the rest.
WORDS = ("a an the of in on at to and with red green blue yellow white black orange purple ball "
         "cube star circle square dog cat bird car boat tree house sky sea river mountain city "
         "person moves rolls left right up down slowly quickly bounces spins flies walks runs "
         "across over under big small bright dark night day sunset camera pan zoom video").split()
TEXT_WIDTH = 32  # the text encoder's d_model = Wan text_dim = LTX caption_channels = CogVideoX text_embed_dim
TEXT_TOKENS = 16  # prompts are cut to this many tokens (CogVideoX needs exactly its max_text_seq_length)


def build_tiny(name: str, folder) -> Path:
    """Write a tiny random pipeline of backend `name` into `folder` (diffusers format)."""
    builders = {"default": _default, "wan": _wan, "ltx": _ltx, "cogvideox": _cogvideox}
    if name not in builders:
        raise ValueError(f"No tiny version of backend {name!r}; known: {', '.join(builders)}.")
    folder = Path(folder)
    torch.manual_seed(0)  # the same random weights every time
    builders[name]().save_pretrained(folder)
    return folder


def tiny_tokenizer():
    """A T5-style Unigram tokenizer (pad=0, eos=1, unk=2) from a vocabulary list: no sentencepiece file."""
    from transformers import T5Tokenizer

    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -2.0)]
    pieces += [("▁" + word, -5.0) for word in WORDS]
    pieces += [(c, -10.0) for c in string.ascii_letters + string.digits + string.punctuation]
    return T5Tokenizer(vocab=pieces, extra_ids=0, model_max_length=TEXT_TOKENS)


def tiny_text_encoder(vocab_size: int, umt5: bool = False):
    from transformers import T5Config, T5EncoderModel, UMT5Config, UMT5EncoderModel

    config_class, model_class = (UMT5Config, UMT5EncoderModel) if umt5 else (T5Config, T5EncoderModel)
    config = config_class(vocab_size=vocab_size, d_model=TEXT_WIDTH, d_kv=8, d_ff=64, num_layers=2, num_heads=4,
                          relative_attention_num_buckets=8, relative_attention_max_distance=32,
                          feed_forward_proj="gated-gelu", dropout_rate=0.0, pad_token_id=0, eos_token_id=1,
                          decoder_start_token_id=0)
    return model_class(config).eval()


def _default():
    from diffusers import FlowMatchEulerDiscreteScheduler

    from generation import HallmarkVideoPipeline, SpacetimeDiT, VideoAutoencoder

    # The same construction as the tests' `tiny_pipeline`; MiniLM comes from its package at load.
    return HallmarkVideoPipeline(transformer=SpacetimeDiT(width=48, depth=1, heads=2),
                                 vae=VideoAutoencoder(width=16),
                                 scheduler=FlowMatchEulerDiscreteScheduler(shift=2.0))


def _wan():
    from diffusers import AutoencoderKLWan, UniPCMultistepScheduler, WanPipeline, WanTransformer3DModel

    tokenizer = tiny_tokenizer()
    vae = AutoencoderKLWan(base_dim=3, z_dim=16, dim_mult=[1, 1, 1, 1], num_res_blocks=1,
                           temperal_downsample=[False, True, True])
    transformer = WanTransformer3DModel(patch_size=(1, 2, 2), num_attention_heads=2, attention_head_dim=12,
                                        in_channels=16, out_channels=16, text_dim=TEXT_WIDTH, freq_dim=256,
                                        ffn_dim=32, num_layers=2, cross_attn_norm=True,
                                        qk_norm="rms_norm_across_heads", rope_max_seq_len=32)
    scheduler = UniPCMultistepScheduler(prediction_type="flow_prediction", use_flow_sigmas=True, flow_shift=3.0)
    return WanPipeline(tokenizer=tokenizer, text_encoder=tiny_text_encoder(len(tokenizer), umt5=True),
                       transformer=transformer, vae=vae, scheduler=scheduler, transformer_2=None)


def _ltx():
    from diffusers import AutoencoderKLLTXVideo, FlowMatchEulerDiscreteScheduler, LTXPipeline
    from diffusers import LTXVideoTransformer3DModel

    tokenizer = tiny_tokenizer()
    transformer = LTXVideoTransformer3DModel(in_channels=8, out_channels=8, patch_size=1, patch_size_t=1,
                                             num_attention_heads=4, attention_head_dim=8,
                                             cross_attention_dim=32, num_layers=1, caption_channels=TEXT_WIDTH)
    vae = AutoencoderKLLTXVideo(latent_channels=8, block_out_channels=(8, 8, 8, 8),
                                decoder_block_out_channels=(8, 8, 8, 8), layers_per_block=(1, 1, 1, 1, 1),
                                decoder_layers_per_block=(1, 1, 1, 1, 1),
                                spatio_temporal_scaling=(True, True, False, False),
                                decoder_spatio_temporal_scaling=(True, True, False, False),
                                decoder_inject_noise=(False,) * 5, patch_size=1, patch_size_t=1,
                                encoder_causal=True, decoder_causal=False, timestep_conditioning=False)
    return LTXPipeline(scheduler=FlowMatchEulerDiscreteScheduler(), vae=vae,
                       text_encoder=tiny_text_encoder(len(tokenizer)), tokenizer=tokenizer,
                       transformer=transformer)


def _cogvideox():
    from diffusers import AutoencoderKLCogVideoX, CogVideoXDDIMScheduler, CogVideoXPipeline
    from diffusers import CogVideoXTransformer3DModel

    tokenizer = tiny_tokenizer()
    transformer = CogVideoXTransformer3DModel(num_attention_heads=2, attention_head_dim=16, in_channels=4,
                                              out_channels=4, time_embed_dim=8, text_embed_dim=TEXT_WIDTH,
                                              num_layers=1, sample_width=4, sample_height=4, sample_frames=9,
                                              patch_size=2, temporal_compression_ratio=4,
                                              max_text_seq_length=TEXT_TOKENS,
                                              use_rotary_positional_embeddings=False,
                                              use_learned_positional_embeddings=False)
    # sample_height/width stay at 480/720: they set the VAE's tiling thresholds, not its shapes.
    vae = AutoencoderKLCogVideoX(down_block_types=("CogVideoXDownBlock3D",) * 4,
                                 up_block_types=("CogVideoXUpBlock3D",) * 4, block_out_channels=(8, 8, 8, 8),
                                 latent_channels=4, layers_per_block=1, norm_num_groups=2,
                                 temporal_compression_ratio=4)
    scheduler = CogVideoXDDIMScheduler(prediction_type="v_prediction", beta_schedule="scaled_linear",
                                       beta_start=0.00085, beta_end=0.012, rescale_betas_zero_snr=True,
                                       timestep_spacing="trailing")
    return CogVideoXPipeline(tokenizer=tokenizer, text_encoder=tiny_text_encoder(len(tokenizer)), vae=vae,
                             transformer=transformer, scheduler=scheduler)
