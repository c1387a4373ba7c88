"""The policy taxonomy: what the gate looks for, what it does by default, what users are told.

Thresholds are on the semantic model's calibrated score (0–1). A team policy may lower any
threshold (stricter) and raise those of relaxable categories up to `max_threshold`; the
first four categories and extremism are never relaxable.

Review thresholds differ by category because the model's scores are not equally sharp in each:
they were chosen on dev, fresh_dev and fresh_dev2 together (coordinate search over 0.15–0.35 for
the most borderline prompts sent to review less three times the benign ones; never-relaxable
categories could only go down) and then checked once on fresh_dev3, which none of the tuning
saw: tricky benign allowed 0.973 → 0.982, borderline not allowed 0.822 → 0.844 (2026-12-05).
After the sixth corpus round's retrain, the same search on dev, fresh_dev, fresh_dev2 and
fresh_dev3 moved six categories and left the unseen fresh_dev4 no better (tricky 0.963 either
way, borderline not allowed 0.867 → 0.856), so the thresholds stayed as they are.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    name: str
    description: str
    default_action: str  # what a confident hit does: "block" or "review"
    message: str  # reviewed wording shown to the requester
    relaxable: bool
    review_threshold: float = 0.25  # model score from which a moderator looks at it
    block_threshold: float = 0.5  # model score from which the default action applies
    max_threshold: float = 0.5  # the most a team policy may raise block_threshold to


def _c(name, description, action, message, relaxable, **thresholds) -> Category:
    if relaxable:
        thresholds.setdefault("max_threshold", 0.9)
    return Category(name, description, action, message, relaxable, **thresholds)


CATEGORIES: dict[str, Category] = {c.name: c for c in (
    _c("sexual_minors", "Any sexual or sexualised content involving anyone under 18.", "block",
       "We never create sexual or sexualised content involving minors.", False,
       review_threshold=0.2, block_threshold=0.4, max_threshold=0.4),
    _c("minors_realistic", "Photorealistic children in intimate or vulnerable situations.", "block",
       "We don't create realistic videos of children in private, unsafe or vulnerable situations.",
       False, review_threshold=0.2, block_threshold=0.5, max_threshold=0.5),
    _c("sexual_explicit", "Sexual acts, nudity, pornography or fetish content.", "block",
       "We don't create sexually explicit videos or nudity.", False),
    _c("nonconsensual_intimate", "Intimate imagery of a person without their consent.", "block",
       "We never create intimate imagery of anyone without their consent.", False,
       review_threshold=0.15, block_threshold=0.5, max_threshold=0.5),
    _c("real_person_likeness", "A real, identifiable public figure or named private person.", "block",
       "We don't create videos that depict real, identifiable people.", True),
    _c("graphic_violence", "Gore, torture, mutilation or killing shown in detail.", "block",
       "We don't create graphic violence or gore.", True),
    _c("weapons_instructions", "How to make or obtain bombs, guns or chemical, biological or nuclear weapons.",
       "block", "We don't create content that shows how to make or get weapons.", True, review_threshold=0.35),
    _c("extremism", "Terrorist or violent extremist propaganda, recruitment or glorification.", "block",
       "We don't create content that promotes violent extremism or terrorism.", False,
       review_threshold=0.25, block_threshold=0.5, max_threshold=0.5),
    _c("hate", "Content that demeans or dehumanises people for a protected characteristic.", "block",
       "We don't create content that attacks people for who they are.", True),
    _c("harassment", "Bullying, threats, humiliation or intimidation aimed at a person.", "block",
       "We don't create content meant to bully, threaten or humiliate someone.", True),
    _c("self_harm", "Depicting, encouraging or instructing suicide, self-harm or eating disorders.", "block",
       "We don't create content that depicts or encourages self-harm. If you are struggling, please reach "
       "out to someone you trust or a local helpline.", True, review_threshold=0.2),
    _c("election_deception", "Fabricated footage of candidates or officials, fake voting information.", "block",
       "We don't create content that could mislead people about elections or candidates.", True),
    _c("copyright_ip", "Protected characters, franchises and brand logos.", "block",
       "We can't create videos of protected characters, franchises or brands without a licence.", True,
       review_threshold=0.35, max_threshold=1.0),  # a licensed team may send every hit to review
    _c("fraud_scam", "Phishing, fake official notices, fake endorsements, counterfeit money or documents.", "block",
       "We don't create content designed to deceive or defraud people.", True,
       review_threshold=0.3),
    _c("illicit_drugs", "Making, selling, using or promoting illegal drugs.", "block",
       "We don't create content that promotes or shows how to make illegal drugs.", True),
)}

# The concern score (semantic.py) from which a prompt no category flagged still goes to a moderator,
# and what the requester is told (no category was found, so none is named to them).
CONCERN_REVIEW_THRESHOLD = 0.9
CONCERN_MESSAGE = "A moderator will look at this request before the video is made."

NAMES: tuple[str, ...] = tuple(CATEGORIES)
NEVER_RELAXABLE = frozenset(name for name, c in CATEGORIES.items() if not c.relaxable)
