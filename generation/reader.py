"""A deterministic reader: what a clip shows, recovered from its pixels alone.

It finds the background kind, the objects, the main object's colour and shape, how it moves
(from its centroid track, size and outline), whether it stays the same object, and whether it
comes back after passing behind the occluder. The evaluator compares this reading with what
the prompt asked for; on the world's own clips it must agree with the ground truth.

Clips of any aspect are read at world.SIZE pixels on the short side, keeping their aspect, so
shapes are not squashed and distances mean what they mean in the world's 64×64 clips.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image
from scipy import ndimage

from generation import world

DIFF_THRESHOLD = 60.0  # colour distance from the row's background that marks an object pixel
MIN_AREA = 12
_PERIODS = {"square": 90, "triangle": 120, "star": 72}


@dataclass
class Reading:
    background: str
    count: int
    colour: str | None
    shape: str | None
    motion: str | None
    consistent: bool
    visible_fraction: float
    permanent: bool | None  # None: no occluder seen


def read_clip(frames: np.ndarray) -> Reading:
    frames = _to_native(frames)
    occluder = _occluder_columns(frames)
    background = classify_background(frames, occluder)
    tracks = [_main_component(frame, occluder) for frame in frames]
    counts = [_count(frame, occluder) for frame in frames]
    visible = [t for t in tracks if t is not None]
    count = int(np.median(counts)) if counts else 0
    if len(visible) < 2:
        return Reading(background, count, None, None, None, False, len(visible) / len(frames), None)
    colours = [_nearest_colour(t["colour"]) for t in visible]
    colour = max(colours, key=colours.count)  # a tie goes to the earliest frame's, not to set order
    shape = _vote_shape(visible)
    motion = _motion(tracks, shape)
    colour_agreement = colours.count(colour) / len(colours)
    areas = np.array([t["area"] for t in visible if not t["clipped"]] or [t["area"] for t in visible], float)
    size_stable = motion in ("grow", "shrink") or areas.std() / max(areas.mean(), 1) < 0.25
    visible_fraction = len(visible) / len(frames)
    consistent = colour_agreement >= 0.9 and size_stable and (visible_fraction >= 0.9 or occluder is not None)
    permanent = _permanence(tracks, colour) if occluder is not None else None
    return Reading(background, count, colour, shape, motion, consistent, visible_fraction, permanent)


def _to_native(frames: np.ndarray) -> np.ndarray:
    frames = np.asarray(frames)
    height, width = frames.shape[1:3]
    scale = world.SIZE / min(height, width)
    size = (max(world.SIZE, round(width * scale)), max(world.SIZE, round(height * scale)))  # PIL: (w, h)
    if (width, height) == size:
        return frames.astype(np.float32)
    return np.stack([np.asarray(Image.fromarray(f).resize(size, Image.Resampling.BOX))
                     for f in frames]).astype(np.float32)


def _kept_columns(width: int, occluder) -> np.ndarray:
    keep = np.ones(width, bool)
    if occluder is not None:
        keep[occluder[0]:occluder[1]] = False
    return keep


# --- background --------------------------------------------------------------------------


def _row_profile(frames: np.ndarray, occluder) -> np.ndarray:
    profile = np.median(frames[:, :, _kept_columns(frames.shape[2], occluder)], axis=(0, 2))  # H×3
    if len(profile) != world.SIZE:  # a portrait clip: its rows, top to bottom, on the world's SIZE rows
        rows = np.linspace(0, len(profile) - 1, world.SIZE)
        profile = np.stack([np.interp(rows, np.arange(len(profile)), profile[:, c]) for c in range(3)], axis=1)
    return profile  # SIZE×3


def _features(frames: np.ndarray, occluder) -> np.ndarray:
    profile = _row_profile(frames, occluder)
    top, middle, bottom = profile[:12].mean(0), profile[26:38].mean(0), profile[-12:].mean(0)
    keep = _kept_columns(frames.shape[2], occluder)
    # Texture: how much the background varies along a row (grass and water do, the rest not).
    texture = np.median(np.abs(np.diff(frames[:, :, keep], axis=2)), axis=(0, 1, 2)).mean()
    return np.concatenate([top, middle, bottom, [texture * 4]])


@lru_cache(maxsize=1)
def _background_prototypes() -> dict[str, np.ndarray]:
    prototypes = {}
    for kind in world.BACKGROUNDS:
        samples = [world._background(kind, seed, 0.0)[None].repeat(2, 0) for seed in range(4)]
        prototypes[kind] = np.mean([_features(s.astype(np.float32), None) for s in samples], axis=0)
    return prototypes


def classify_background(frames: np.ndarray, occluder=None) -> str:
    features = _features(_to_native(frames), occluder)
    prototypes = _background_prototypes()
    return min(prototypes, key=lambda kind: np.linalg.norm(features - prototypes[kind]))


# --- objects -----------------------------------------------------------------------------


def _occluder_columns(frames: np.ndarray):
    """(start, stop) columns of a pillar in the occluder's colour through every frame, if any."""
    distance = np.linalg.norm(frames - np.array(world.OCCLUDER_COLOUR, np.float32), axis=-1)
    column_hit = (distance < 40).mean(axis=(0, 1)) > 0.85
    columns = np.flatnonzero(column_hit)
    if len(columns) < 4:
        return None
    return int(columns.min()), int(columns.max()) + 1


def _object_mask(frame: np.ndarray, occluder) -> np.ndarray:
    keep = _kept_columns(frame.shape[1], occluder)
    background = np.median(frame[:, keep], axis=1, keepdims=True)
    mask = np.linalg.norm(frame - background, axis=-1) > DIFF_THRESHOLD
    if occluder is not None:
        mask[:, occluder[0]:occluder[1]] = False
    return ndimage.binary_opening(mask, iterations=1) | (mask & ndimage.binary_erosion(mask))


def _components(frame: np.ndarray, occluder):
    mask = _object_mask(frame, occluder)
    labels, n = ndimage.label(mask)
    for index in range(1, n + 1):
        component = labels == index
        if component.sum() >= MIN_AREA:
            yield component


def _count(frame: np.ndarray, occluder) -> int:
    return sum(1 for _ in _components(frame, occluder))


def _main_component(frame: np.ndarray, occluder):
    components = list(_components(frame, occluder))
    if not components:
        return None
    mask = max(components, key=lambda c: c.sum())
    ys, xs = np.nonzero(mask)
    core = ndimage.binary_erosion(mask) if mask.sum() > 30 else mask
    colour = np.median(frame[core if core.any() else mask], axis=0)
    clipped = bool(xs.min() == 0 or ys.min() == 0 or xs.max() == mask.shape[1] - 1 or ys.max() == mask.shape[0] - 1)
    if occluder is not None:  # touching the pillar: partly hidden
        clipped |= bool(xs.min() <= occluder[1] and xs.max() >= occluder[0] - 1)
    return {"mask": mask, "centroid": (xs.mean(), ys.mean()), "area": float(mask.sum()), "colour": colour,
            "clipped": clipped}


def _nearest_colour(rgb: np.ndarray) -> str:
    return min(world.COLOURS, key=lambda name: np.linalg.norm(rgb - np.array(world.COLOURS[name], np.float32)))


# --- shape -------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _area_per_radius_squared(shape: str) -> float:
    return float(world._shape_mask(shape, 32, 32, 20, 0).sum()) / 400.0


def classify_shape(mask: np.ndarray) -> tuple[str, float]:
    """The world shape whose best-fitting template (any rotation) overlaps the mask most, and that angle."""
    mask = _square_window(mask)
    ys, xs = np.nonzero(mask)
    cx, cy, area = xs.mean() + 0.5, ys.mean() + 0.5, mask.sum()
    best = ("circle", 0.0, -1.0)
    for shape in world.SHAPES:
        radius = math.sqrt(area / _area_per_radius_squared(shape))
        period = _PERIODS.get(shape, 360)
        angles = [0.0] if shape == "circle" else np.arange(0, period, 6.0)
        for angle in angles:
            template = world._shape_mask(shape, cx, cy, radius, float(angle)) > 0.5
            iou = (template & mask).sum() / max((template | mask).sum(), 1)
            if iou > best[2]:
                best = (shape, float(angle), iou)
    return best[0], best[1]


def _square_window(mask: np.ndarray) -> np.ndarray:
    """The world.SIZE-square part of a wider or taller mask centred on the object (templates are square)."""
    if mask.shape == (world.SIZE, world.SIZE):
        return mask
    ys, xs = np.nonzero(mask)
    top = int(np.clip(round(ys.mean()) - world.SIZE // 2, 0, mask.shape[0] - world.SIZE))
    left = int(np.clip(round(xs.mean()) - world.SIZE // 2, 0, mask.shape[1] - world.SIZE))
    return mask[top:top + world.SIZE, left:left + world.SIZE]


def _vote_shape(tracks: list[dict]) -> str | None:
    usable = [t for t in tracks if not t["clipped"]] or tracks
    votes = [classify_shape(t["mask"])[0] for t in usable[:: max(1, len(usable) // 6)]]
    return max(votes, key=votes.count) if votes else None  # a tie: the earliest frame's vote


# --- motion ------------------------------------------------------------------------------


def _motion(tracks: list, shape: str | None) -> str:
    seen = [(i, t) for i, t in enumerate(tracks) if t is not None]
    head, tail = seen[:3], seen[-3:]
    first = np.mean([t["centroid"] for _, t in head], axis=0)
    last = np.mean([t["centroid"] for _, t in tail], axis=0)
    area_first = np.mean([t["area"] for _, t in head])
    area_last = np.mean([t["area"] for _, t in tail])
    ratio = area_last / max(area_first, 1)
    if ratio > 1.8:
        return "grow"
    if ratio < 0.55:
        return "shrink"
    dx, dy = last - first
    if math.hypot(dx, dy) > 8:
        angle = math.degrees(math.atan2(-dy, dx)) % 360  # 0 = right, 90 = up
        sectors = ["right", "up-right", "up", "up-left", "left", "down-left", "down", "down-right"]
        return sectors[int(((angle + 22.5) % 360) // 45)]
    ys = np.array([t["centroid"][1] for _, t in seen])
    if ys.max() - (ys[0] + ys[-1]) / 2 > 10:
        return "bounce"
    if shape not in (None, "circle") and _turns(seen):
        return "rotate"
    return "still"


def _turns(seen: list) -> bool:
    """Whether the outline turns: some frame's centred mask differs from the first one."""
    def centred(mask):
        mask = _square_window(mask)
        ys, xs = np.nonzero(mask)
        return ndimage.shift(mask.astype(np.float32), (32 - ys.mean(), 32 - xs.mean()), order=1) > 0.5

    reference = centred(seen[0][1]["mask"])
    ious = []
    for _, track in seen[1:]:
        other = centred(track["mask"])
        ious.append((reference & other).sum() / max((reference | other).sum(), 1))
    return min(ious) < 0.8


def _permanence(tracks: list, colour: str) -> bool:
    """Visible before the occluder hides it, hidden for a while, and the same object after."""
    visible = [t is not None and not t["clipped"] for t in tracks]
    if not visible[0] and not visible[1]:
        return False
    hidden = [i for i, t in enumerate(tracks) if t is None or t["clipped"]]
    if not hidden:
        return False
    after = [t for t in tracks[hidden[-1] + 1:] if t is not None and not t["clipped"]]
    before = [t for t in tracks[:hidden[0]] if t is not None and not t["clipped"]]
    if not after or not before:
        return False
    same_colour = _nearest_colour(after[-1]["colour"]) == colour == _nearest_colour(before[0]["colour"])
    size_ratio = after[-1]["area"] / max(before[0]["area"], 1)
    return same_colour and 0.7 <= size_ratio <= 1.4
