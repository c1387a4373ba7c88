"""A cheap prefilter for regexes: the literal strings a pattern cannot match without.

Most rule patterns are alternations of words, so a prompt that contains none of a rule's words
cannot match it, and the rule layer can skip running its regex. `required_literals` reads the
parsed pattern (Python's own `re` parser) and returns strings one of which occurs in every
match, or None when it cannot tell; `LiteralIndex` finds which of many such sets a text touches.

Matching is case-insensitive, so text and literals are compared through `case_key`, which maps
characters that `re.IGNORECASE` treats as equal (a/A, s/ſ, i/ı, µ/μ …) to one character. Every
step only ever over-approximates: a skipped regex is one that could not have matched.
"""
from __future__ import annotations

import itertools
import re
import _sre
from re import _casefix, _constants as sre, _parser  # re's own internals (Python 3.11, as pinned)

_MAX_STRINGS = 64  # alternatives expanded before giving up on a sub-pattern
_MAX_REPEAT = 4  # x{0,4} and smaller are expanded; longer repeats are not


def _case_classes() -> dict[int, int]:
    """Each character `re` folds together with another (beyond lower case) → one representative."""
    rep = {}
    for code, others in _casefix._EXTRA_CASES.items():
        group = {code, *others}
        for member in group:
            rep[member] = min(group | {rep.get(member, member)})
    return rep


class _CaseTable(dict):
    """str.translate table for `case_key`, filled on first use of each character."""

    def __missing__(self, code: int) -> int:
        lower = _sre.unicode_tolower(code)  # the lower-casing re.IGNORECASE itself applies
        self[code] = _EXTRA.get(lower, lower)
        return self[code]


_EXTRA = _case_classes()
_TABLE = _CaseTable()


def case_key(text: str) -> str:
    """Text in which two characters are equal exactly when re.IGNORECASE would match them."""
    # ASCII letters are the representatives of their classes: lower() is the key there.
    return text.lower() if text.isascii() else text.translate(_TABLE)


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Case-keyed strings one of which every match contains, or None when there is no such set."""
    if pattern.flags & (re.LOCALE | re.VERBOSE):
        return None
    return _best([_factors(_parser.parse(pattern.pattern, pattern.flags))])


def _exact(node) -> set[str] | None:
    """Every string `node` can consume, when there are few of them."""
    op, av = node
    if op is sre.LITERAL:
        return {chr(_TABLE[av])}
    if op is sre.IN:
        if all(item_op is sre.LITERAL for item_op, _ in av):
            return {chr(_TABLE[code]) for _, code in av}
        return None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width: consumes nothing
        return {""}
    if op is sre.SUBPATTERN:
        return _exact_sequence(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _exact_sequence(av)
    if op is sre.BRANCH:
        return _union(_exact_sequence(branch) for branch in av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, item = av
        one = _exact_sequence(item)
        if one is None or high > _MAX_REPEAT:
            return None
        return _union(_product([one] * count) for count in range(low, high + 1))
    return None


def _exact_sequence(nodes) -> set[str] | None:
    parts = [_exact(node) for node in nodes]
    return None if None in parts else _product(parts)


def _product(parts: list[set[str]]) -> set[str] | None:
    out = {""}
    for part in parts:
        if len(out) * len(part) > _MAX_STRINGS:
            return None
        out = {a + b for a, b in itertools.product(out, part)}
    return out


def _union(sets, limit: int = _MAX_STRINGS) -> set[str] | None:
    out: set[str] = set()
    for item in sets:
        if item is None or len(out) + len(item) > limit:
            return None
        out |= item
    return out


def _factors(nodes) -> set[str] | None:
    """Strings one of which any match of the sequence `nodes` contains.

    Consecutive nodes with few exact forms are multiplied out into longer strings (\\bsex(y|ual)\\b
    → sexy, sexual); every other node may offer a set of its own; the most selective set wins.
    """
    candidates = []
    run = {""}
    for node in nodes:
        exact = _exact(node)
        if exact is not None:
            run = _extend(run, exact, candidates)
            continue
        copies = _least_copies(node)
        if copies is not None:  # "na+ked": "na" ends a run, "ake" … starts the next one
            candidates.append(_extend(run, copies, candidates))
            run = copies
            continue
        candidates += [run, _node_factors(node)]
        run = {""}
    candidates.append(run)
    return _best(candidates)


def _extend(run: set[str], exact: set[str], candidates: list) -> set[str]:
    """The run followed by `exact`; when that grows too large the run so far becomes a candidate."""
    longer = _product([run, exact])
    if longer is None:
        candidates.append(run)
        return exact
    return longer


def _least_copies(node) -> set[str] | None:
    """For a long repeat of few exact forms (x+, (ab){2,}), the forms of its fewest copies."""
    op, av = node
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) or av[0] < 1:
        return None
    one = _exact_sequence(av[2])
    return None if one is None else _product([one] * av[0])


def _node_factors(node) -> set[str] | None:
    op, av = node
    if op is sre.SUBPATTERN:
        return _factors(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _factors(av)
    if op is sre.BRANCH:
        return _union((_factors(branch) for branch in av[1]), limit=10_000)  # unions add, not multiply
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _factors(av[2])  # at least one copy is there
    return None


def _best(candidates) -> frozenset[str] | None:
    """The set whose shortest string is longest (fewer strings on a tie); None if all are useless."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    best = max(usable, key=lambda c: (min(map(len, c)), -len(c)))
    # A string that contains another one adds nothing: "years" is there only if "year" is.
    return frozenset(s for s in best if not any(o != s and o in s for o in best))


class LiteralIndex:
    """Which of many literal sets occur in a text, with a few regex passes instead of a search per literal.

    The literals form a trie, written as a regex that finds the longest literal starting at each
    position; every literal starting there is a prefix of that one, so its owners are known.
    """

    def __init__(self, sets: dict[object, frozenset[str]]):
        owners: dict[str, set] = {}
        for owner, literals in sets.items():
            if "" in literals:
                raise ValueError(f"{owner!r}: an empty literal is in every text, so it cannot be indexed")
            for literal in literals:
                owners.setdefault(literal, set()).add(owner)
        # A literal's owners and those of every literal that is a prefix of it.
        self._owners = {literal: frozenset().union(*(owners.get(literal[:n], ()) for n in range(1, len(literal) + 1)))
                        for literal in owners}
        # The trie's first branch point is split over several regexes, at most _FIRST_CHARACTERS first
        # characters each, each led by a class of its first characters. A branch's alternatives are
        # tried one by one: where a literal's first character stands but no literal does (a space, an
        # "a" …), one regex over the Chinese and Russian rules' 1,127 first characters went on to try
        # every other one. Latin and native prefilters together, per eval.jsonl prompt (2026-12-06):
        # one regex 0.12 ms; 16 first characters a regex 0.11, 64 0.048, 128 0.039, 256 0.041.
        firsts = sorted({literal[0] for literal in owners})
        self._finders = []
        for start in range(0, len(firsts), _FIRST_CHARACTERS):
            chosen = firsts[start:start + _FIRST_CHARACTERS]
            # `firsts` is sorted, so a slice of it is a range of characters
            trie = _trie_regex(sorted(literal for literal in owners if chosen[0] <= literal[0] <= chosen[-1]))
            self._finders.append(re.compile(f"(?=[{''.join(map(re.escape, chosen))}])(?=({trie}))"))

    def owners(self, keyed: str) -> set:
        """The owners with at least one literal in `keyed` (a text already passed through case_key)."""
        found: set = set()
        for finder in self._finders:
            for literal in {m.group(1) for m in finder.finditer(keyed)}:
                found |= self._owners[literal]
        return found


_FIRST_CHARACTERS = 128


def _trie_regex(literals: list[str]) -> str:
    """A regex matching any of `literals`, the longest one possible first (no backtracking between siblings)."""
    trie: dict = {}
    for literal in literals:
        node = trie
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}  # a literal ends here

    def write(node: dict) -> str:
        branches = [re.escape(char) + write(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer literal is tried first

    return write(trie)
