"""The normaliser undoes obfuscation and can always point back at the user's own characters."""
import pytest

from safety.normalize import normalize


@pytest.mark.parametrize("obfuscated, plain", [
    ("n a k e d", "naked"),
    ("k.i.l.l", "kill"),
    ("n-u-d-e", "nude"),
    ("n4k3d", "naked"),
    ("c0c4ine", "cocaine"),
    ("ｎａｋｅｄ", "naked"),  # full-width
    ("nаkеd", "naked"),  # Cyrillic а and е
    ("nαkεd", "naked"),  # Greek
    ("na\u200bk\u200ded", "naked"),  # zero-width characters
    ("NaKeD", "naked"),
    ("nüde", "nude"),
    ("𝐧𝐚𝐤𝐞𝐝", "naked"),  # mathematical bold
])
def test_obfuscations_fold_to_the_plain_word(obfuscated, plain):
    assert normalize(f"a {obfuscated} person").latin.text == f"a {plain} person"


def test_repeated_letters_are_squeezed_in_two_views():
    normalized = normalize("naaaaaked")
    assert normalized.latin.text == "naaked"
    assert normalized.squeezed.text == "naked"
    assert normalize("a good book").squeezed is None  # doubled letters are ordinary spelling


def test_ordinary_text_keeps_its_numbers_and_words():
    text = "5 apples for $5 in 2024, shot in 4k at 24 fps"
    assert normalize(text).latin.text == text.lower()
    assert normalize("A big red ball").latin.text == "a big red ball"  # single-letter words stay words


def test_spans_point_back_at_the_original_characters():
    original = "Film a n\u200b4 k 3 d dancer"
    normalized = normalize(original)
    start = normalized.latin.text.index("naked")
    s, e = normalized.latin.original_span(start, start + 5)
    assert original[s:e] == "n\u200b4 k 3 d"


def test_text_hidden_in_unicode_tag_characters_is_revealed():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in " naked")
    assert normalize("a red ball" + hidden).latin.text == "a red ball naked"


def test_invisible_characters_separate_spelled_out_letters():
    assert normalize("a n\u200ba k e d person").latin.text == "a naked person"
    # Letters held apart by invisible characters keep the visible spaces between their words.
    hidden = "how to c\u200bo\u200bo\u200bk m\u200be\u200bt\u200bh at home"
    assert normalize(hidden).latin.text == "how to cook meth at home"
    # … and a space slipped inside a word that way is still read through, in a view of its own.
    split = normalize("k\u200bi\u200bl l the n\u200ba\u200bk e\u200bd man")
    assert split.joined.text == "kill the naked man" and split.joined in split.views()
    assert normalize("a plain prompt").joined is None


def test_native_view_keeps_other_scripts():
    normalized = normalize("Голый ребёнок")
    assert normalized.native.text == "голый ребёнок"


def test_letters_spelled_one_by_one_are_cut_back_into_words_in_their_own_view():
    # Spelling letter by letter hides the spaces between words too: "taylorswift", "deepfakenude".
    original = "video of T a y l o r S w i f t and a d e e p f a k e n u d e"
    normalized = normalize(original)
    assert normalized.latin.text == "video of taylorswift and a deepfakenude"
    assert normalized.segmented.text == "video of taylor swift and a deep fake nude"
    start = normalized.segmented.text.index("swift")
    s, e = normalized.segmented.original_span(start, start + 5)
    assert original[s:e] == "S w i f t"
    assert normalize("n a k e d").segmented is None  # already a word
    assert normalize("an ordinary sentence about a photographer").segmented is None  # nothing was spelled
