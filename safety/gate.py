"""PolicyGate: the decision on a prompt before any compute is spent on it.

Rules speak first (a curated hit is certain), the semantic model covers what the rules don't
word. A team policy may tighten any category and relax the relaxable ones within the
platform's bounds; a category in shadow mode has its team verdict recorded, not enforced.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType

from safety.language import ENGLISH, MIXED_ENGLISH_WORDS, RULE_LANGUAGES, english_words, language
from safety.normalize import Normalized, normalize
from safety.rules import RuleHit, RuleSet
from safety.taxonomy import CATEGORIES, CONCERN_MESSAGE, CONCERN_REVIEW_THRESHOLD, NAMES, NEVER_RELAXABLE

GATE_VERSION = "hallmark-gate/1"
MAX_PROMPT_CHARS = 2000
_SEVERITY = {"allow": 0, "review": 1, "block": 2}


class PromptError(ValueError):
    """A prompt the gate cannot judge (empty, too long, not text); the message says why."""


class PolicyError(ValueError):
    """A team policy outside the platform's bounds; the message says which setting and why."""


@dataclass(frozen=True)
class CategoryPolicy:
    block_threshold: float | None = None  # None: the platform's
    review_threshold: float | None = None
    # "default"; "review": a relaxable category's hits go to a moderator (model scores only below
    # the category's max_threshold); "block": the category's review-level hits block (stricter).
    rule_action: str = "default"
    shadow: bool = False  # record this team setting's verdict, enforce the platform's


@dataclass(frozen=True)
class Policy:
    categories: dict[str, CategoryPolicy] = field(default_factory=dict)

    def __post_init__(self):
        if not isinstance(self.categories, (dict, MappingProxyType)):
            raise PolicyError("Policy categories must be a mapping of category name to settings.")
        for name, setting in self.categories.items():
            if not isinstance(setting, CategoryPolicy):
                raise PolicyError(f"{name}: settings must be a CategoryPolicy.")
            _validate(name, setting)
        # Validated once, then read-only: a policy cannot be loosened after the check.
        object.__setattr__(self, "categories", MappingProxyType(dict(self.categories)))

    def __eq__(self, other) -> bool:
        return isinstance(other, Policy) and dict(self.categories) == dict(other.categories)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.categories.items())))

    @classmethod
    def from_dict(cls, data: dict) -> "Policy":
        if not isinstance(data, dict):
            raise PolicyError("A policy must be an object with a 'categories' object.")
        unknown = set(data) - {"categories"}
        if unknown:
            raise PolicyError(f"Unknown policy settings: {', '.join(sorted(unknown))}.")
        raw = data.get("categories") or {}
        if not isinstance(raw, dict):
            raise PolicyError("'categories' must be an object keyed by category name.")
        categories = {}
        fields = set(CategoryPolicy.__dataclass_fields__)
        for name, setting in raw.items():
            if not isinstance(setting, dict) or set(setting) - fields:
                raise PolicyError(f"{name}: settings must be among {', '.join(sorted(fields))}.")
            if not isinstance(setting.get("shadow", False), bool):
                raise PolicyError(f"{name}: shadow must be true or false.")
            if not isinstance(setting.get("rule_action", "default"), str):
                raise PolicyError(f"{name}: rule_action must be 'default', 'review' or 'block'.")
            categories[name] = CategoryPolicy(**setting)
        return cls(categories)

    @classmethod
    def from_stored(cls, data: dict) -> "Policy":
        """A policy saved under earlier platform bounds. Where the platform has since grown
        stricter (a lower threshold for a category that is never relaxed, a lower ceiling), a
        saved threshold above the new bound is lowered to it rather than refused, so a team's
        requests keep working; the gate would clamp it the same way (`_thresholds`)."""
        if not isinstance(data, dict) or not isinstance(data.get("categories"), dict):
            return cls.from_dict(data)
        categories = {name: _within_ceilings(CATEGORIES.get(name), setting)
                      for name, setting in data["categories"].items()}
        return cls.from_dict({**data, "categories": categories})

    def to_dict(self) -> dict:
        return {"categories": {name: asdict(setting) for name, setting in self.categories.items()}}


def _validate(name: str, setting: CategoryPolicy) -> None:
    if name not in CATEGORIES:
        raise PolicyError(f"Unknown category {name!r}.")
    category = CATEGORIES[name]
    if setting.rule_action not in ("default", "review", "block"):
        raise PolicyError(f"{name}: rule_action must be 'default', 'review' or 'block'.")
    for label, value in (("block_threshold", setting.block_threshold), ("review_threshold", setting.review_threshold)):
        if value is not None and (not _is_number(value) or not 0.01 <= value <= 0.99):
            raise PolicyError(f"{name}: {label} must be a number from 0.01 to 0.99.")
    block, review = _requested_thresholds(category, setting)
    if review > block:
        raise PolicyError(f"{name}: the review threshold cannot be above the block threshold.")
    relaxing = block > category.block_threshold or review > category.review_threshold \
        or setting.rule_action == "review"
    if relaxing and name in NEVER_RELAXABLE:
        raise PolicyError(f"{name} can be made stricter but never relaxed.")
    if block > category.max_threshold:
        raise PolicyError(f"{name}: the block threshold may be raised to {category.max_threshold} at most.")


def _requested_thresholds(category, setting: CategoryPolicy) -> tuple[float, float]:
    """(block, review) as the team asked; an unset review threshold follows a lowered block one."""
    block = setting.block_threshold if setting.block_threshold is not None else category.block_threshold
    review = setting.review_threshold if setting.review_threshold is not None else min(category.review_threshold,
                                                                                        block)
    return block, review


def _thresholds(category, setting: CategoryPolicy) -> tuple[float, float]:
    """(block, review) for a team; a lowered block threshold pulls the review threshold with it.

    Never-relaxable categories are clamped to the platform's thresholds here too, whatever a
    policy says: the bound holds even for a policy built around the validation.
    """
    block, review = _requested_thresholds(category, setting)
    if not category.relaxable:
        block_ceiling, review_ceiling = _ceilings(category)
        block, review = min(block, block_ceiling), min(review, review_ceiling)
    return block, min(review, block)


def _ceilings(category) -> tuple[float, float]:
    """The highest (block, review) thresholds a team may set for a category."""
    if category.relaxable:
        return category.max_threshold, category.max_threshold
    return category.block_threshold, category.review_threshold


def _within_ceilings(category, setting):
    """A saved setting with its thresholds lowered to the category's ceilings (and review to block)."""
    if category is None or not isinstance(setting, dict):
        return setting  # from_dict says what is wrong with it
    setting = dict(setting)
    block_ceiling, review_ceiling = _ceilings(category)
    block, review = setting.get("block_threshold"), setting.get("review_threshold")
    if _is_number(block):
        setting["block_threshold"] = block = min(block, block_ceiling)
    if _is_number(review):
        setting["review_threshold"] = min(review, review_ceiling, block if _is_number(block) else review)
    return setting


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CategoryResult:
    name: str
    action: str  # what this category asks for: "review" | "block"
    score: float  # the model's score (the concern score for source "concern"), or 1.0 for a rule hit
    threshold: float  # the threshold the score crossed (1.0 for rules)
    source: str  # "rule" | "model" | "concern" (no category crossed a threshold; the likeliest is named)
    rules: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()
    message: str = ""
    shadow: bool = False  # recorded only: not part of the action


@dataclass(frozen=True)
class Decision:
    action: str  # "allow" | "review" | "block"
    categories: tuple[CategoryResult, ...]
    scores: dict[str, float]  # the model's score for every category
    gate_version: str
    concern: float = 0.0  # the model's score for "a moderator should see this", whatever the category
    language: str = ENGLISH  # what `safety.language` read the prompt as: the model decides only for English

    @property
    def enforced(self) -> tuple[CategoryResult, ...]:
        return tuple(c for c in self.categories if not c.shadow)

    @property
    def messages(self) -> list[str]:
        """The reviewed wording for each category behind the action, most severe first."""
        seen: list[str] = []
        for result in sorted(self.enforced, key=lambda c: -_SEVERITY[c.action]):
            if result.message not in seen and _SEVERITY[result.action] == _SEVERITY[self.action]:
                seen.append(result.message)
        return seen

    def to_dict(self) -> dict:
        return {"action": self.action, "categories": [asdict(c) for c in self.categories],
                "scores": self.scores, "concern": self.concern, "language": self.language,
                "gate_version": self.gate_version, "messages": self.messages}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


class PolicyGate:
    def __init__(self, rules: RuleSet | None = None, classifier=None):
        self.rules = rules or shared_rules()
        self._classifier = classifier

    @property
    def classifier(self):
        if self._classifier is None:
            from safety.semantic import shared_classifier

            self._classifier = shared_classifier()
        return self._classifier

    @property
    def version(self) -> str:
        return f"{GATE_VERSION} rules:{self.rules.version} model:{self.classifier.version}"

    def check(self, prompt: str, policy: Policy | None = None) -> Decision:
        return self.check_many([prompt], policy)[0]

    def check_many(self, prompts: list[str], policy: Policy | None = None) -> list[Decision]:
        normalized = [validate_prompt(p) for p in prompts]  # checked and normalised in one pass
        policy = policy or Policy()
        # The model reads the de-obfuscated text, so "n a k e d" means to it what it means.
        scores, concerns = self.classifier.assess([n.model_text for n in normalized])
        version = self.version
        return [self._decide(n, self.rules.match(n), dict(zip(NAMES, map(float, row))), float(concern), policy,
                             version)
                for n, row, concern in zip(normalized, scores, concerns)]

    def _decide(self, normalized, hits: list[RuleHit], scores: dict[str, float], concern: float, policy: Policy,
                version: str) -> Decision:
        prompt_language = language(normalized)
        english = english_words(normalized) >= MIXED_ENGLISH_WORDS
        if prompt_language == ENGLISH and english:
            hits = [_foreign_word(hit) for hit in hits]
        results: list[CategoryResult] = []
        for name in NAMES:
            category = CATEGORIES[name]
            setting = policy.categories.get(name)
            platform = _judge(category, hits, scores[name], CategoryPolicy())
            if setting is None:
                results += platform
                continue
            team = _judge(category, hits, scores[name], setting)
            if setting.shadow:
                results += platform + [_as_shadow(r) for r in team]
            else:
                results += team
        if prompt_language != ENGLISH:
            results = [_unread(r, prompt_language, english) for r in results]
        # Rules marked shadow in the data are recorded without being enforced, whatever the policy.
        action = max((r.action for r in results if not r.shadow), key=_SEVERITY.get, default="allow")
        if action == "allow" and concern >= CONCERN_REVIEW_THRESHOLD and prompt_language == ENGLISH:
            results.append(_concern(scores, concern))
            action = "review"
        return Decision(action, tuple(results), {k: round(v, 4) for k, v in scores.items()}, version,
                        round(concern, 4), prompt_language)


def _judge(category, hits: list[RuleHit], score: float, setting: CategoryPolicy) -> list[CategoryResult]:
    out = []
    mine = [h for h in hits if h.category == category.name]
    for shadow in (False, True):
        group = [h for h in mine if h.shadow == shadow]
        if not group:
            continue
        action = max((h.action for h in group), key=_SEVERITY.get)
        if action == "block" and category.default_action == "review":
            action = "review"
        if setting.rule_action == "review" and category.relaxable:
            action = "review"
        elif setting.rule_action == "block":
            action = "block"
        spans = tuple(sorted({Span(h.start, h.end, h.text) for h in group}, key=lambda s: (s.start, s.end)))  # a set has no order
        out.append(CategoryResult(category.name, action, 1.0, 1.0, "rule", tuple(sorted({h.rule for h in group})),
                                  spans, category.message, shadow))
    block, review = _thresholds(category, setting)
    model = None
    if score >= block:
        model = CategoryResult(category.name, category.default_action, round(score, 4), block, "model",
                               message=category.message)
    elif score >= review:
        model = CategoryResult(category.name, "review", round(score, 4), review, "model", message=category.message)
    enforced_rule = max((_SEVERITY[r.action] for r in out if not r.shadow), default=-1)
    # The stricter of rule and model stands; a team's rule_action covers the model's verdict too.
    if model is not None and setting.rule_action == "review" and category.relaxable and score < category.max_threshold:
        model = replace(model, action="review")
    if model is not None and _SEVERITY[model.action] > enforced_rule:
        out.append(model)
    return out


def _foreign_word(hit: RuleHit) -> RuleHit:
    """A Spanish, French or German rule's hit in a prompt that reads as English: the same letters
    are often an English word ("kind", "guide", "comment"), so a moderator looks rather than the
    rule blocking. (Russian and Chinese rules match their own scripts only.)"""
    return replace(hit, action="review") if hit.lang != ENGLISH and hit.action == "block" else hit


def _unread(result: CategoryResult, prompt_language: str, english: bool) -> CategoryResult:
    """A model verdict on a prompt the model cannot read (see `safety.language`): recorded only
    where keyword rules cover the language, at most a moderator's look where none do, or where
    English words are mixed in (the model reads those, and a few foreign words sprinkled over an
    English request must not switch it off)."""
    if result.source == "rule":
        return result
    if prompt_language in RULE_LANGUAGES and not english:
        return replace(result, shadow=True)
    return replace(result, action="review") if result.action == "block" else result


def _concern(scores: dict[str, float], concern: float) -> CategoryResult:
    """A prompt no category flagged but the model is concerned about goes to a moderator, filed
    under its likeliest category for the queue's filters. A platform safeguard: team policies do
    not turn it off (the likeliest category of an unflagged prompt says little)."""
    name = max(scores, key=scores.get)
    return CategoryResult(name, "review", round(concern, 4), CONCERN_REVIEW_THRESHOLD, "concern",
                          message=CONCERN_MESSAGE)


def _as_shadow(result: CategoryResult) -> CategoryResult:
    return replace(result, shadow=True)


def validate_prompt(prompt) -> Normalized:
    """The prompt, normalised, or a PromptError that says what is wrong with it."""
    if isinstance(prompt, bytes):
        raise PromptError("The prompt must be text, not bytes.")
    if not isinstance(prompt, str):
        raise PromptError("The prompt must be text.")
    if not prompt.strip():
        raise PromptError("The prompt is empty: describe the video you want.")
    if len(prompt) > MAX_PROMPT_CHARS:
        raise PromptError(f"The prompt is {len(prompt)} characters long; the limit is {MAX_PROMPT_CHARS}.")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in prompt) or "\ufffd" in prompt:
        raise PromptError("The prompt is not valid text (broken Unicode): send plain UTF-8 text.")
    if any(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in prompt):
        raise PromptError("The prompt contains binary data or control characters: send plain text.")
    normalized = normalize(prompt)
    if not normalized.native.text.strip():
        raise PromptError("The prompt has no visible text: describe the video you want.")
    return normalized


@lru_cache(maxsize=1)
def shared_rules() -> RuleSet:
    return RuleSet()
