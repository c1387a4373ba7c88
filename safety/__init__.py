"""safety: the policy gate every prompt passes and the frame checks every clip passes (no Django).

    from safety import PolicyGate
    decision = PolicyGate().check("a red ball bounces", policy=None)   # allow | review | block

See taxonomy.py (categories), normalize.py (de-obfuscation), rules.py (lexicons, gazetteers),
semantic.py (MiniLM + trained head), gate.py (the decision) and frames.py (image classifier).
"""
from safety.frames import FrameChecker, FrameInputError, FrameReport
from safety.gate import CategoryPolicy, Decision, Policy, PolicyError, PolicyGate, PromptError
from safety.taxonomy import CATEGORIES

__all__ = ["CATEGORIES", "CategoryPolicy", "Decision", "FrameChecker", "FrameInputError", "FrameReport", "Policy",
           "PolicyError", "PolicyGate", "PromptError"]
