"""The rule prefilter is sound: whenever a rule's regex matches a view, the prefilter let the rule through."""
import random

from safety.evaluate import load
from safety.literals import case_key, required_literals
from safety.normalize import normalize
from safety.rules import _LATIN_LANGUAGES, RuleSet

# Characters that re.IGNORECASE folds in ways plain lower() does not (long s, dotless i, Kelvin, micro…).
CASE_TRICKS = {"i": ["ı", "I", "İ"], "s": ["ſ", "S"], "k": ["K", "K"], "u": ["µ", "U"], "a": ["A"], "e": ["E"],
               "о": ["О"], "в": ["ᲀ", "В"]}


class _View:
    def __init__(self, text):
        self.text = text


def test_prefilter_never_skips_a_rule_that_matches():
    rules, rng = RuleSet(), random.Random(1)
    texts = []
    for record in load("safety/data/dev.jsonl"):
        normalized = normalize(record["prompt"])
        texts += [v.text for v in normalized.views()] + [normalized.native.text, record["prompt"]]
    texts = list(dict.fromkeys(texts))
    texts += ["".join(rng.choice(CASE_TRICKS[c]) if c in CASE_TRICKS and rng.random() < 0.3 else c for c in t)
              for t in texts]
    hits = 0
    for text in texts:
        view = _View(text)
        possible = {"latin": rules._latin.possible(view), "native": rules._native.possible(view)}
        for rule in rules.rules:
            if rule.patterns.search(text):
                hits += 1
                assert id(rule) in possible["latin" if rule.lang in _LATIN_LANGUAGES else "native"], (rule.id, text)
    assert hits > 500  # the corpus exercises the rules


def test_case_key_and_literals():
    import re
    assert case_key("ſex KILL") == case_key("sex kill")
    assert required_literals(re.compile(r"\b(kill|murder)s?\b", re.I)) == {"kill", "murder"}
    assert required_literals(re.compile(r".*", re.I)) is None


def test_the_index_finds_every_literal_however_many_first_characters():
    """The index splits its literals by first character into several regexes (more than a thousand
    first characters among the Chinese and Russian rules): none may be lost between them."""
    from safety.literals import LiteralIndex

    rng = random.Random(2)
    # regex syntax too: the first characters are written into a character class
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 300)] + list("abcdefghijklmnopqrstuvwxyz абвгдеж[]\\^-.*(")
    sets = {owner: frozenset("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
                             for _ in range(rng.randint(1, 5))) for owner in range(400)}
    index = LiteralIndex(sets)
    assert len(index._finders) > 1
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert index.owners(text) == {owner for owner, literals in sets.items() if any(s in text for s in literals)}


def test_an_empty_index_finds_nothing_and_an_empty_literal_is_refused():
    import pytest

    from safety.literals import LiteralIndex

    assert LiteralIndex({}).owners("anything at all") == set()
    with pytest.raises(ValueError, match="empty literal"):
        LiteralIndex({"rule": frozenset({"kill", ""})})
