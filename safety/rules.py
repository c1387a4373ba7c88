"""The rule layer: curated lexicons and patterns per category, with the contexts that keep benign senses allowed.

Data lives in `safety/data/`: `rules.toml` (regex rules, see its header), `public_figures.txt`
(a gazetteer of real people, for likeness and election deception) and `protected_ip.txt`
(characters, franchises and brands). Rules match the normalised views of a prompt
(`safety.normalize`); every hit reports the span of the user's own text it came from.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from safety.literals import LiteralIndex, case_key, required_literals
from safety.normalize import Normalized, View, normalize
from safety.taxonomy import CATEGORIES

DATA = Path(__file__).resolve().parent / "data"
_ELECTION_CONTEXT = re.compile(
    r"\b(elections?|electoral|vot(e|es|ed|ing|ers?)|ballots?|polls?|polling|campaign(ing)?|candidates?|"
    r"primar(y|ies)|rigg(ed|ing)|concede[sd]?|conceding|inaugurat\w*|debate|recount|fraud)\b")
_SEXUAL_CONTEXT = re.compile(
    r"\b(nude|nudes|naked|topless|sex|sexual|sexy|porn\w*|lingerie|undress\w*|stripping|striptease|explicit|"
    r"nsfw|intimate|onlyfans|xx+|erotic\w*|bikini|underwear|in bed with)\b")
# Everyday phrases that contain a public figure's name.
_FIGURE_SHIELDS = re.compile(r"\btrump cards?\b|\btrumps? (everything|all)\b|\btrumped\b")
_IP_CONTEXT = re.compile(r"\b(logo|mascot|character|brand(ed)?|costume|cartoon|franchise|trademark)\b")
_LATIN_LANGUAGES = {"en", "es", "fr", "de", "it", "pt", "nl"}


@dataclass(frozen=True)
class RuleHit:
    category: str
    action: str  # "block" | "review"
    rule: str  # the rule's id
    start: int  # span in the original prompt
    end: int
    text: str  # the original text of the span
    shadow: bool = False  # recorded, not enforced
    lang: str = "en"  # the language of the rule that hit


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    action: str
    patterns: re.Pattern
    with_: re.Pattern | None
    unless: re.Pattern | None
    lang: str
    shadow: bool

    def find(self, view: View, original: str) -> list[RuleHit]:
        """Hits in one view, before benign contexts are looked for (see `shield`)."""
        text = view.text
        if self.with_ is not None and not self.with_.search(text):
            return []
        hits = []
        for match in self.patterns.finditer(text):
            if match.end() != match.start():
                start, end = view.original_span(*match.span())
                hits.append(RuleHit(self.category, self.action, self.id, start, end, original[start:end], self.shadow,
                                    self.lang))
        return hits

    def shield(self, hits: list[RuleHit], views: list[View]) -> list[RuleHit]:
        """The hits that lie in no benign context. A context read in any view counts, in the
        original text's positions: "spotting counterfeit notes" shields "counterfeit notes" in
        the view where double letters were squeezed ("spoting") as well."""
        if self.unless is None or not hits:
            return hits
        shields = [view.original_span(*m.span()) for view in views for m in self.unless.finditer(view.text)
                   if m.end() != m.start()]
        shielded = [any(s <= h.start and h.end <= e for s, e in shields) for h in hits]
        if self.lang == "en" or self.action != "block":
            return [h for h, inside in zip(hits, shielded) if not inside]
        # In the languages the model cannot read, a benign context is the rules' only judgement:
        # a blocking word inside one still gets a moderator's look ("Video: how to make a bomb …"
        # must not pass because "video" opens a context written for "the video is the bomb").
        return [replace(h, action="review") if inside else h for h, inside in zip(hits, shielded)]


class RuleSet:
    def __init__(self, data: Path = DATA):
        self.data = Path(data)
        self.rules = _load_rules(self.data / "rules.toml")
        self.figures = _load_gazetteer(self.data / "public_figures.txt", fuzzy=True)
        self.protected = _load_gazetteer(self.data / "protected_ip.txt")
        # Rules for the Latin views and for the native one, each with a prefilter on its literals.
        self._latin = _Prefilter([rule for rule in self.rules if rule.lang in _LATIN_LANGUAGES])
        self._native = _Prefilter([rule for rule in self.rules if rule.lang not in _LATIN_LANGUAGES])

    @cached_property
    def version(self) -> str:
        # How rules and names are matched, and the normaliser's views they read, are part of the rules.
        digest = hashlib.sha256()
        for module in ("rules.py", "literals.py", "normalize.py", "language.py"):
            digest.update((Path(__file__).parent / module).read_bytes())
        for name in ("rules.toml", "public_figures.txt", "protected_ip.txt"):
            digest.update((self.data / name).read_bytes())
        return digest.hexdigest()[:12]

    def match(self, prompt: str | Normalized) -> list[RuleHit]:
        normalized = prompt if isinstance(prompt, Normalized) else normalize(prompt)
        original = normalized.original
        latin = [(view, self._latin.possible(view)) for view in normalized.views()]
        # Cyrillic, Chinese …: the Latin view would have folded their letters away
        native = [(normalized.native, self._native.possible(normalized.native))]
        candidates = set().union(*(possible for _, possible in latin + native))
        hits: list[RuleHit] = []
        for rule in self.rules:
            if id(rule) not in candidates:  # most of the ~360 rules for most prompts: skip them cheaply
                continue
            views = latin if rule.lang in _LATIN_LANGUAGES else native
            found = [hit for view, possible in views if id(rule) in possible for hit in rule.find(view, original)]
            hits.extend(rule.shield(found, [view for view, _ in views]))
        hits.extend(self._gazetteer_hits(normalized))
        return _unique(hits)

    def _gazetteer_hits(self, normalized: Normalized) -> list[RuleHit]:
        hits = []
        for view in normalized.views():
            hits += self._figure_hits(view, normalized.original)
            hits += self._ip_hits(view, normalized.original)
        return hits

    def _figure_hits(self, view: View, original: str) -> list[RuleHit]:
        figures = self.figures.matches(view)
        if not figures:  # most prompts: the contexts need not be looked for
            return []
        election = bool(_ELECTION_CONTEXT.search(view.text))
        sexual = [m.span() for m in _SEXUAL_CONTEXT.finditer(view.text)]
        shields = [m.span() for m in _FIGURE_SHIELDS.finditer(view.text)]
        hits = []
        for start, end, entry in figures:
            if any(s <= start and end <= e for s, e in shields):
                continue
            s, e = view.original_span(start, end)
            text = original[s:e]
            hits.append(RuleHit("real_person_likeness", "block", f"gazetteer.figure:{entry.name}", s, e, text))
            if entry.political and election:
                hits.append(RuleHit("election_deception", "block", f"gazetteer.election:{entry.name}", s, e, text))
            if any(_near(view.text, (start, end), span) for span in sexual):
                # a real person made sexual is intimate imagery without consent
                hits.append(RuleHit("nonconsensual_intimate", "block", f"gazetteer.intimate:{entry.name}", s, e, text))
        return hits

    def _ip_hits(self, view: View, original: str) -> list[RuleHit]:
        hits = []
        for start, end, entry in self.protected.matches(view):
            if entry.needs_context and not _IP_CONTEXT.search(view.text):
                continue
            s, e = view.original_span(start, end)
            hits.append(RuleHit("copyright_ip", "block", f"gazetteer.ip:{entry.name}", s, e, original[s:e]))
        return hits


class _Prefilter:
    """Which rules could match a view: those whose required literals it contains, and those with none known.

    A rule's regex only runs on views that pass: most prompts contain none of most rules' words.
    """

    def __init__(self, rules: list[Rule]):
        literals = {id(rule): required_literals(rule.patterns) for rule in rules}
        self.always = frozenset(key for key, found in literals.items() if found is None)
        self.index = LiteralIndex({key: found for key, found in literals.items() if found is not None})

    def possible(self, view: View) -> set[int]:
        """The ids of the rules that may match."""
        return self.always | self.index.owners(case_key(view.text))


def _near(text: str, a: tuple[int, int], b: tuple[int, int], words: int = 8) -> bool:
    """Whether two spans are at most `words` words apart."""
    gap = text[min(a[1], b[1]):max(a[0], b[0])] if a[1] <= b[0] or b[1] <= a[0] else ""
    return len(gap.split()) <= words


# --- loading -------------------------------------------------------------------------------


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_WORD_LIST = re.compile(r"(?<!\\N)\{([a-z_]+)\}")


def _compile(patterns: list[str] | None, lang: str, words: dict[str, str] | None = None) -> re.Pattern | None:
    if not patterns:
        return None
    # {name} stands for a list from the file's [words] table (a regex writes lower-case letters in
    # braces only after \N, a named character)
    patterns = [_WORD_LIST.sub(lambda m: f"(?:{_word_list(words or {}, m.group(1))})", p) for p in patterns]
    if lang in _LATIN_LANGUAGES:  # the Latin view has no accents: neither may its patterns
        patterns = [_strip_accents(p) for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _word_list(words: dict[str, str], name: str) -> str:
    if name not in words:
        raise ValueError(f"rules.toml: a pattern names the word list {{{name}}}, which [words] does not define")
    return words[name]


def _load_rules(path: Path) -> list[Rule]:
    with open(path, "rb") as handle:
        document = tomllib.load(handle)
    words = document.get("words", {})
    rules = []
    for entry in document.get("rule", []):
        category = entry["category"]
        if category not in CATEGORIES:
            raise ValueError(f"{path}: rule {entry.get('id')} names an unknown category {category!r}")
        if entry.get("action", "block") not in ("block", "review"):
            raise ValueError(f"{path}: rule {entry.get('id')} has action {entry.get('action')!r}")
        lang = entry.get("lang", "en")
        rules.append(Rule(entry["id"], category, entry.get("action", "block"), _compile(entry["patterns"], lang, words),
                          _compile(entry.get("with"), lang, words), _compile(entry.get("unless"), lang, words), lang,
                          bool(entry.get("shadow", False))))
    return rules


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    political: bool = False
    needs_context: bool = False


class Gazetteer:
    """Each form of each name, normalised and split into words → its entry.

    Full names of two or more words also match one letter off ("Keanu Reevs", "Donald Trymp"
    from a Cyrillic у): a misspelling no list can foresee still names the person. Single words
    must match exactly; one letter off, they are too often other words. Titles and places are
    not fuzzed (`fuzzy=False`): "Central Park" is one letter from Friends' "Central Perk".
    """

    def __init__(self, forms: dict[tuple[str, ...], GazetteerEntry], fuzzy: bool = False):
        self.forms = forms
        # first word → the most words a form starting with it has (at most _MAX_NGRAM are read)
        self.longest: dict[str, int] = {}
        for words in forms:
            self.longest[words[0]] = min(_MAX_NGRAM, max(len(words), self.longest.get(words[0], 0)))
        # every one-letter deletion of each full name → the names (a symmetric-deletion index:
        # two strings one edit apart share a deletion)
        self.misspellings: dict[str, set[str]] = {}
        self.full_names: dict[str, GazetteerEntry] = {}
        for words, entry in forms.items():
            joined = " ".join(words)
            if fuzzy and len(words) >= 2 and len(joined) >= _MIN_FUZZY_CHARS and not entry.needs_context:
                self.full_names[joined] = entry
                for variant in _deletions(joined) | {joined}:
                    self.misspellings.setdefault(variant, set()).add(joined)
        self.fuzzy_words = max((len(name.split()) for name in self.full_names), default=0)
        # One edit leaves all but one word of a name intact, in its place, or swaps a letter across a
        # space ("le odicaprio") and leaves the letters intact: a window with neither is no name.
        # ("in", "the", "of" are in names, but rarely where a prompt puts them: this turns away three
        # in four windows that a test for any name's word anywhere let through.)
        split = [name.split() for name in self.full_names]
        self.placed_words = {(len(words), place, word) for words in split for place, word in enumerate(words)}
        self.unspaced_names = {(len(words), "".join(words)) for words in split}

    def matches(self, view: View) -> list[tuple[int, int, GazetteerEntry]]:
        """(start, end, entry) for each name in the view's text, left to right; the longest form wins."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(view.text)]
        found = []
        i = 0
        while i < len(words):
            step = 1
            for n in range(min(self.longest.get(words[i][2], 0), len(words) - i), 0, -1):
                key = tuple(w for _, _, w in words[i:i + n])
                if key in self.forms:
                    found.append((words[i][0], words[i + n - 1][1], self.forms[key]))
                    step = n
                    break
            else:
                for n in range(min(self.fuzzy_words, len(words) - i), 1, -1):
                    window = [w for _, _, w in words[i:i + n]]
                    if not self._may_be_misspelt(window):
                        continue
                    entry = self._misspelt(" ".join(window))
                    if entry is not None:
                        found.append((words[i][0], words[i + n - 1][1], entry))
                        step = n
                        break
            i += step
        return found

    def _may_be_misspelt(self, window: list[str]) -> bool:
        """Whether a window of words could be a full name one edit off (see placed_words)."""
        n = len(window)
        return (any((n, place, word) in self.placed_words for place, word in enumerate(window))
                or (n, "".join(window)) in self.unspaced_names)

    def _misspelt(self, text: str) -> GazetteerEntry | None:
        if len(text) < _MIN_FUZZY_CHARS:
            return None
        candidates = set()
        for variant in _deletions(text) | {text}:
            candidates |= self.misspellings.get(variant, set())
        for name in sorted(candidates):  # sorted: the same answer every run
            if _one_edit_apart(text, name) and text.split()[0][0] == name[0]:
                return self.full_names[name]
        return None


def _deletions(text: str) -> set[str]:
    return {text[:i] + text[i + 1:] for i in range(len(text)) if text[i] != " "}


def _one_edit_apart(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours (and not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1:]


def _load_gazetteer(path: Path, fuzzy: bool = False) -> Gazetteer:
    table: dict[tuple[str, ...], GazetteerEntry] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|") if p.strip()]
        tags = {p for p in parts if p.startswith("#")}
        forms = [p for p in parts if not p.startswith("#")]
        entry = GazetteerEntry(forms[0], "#political" in tags, "#needs-context" in tags)
        for form in forms:
            words = tuple(_WORD.findall(normalize(form).latin.text))
            if words:
                table.setdefault(words, entry)
    return Gazetteer(table, fuzzy)


_WORD = re.compile(r"[a-z0-9]+")
_MAX_NGRAM = 5
_MIN_FUZZY_CHARS = 9  # "tom hanks" and longer: shorter names are one letter from too much


def _unique(hits: list[RuleHit]) -> list[RuleHit]:
    seen, out = set(), []
    for hit in hits:
        key = (hit.category, hit.rule, hit.start, hit.end)
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out
