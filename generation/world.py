"""A procedural video world to train and judge the default model on.

Every clip is a pure function of its seed: shapes of known colour, size and motion over a
known background, with ground-truth attributes and a caption drawn from templates and
synonyms. Some templates are held out of training so the evaluation asks for wordings the
model never saw.
"""
from __future__ import annotations

import math
import random
from dataclasses import asdict, dataclass, field, replace

import numpy as np
from PIL import Image, ImageDraw

SIZE = 64
FRAMES = 16
_SUPER = 4  # shapes are drawn 4× larger and box-filtered down: smooth edges

COLOURS: dict[str, tuple[int, int, int]] = {
    "red": (225, 35, 35),
    "orange": (250, 140, 20),
    "yellow": (245, 225, 30),
    "green": (30, 190, 60),
    "blue": (35, 85, 235),
    "purple": (150, 50, 210),
    "pink": (250, 120, 200),
    "white": (250, 250, 250),
}
SHAPES = ("circle", "square", "triangle", "star")
MOTIONS = ("left", "right", "up", "down", "up-left", "up-right", "down-left", "down-right",
           "bounce", "grow", "shrink", "rotate", "still")
BACKGROUNDS = ("plain", "sky", "sunset", "grass", "night", "water")
OCCLUDER_COLOUR = (95, 70, 50)
OCCLUDER_COLUMNS = (23, 41)  # wider than an occluded object, so it is wholly hidden for a moment

# Object colours that would vanish into a background are not drawn on it.
_CLASHES = {"grass": {"green"}, "sky": {"blue", "white"}, "water": {"blue"}, "night": {"purple"},
            "sunset": {"orange", "red"}, "plain": set()}

COLOUR_WORDS = {
    "red": ["red", "crimson", "scarlet"], "orange": ["orange", "tangerine"], "yellow": ["yellow", "golden"],
    "green": ["green", "emerald", "lime"], "blue": ["blue", "azure", "cobalt"], "purple": ["purple", "violet"],
    "pink": ["pink", "rose"], "white": ["white", "snowy"],
}
SHAPE_WORDS = {
    "circle": ["circle", "ball", "disc", "orb"], "square": ["square", "box", "block"],
    "triangle": ["triangle"], "star": ["star"],
}
MOTION_WORDS = {
    "left": ["moves to the left", "rolls left", "slides to the left", "drifts left"],
    "right": ["moves to the right", "rolls right", "slides to the right", "drifts right"],
    "up": ["moves up", "rises", "floats upward"],
    "down": ["moves down", "sinks", "drops downward"],
    "up-left": ["moves up and to the left", "drifts diagonally up-left"],
    "up-right": ["moves up and to the right", "drifts diagonally up-right"],
    "down-left": ["moves down and to the left", "drifts diagonally down-left"],
    "down-right": ["moves down and to the right", "drifts diagonally down-right"],
    "bounce": ["bounces", "bounces up and down", "hops"],
    "grow": ["grows", "gets bigger", "expands"],
    "shrink": ["shrinks", "gets smaller", "contracts"],
    "rotate": ["rotates", "spins", "turns around"],
    "still": ["stays still", "rests", "sits motionless"],
}
BACKGROUND_WORDS = {
    "plain": ["on a plain grey background", "against a grey backdrop"],
    "sky": ["in a blue sky", "under a clear sky"],
    "sunset": ["at sunset", "against an evening sunset"],
    "grass": ["across a meadow", "over green grass", "on a grassy field"],
    "night": ["at night under the stars", "in a starry night sky"],
    "water": ["over the water", "above the sea"],
}

TRAIN_TEMPLATES = (
    "a {colour} {shape} {motion} {background}",
    "{background_cap}, a {colour} {shape} {motion}",
    "the {colour} {shape} {motion} {background}",
    "video of a {colour} {shape} that {motion} {background}",
)
# Never used in training: the evaluation asks for these wordings.
HELD_OUT_TEMPLATES = (
    "watch as one {colour} {shape} {motion} {background}",
    "{background_cap} we see a {colour} {shape}; it {motion}",
)


@dataclass(frozen=True)
class WorldObject:
    shape: str
    colour: str
    size: float  # radius in pixels at scale 1
    motion: str
    start: tuple[float, float]  # centre at frame 0, in world pixels
    travel: float = 32.0  # pixels covered over the clip by a moving object


@dataclass(frozen=True)
class ClipSpec:
    seed: int
    background: str
    objects: tuple[WorldObject, ...]  # the first is the main object the caption is about
    occluder: bool = False
    pan: str | None = None  # "left" | "right": the camera's direction
    template: str = TRAIN_TEMPLATES[0]
    words: dict = field(default_factory=dict)

    @property
    def main(self) -> WorldObject:
        return self.objects[0]

    @property
    def caption(self) -> str:
        text = self.template.format(**self.words)
        if len(self.objects) > 1:
            other = self.objects[1]
            text += f", next to a {other.colour} {other.shape}"
        if self.occluder:
            text += ", passing behind a pillar"
        if self.pan:
            text += f", as the camera pans {self.pan}"
        return text

    def attributes(self) -> dict:
        return {"background": self.background, "count": len(self.objects), "occluder": self.occluder,
                "pan": self.pan, "objects": [asdict(o) for o in self.objects]}


def sample_spec(seed: int, *, held_out: bool = False, simple: bool = False,
                occluder: bool | None = None) -> ClipSpec:
    """The clip for `seed`. `simple`: one object, no pan, and no occluder unless `occluder` asks."""
    rng = random.Random(seed)
    background = rng.choice(BACKGROUNDS)
    allowed = [c for c in COLOURS if c not in _CLASHES[background]]
    chance = rng.random() < 0.15
    occluder = occluder if occluder is not None else (not simple and chance)
    motion = rng.choice(("left", "right")) if occluder else rng.choice(MOTIONS)
    shape = rng.choice([s for s in SHAPES if not (motion == "rotate" and s == "circle")])
    if occluder:
        # Small enough to vanish wholly behind the pillar for a few frames, then come out.
        start = (SIZE / 2 + (22 if motion == "left" else -22), SIZE / 2 + rng.uniform(-8, 8))
        main = WorldObject(shape, rng.choice(allowed), rng.uniform(6.0, 7.0), motion, start, travel=44.0)
    else:
        main = WorldObject(shape, rng.choice(allowed), rng.uniform(8.5, 11.0), motion, _start(motion, rng))
    objects = [main]
    if not simple and not occluder and rng.random() < 0.2:
        others = [c for c in allowed if c != main.colour]
        # A smaller, still companion on the side the main object is heading for (it ends beside it).
        x = 12.0 if main.start[0] > SIZE / 2 else SIZE - 12.0
        objects.append(WorldObject(rng.choice(SHAPES), rng.choice(others), 6.5, "still", (x, rng.uniform(12, 52))))
    pan = None if simple or occluder or background in ("plain", "sky", "sunset") or rng.random() > 0.2 \
        else rng.choice(("left", "right"))
    templates = HELD_OUT_TEMPLATES if held_out else TRAIN_TEMPLATES
    background_words = rng.choice(BACKGROUND_WORDS[background])
    words = {
        "colour": rng.choice(COLOUR_WORDS[main.colour]),
        "shape": rng.choice(SHAPE_WORDS[main.shape]),
        "motion": rng.choice(MOTION_WORDS[motion]),
        "background": background_words,
        "background_cap": background_words[0].upper() + background_words[1:],
    }
    return ClipSpec(seed, background, tuple(objects), occluder, pan, rng.choice(templates), words)


# A motion played backwards; bounce, rotate and still are captioned the same either way.
REVERSED_MOTION = {"left": "right", "right": "left", "up": "down", "down": "up", "up-left": "down-right",
                   "down-right": "up-left", "up-right": "down-left", "down-left": "up-right",
                   "grow": "shrink", "shrink": "grow"}


def reversed_caption(spec: ClipSpec) -> str | None:
    """The caption of the clip played backwards (the motion word swapped for its opposite's
    synonym in the same place), or None for a camera pan: the camera always starts at 0 and ends
    20 px over, so a pan backwards is not one the world makes. Other clips backwards still fit
    their reversed caption, though not always the world's layout: a companion then stands where
    the main object starts, and a rotation turns the other way from a tilted start."""
    if spec.pan:
        return None
    motion = spec.main.motion
    if motion not in REVERSED_MOTION:
        return spec.caption
    synonym = MOTION_WORDS[motion].index(spec.words["motion"])
    words = {**spec.words, "motion": MOTION_WORDS[REVERSED_MOTION[motion]][synonym]}
    return replace(spec, words=words).caption


def _start(motion: str, rng: random.Random) -> tuple[float, float]:
    centre = (SIZE / 2 + rng.uniform(-4, 4), SIZE / 2 + rng.uniform(-4, 4))
    dx = -1 if "left" in motion else 1 if "right" in motion else 0
    dy = -1 if "up" in motion else 1 if "down" in motion else 0
    if motion == "bounce":
        return (centre[0], 18.0)
    # Start on the side opposite to where the object is heading.
    return (centre[0] - dx * 16, centre[1] - dy * 16)


def object_state(obj: WorldObject, frame: int) -> tuple[float, float, float, float]:
    """(x, y, scale, angle in degrees) of an object at a frame, in world coordinates."""
    t = frame / (FRAMES - 1)
    x, y = obj.start
    scale, angle = 1.0, 0.0
    dx = -1 if "left" in obj.motion else 1 if "right" in obj.motion else 0
    dy = -1 if "up" in obj.motion else 1 if "down" in obj.motion else 0
    if dx or dy:
        x, y = x + dx * obj.travel * t, y + dy * obj.travel * t
    elif obj.motion == "bounce":
        # Falls under gravity from the top, bounces off the floor at y=46, rises again.
        fall = 46 - 18
        phase = abs(2 * t - 1)  # 1 → 0 → 1
        y = 46 - fall * phase * phase
    elif obj.motion == "grow":
        scale = 0.6 + 0.8 * t
    elif obj.motion == "shrink":
        scale = 1.4 - 0.8 * t
    elif obj.motion == "rotate":
        angle = 90 * t
    return x, y, scale, angle


def render(spec: ClipSpec, *, with_coverage: bool = False):
    """The clip as uint8 frames, FRAMES × SIZE × SIZE × 3; with `with_coverage`, also how much
    of each pixel the objects cover (FRAMES × SIZE × SIZE, 0–1, the occluder excluded)."""
    frames = np.empty((FRAMES, SIZE, SIZE, 3), dtype=np.uint8)
    coverage = np.zeros((FRAMES, SIZE, SIZE), dtype=np.float32)
    for f in range(FRAMES):
        camera = 0.0 if spec.pan is None else (1 if spec.pan == "right" else -1) * 20 * f / (FRAMES - 1)
        canvas = _background(spec.background, spec.seed, camera)
        for obj in reversed(spec.objects):  # the main object is drawn last, on top
            x, y, scale, angle = object_state(obj, f)
            alpha = _shape_mask(obj.shape, x - camera, y, obj.size * scale, angle)
            canvas = canvas * (1 - alpha[..., None]) + np.array(COLOURS[obj.colour], np.float32) * alpha[..., None]
            np.maximum(coverage[f], alpha, out=coverage[f])
        if spec.occluder:
            canvas[:, OCCLUDER_COLUMNS[0]:OCCLUDER_COLUMNS[1]] = OCCLUDER_COLOUR
            coverage[f, :, OCCLUDER_COLUMNS[0]:OCCLUDER_COLUMNS[1]] = 0
        frames[f] = np.clip(canvas + 0.5, 0, 255).astype(np.uint8)
    return (frames, coverage) if with_coverage else frames


def _shape_mask(shape: str, x: float, y: float, radius: float, angle: float) -> np.ndarray:
    s = _SUPER
    image = Image.new("L", (SIZE * s, SIZE * s), 0)
    draw = ImageDraw.Draw(image)
    cx, cy, r = x * s, y * s, radius * s
    if shape == "circle":
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=255)
    else:
        draw.polygon(_polygon(shape, cx, cy, r, angle), fill=255)
    small = image.resize((SIZE, SIZE), Image.Resampling.BOX)
    return np.asarray(small, dtype=np.float32) / 255.0


def _polygon(shape: str, cx: float, cy: float, r: float, angle: float) -> list[tuple[float, float]]:
    if shape == "square":
        corners = [(45 + 90 * k, r * 0.9 * math.sqrt(2)) for k in range(4)]
    elif shape == "triangle":
        corners = [(-90 + 120 * k, r * 1.25) for k in range(3)]
    else:  # star: five points, inner radius 0.45
        corners = [(-90 + 36 * k, r * 1.3 if k % 2 == 0 else r * 0.55) for k in range(10)]
    return [(cx + d * math.cos(math.radians(a + angle)), cy + d * math.sin(math.radians(a + angle)))
            for a, d in corners]


def _background(kind: str, seed: int, camera: float) -> np.ndarray:
    rows = np.linspace(0, 1, SIZE, dtype=np.float32)[:, None, None]
    if kind == "plain":
        return np.full((SIZE, SIZE, 3), 128, np.float32)
    if kind == "sky":
        top, bottom = np.array([70, 140, 215], np.float32), np.array([160, 205, 240], np.float32)
        return np.broadcast_to(top + (bottom - top) * rows, (SIZE, SIZE, 3)).copy()
    if kind == "sunset":
        top, bottom = np.array([120, 50, 90], np.float32), np.array([200, 110, 60], np.float32)
        return np.broadcast_to(top + (bottom - top) * rows, (SIZE, SIZE, 3)).copy()
    # Textured backgrounds live in a wider world so that a camera pan shows them move.
    rng = np.random.default_rng(seed)
    width = SIZE + 48
    offset = int(round(24 + camera))
    if kind == "grass":
        base = np.array([60, 120, 45], np.float32)
        noise = rng.normal(0, 10, (SIZE, width, 1)).astype(np.float32)
        stripes = 12 * np.sin(np.arange(width, dtype=np.float32) * 1.3)[None, :, None]
        world = base + noise + stripes
    elif kind == "night":
        world = np.broadcast_to(np.array([15, 20, 45], np.float32), (SIZE, width, 3)).copy()
        for _ in range(40):
            world[rng.integers(0, SIZE), rng.integers(0, width)] = 235
    else:  # water
        base = np.array([30, 90, 140], np.float32)
        waves = 18 * np.sin(np.arange(SIZE, dtype=np.float32)[:, None] * 0.9
                            + np.arange(width, dtype=np.float32)[None, :] * 0.25)
        world = base + waves[..., None] * np.array([0.5, 0.8, 1.0], np.float32)
    return world[:, offset:offset + SIZE].copy()
