"""Which language a prompt is written in, as far as the gate needs to know.

The semantic layer's encoder (all-MiniLM-L6-v2) was trained on English. On other languages its
scores are noise, and loud noise: on a Russian or Chinese prompt about a birch wood or dumplings it
scored real_person_likeness above the block threshold (safety/data/fresh_multilingual.jsonl: 4 of 8
benign Russian and Chinese prompts blocked, 1 more reviewed). So the gate asks this module first:
the model speaks only for English, and the keyword rules in Spanish, French, German, Russian and
Chinese speak for those languages.

The guess is cheap and deliberately simple: the script of whole words (Cyrillic, Han, …; a word
that mixes scripts is obfuscated Latin, which the normaliser folds back), then for Latin text the
share of each language's most common function words. A prompt with too few of them to tell
("Berlin skyline at night", "tiramisu close-up") counts as English, which the model reads as well
as it reads any list of nouns.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from safety.normalize import Normalized, normalize

ENGLISH = "en"
RULE_LANGUAGES = ("es", "fr", "de", "ru", "zh")  # the languages the keyword rules cover
MIXED_ENGLISH_WORDS = 2  # this many English function words: the model reads the English part

# Function words, accents stripped. Words English shares with another ("a", "an", "in", "die") or
# that Spanish and French share ("en", "de", "la", "se") are left out, so one shared word cannot
# decide, and so are words that stand alone in English prompts ("y/o", "al-Qaeda").
_FUNCTION_WORDS = {
    "en": "the of on at with and to is are was were be been his her their from for by into through over "
          "under while as it this that these those who which what how why when where my your you we our up "
          "down out across around behind near its he she they them him can should would will not no all some "
          "every then than there have has had do does make makes made showing shows".split(),
    "es": "el los las una unos unas del con por para que su sus es mientras como sobre muy mi tu lo este "
          "esta hacia desde sin pero cuando donde hay".split(),
    "fr": "le les des une du et avec pour par sur dans qui son sa ses au aux est pendant comme mon ma mes ce cette "
          "sans vers il elle ils sont qu".split(),
    "de": "der das den dem ein eine einen einem einer und mit von zu im auf fur ist wie sich nicht aus bei "
          "nach uber unter vor wahrend sein seine ihre ihr mein meine am vom zum zur dass wird ohne".split(),
}
_WORDS = {language: frozenset(words) for language, words in _FUNCTION_WORDS.items()}
_ACCENTED = {"es": "ñ¿¡", "fr": "çœèêëîôû", "de": "äöü"}  # read in the native view, which keeps accents
_SCRIPTS = (("ru", "CYRILLIC"), ("zh", "CJK"), ("ja", "HIRAGANA"), ("ja", "KATAKANA"), ("ko", "HANGUL"),
            ("ar", "ARABIC"), ("el", "GREEK"), ("he", "HEBREW"), ("hi", "DEVANAGARI"), ("th", "THAI"))
_WORD = re.compile(r"\w+")


def language(prompt: str | Normalized) -> str:
    """An ISO 639-1 code: "en", one of `RULE_LANGUAGES`, or another language the gate has no rules for.

    Scripts are read from the native view: a Russian word may consist of letters that look Latin
    ("мама", "купает"), so the normaliser's folded view cannot tell Russian from disguised English.
    Words are read from the folded view; English written in look-alike letters therefore reads as
    Russian here but shows its English function words to `english_words`, and the gate keeps the
    model's voice for it (see gate._unread)."""
    normalized = prompt if isinstance(prompt, Normalized) else normalize(prompt)
    script_letters = {"latin": 0}
    for word in _WORD.findall(normalized.native.text):
        scripts = [_script(c) for c in word if c.isalpha()]
        if "latin" in scripts:  # a Latin word, or one with look-alike letters left in: obfuscated Latin
            script_letters["latin"] += len(scripts)
            continue
        for script in scripts:  # Japanese mixes kana and kanji in one run: count each letter
            script_letters[script] = script_letters.get(script, 0) + 1
    script = max(script_letters, key=script_letters.get)
    if script == "zh" and script_letters.get("ja"):
        return "ja"  # kana anywhere: Japanese, however many kanji
    if script != "latin":
        return script
    counts = _function_word_counts(normalized)
    for lang, accented in _ACCENTED.items():  # letters only one of them writes count as one word more
        counts[lang] += any(c in normalized.native.text for c in accented)
    best = max((lang for lang in counts if lang != ENGLISH), key=counts.get)
    # Another language must clearly outweigh English: a few foreign words sprinkled into an English
    # prompt must not take the model's judgement away.
    if counts[best] >= max(2, 2 * counts[ENGLISH]) or (counts[best] == 1 and not counts[ENGLISH]
                                                      and len(_WORD.findall(normalized.model_text)) >= 5):
        return best
    return ENGLISH


def english_words(prompt: str | Normalized) -> int:
    """How many English function words the prompt holds, in its de-obfuscated view."""
    return _function_word_counts(prompt if isinstance(prompt, Normalized) else normalize(prompt))[ENGLISH]


def _function_word_counts(normalized: Normalized) -> dict[str, int]:
    words = _WORD.findall(normalized.model_text)  # lower case, accents stripped, look-alikes folded
    return {lang: sum(w in vocabulary for w in words) for lang, vocabulary in _WORDS.items()}


@lru_cache(maxsize=8192)  # a Unicode name lookup per letter of every prompt added up
def _script(character: str) -> str:
    name = unicodedata.name(character, "")
    for code, prefix in _SCRIPTS:
        if name.startswith(prefix):
            return code
    return "latin" if "LATIN" in name or character.isascii() else "other"
