"""Fuzzing in the suite: hypothesis strategies over the readers, the normaliser, the splitter and the
extractors, and a 1 000-input mutation corpus built from ../shared/seeds at run time (scripts/fuzz.py;
`python scripts/fuzz.py` is the full 20 000-input run). Every input ends in documents or a coded,
expected error: never an internal error (E099) or another exception."""

from __future__ import annotations

import sys
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import fuzz

EXPECTED = {"ok", "E001", "E002", "E003", "E004", "E005", "E006", "E009"}
# Derandomized: the suite must pass or fail the same way on every run; scripts/fuzz.py explores.
FAST = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

# Characters government pages are made of, and the ones that broke things.
_CJK = st.sampled_from("全市地区生产总值增长下降亿元万人预期目标是力争左右以上一二三十百千万零点成分之年月日")
_DIGIT = st.sampled_from("0123456789０１２.,%‰-~～")
_PUNCT = st.sampled_from("，。；：、（）“”【】《》[]\n\r\t ")
_ODD = st.sampled_from(["\x00", "\u200b", "\ufeff", "\u2028", "\u0085", "\ufffd", "<div>", "</p>", "&nbsp;", "\x1b"])
# Text files hold no lone surrogates: characters are drawn from what UTF-8 can encode.
_TEXT = st.lists(st.one_of(_CJK, _DIGIT, _PUNCT, _ODD, st.characters(codec="utf-8")), max_size=600).map("".join)


def _run(name: str, data: bytes) -> str:
    code = fuzz.check(name, data)
    assert code in EXPECTED, (name, code)
    return code


@FAST
@given(_TEXT, st.sampled_from([".txt", ".html"]))
def test_text_from_the_alphabet_of_reports(text, ext):
    _run("h" + ext, (fuzz.INVENTED[:60] + text).encode("utf-8"))


@FAST
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".pdf", ".docx", ""]))
def test_arbitrary_bytes(data, ext):
    _run("b" + ext, data)


@FAST
@given(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<html><body>"]),
       st.binary(max_size=2000))
def test_magic_headers_with_junk(head, junk):
    _run("m.txt", head + junk)


@FAST
@given(st.recursive(_TEXT.map(lambda t: t[:40]),
                    lambda inner: st.tuples(st.sampled_from(["div", "p", "td", "li", "span", "table", "b"]),
                                            st.lists(inner, max_size=4), st.booleans())
                    .map(lambda x: f"<{x[0]}>" + "".join(x[1]) + (f"</{x[0]}>" if x[2] else "")),
                    max_leaves=30))
def test_nested_and_unclosed_html(html):
    _run("n.html", ("<html><body>" + fuzz.INVENTED[:80] + html).encode("utf-8"))


@FAST
@given(st.sampled_from(["gbk", "big5", "utf-16-le", "utf-16-be", "gb18030", "latin-1"]), st.integers(0, 400))
def test_mixed_encodings(enc, cut):
    t = fuzz.INVENTED
    _run("mix.txt", t[:cut].encode("utf-8") + t[cut:].encode(enc, "replace"))


def test_mutation_corpus_from_the_seeds():
    codes = Counter(_run(name, data) for name, data in fuzz.corpus(1000, seed=0, scale=0.15))
    assert sum(codes.values()) == 1000
    assert codes["ok"] > 100  # the corpus still exercises the extractors, not only the refusals
