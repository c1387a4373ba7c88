"""generation: Hallmark's text-to-video model (no Django).

SpacetimeDiT and VideoAutoencoder are exported here so that diffusers can find them when it
reloads a saved HallmarkVideoPipeline.
"""
from generation.autoencoder import VideoAutoencoder
from generation.dit import SpacetimeDiT
from generation.pipeline import GenerationInputError, HallmarkVideoOutput, HallmarkVideoPipeline

__all__ = ["GenerationInputError", "HallmarkVideoOutput", "HallmarkVideoPipeline", "SpacetimeDiT",
           "VideoAutoencoder"]
