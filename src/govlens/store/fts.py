"""Chinese full-text search for FTS5: a tokenizer built on rjieba, registered through APSW.

Each jieba word is a token; a word of three or more characters also carries its two-character
pieces as colocated tokens, so a two-character query (闵行, 总值) finds 闵行区 and 生产总值 without
a separate n-gram index. ASCII words are lower-cased. The same tokenizer reads the query, so
documents and queries are segmented alike.

A second FTS5 table with SQLite's built-in ``trigram`` tokenizer catches what segmentation splits
differently (rare names, mixed scripts); being built in, it also works when the database is opened
without govlens (Datasette, the sqlite3 shell).
"""

from __future__ import annotations

import re

import apsw
import apsw.fts5

TOKENIZER = "govlens_jieba"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SKIP = re.compile(r"^[\s\W_]+$")


def tokens(text: str):
    """(start, end, token, *colocated) in str offsets."""
    import rjieba

    for word, start, end in rjieba.tokenize(text):
        if _SKIP.match(word):
            continue
        if word.isascii():
            yield start, end, word.lower()
            continue
        if len(word) >= 3 and _CJK.match(word):
            pieces = [word[i : i + 2] for i in range(len(word) - 1)]
            yield start, end, word, *dict.fromkeys(pieces)
        else:
            yield start, end, word


@apsw.fts5.StringTokenizer
def jieba_tokenizer(con: apsw.Connection, args: list[str]) -> apsw.Tokenizer:
    apsw.fts5.parse_tokenizer_args({}, con, args)

    def tokenize(text: str, flags: int, locale: str | None):
        yield from tokens(text)

    return tokenize


def register(con: apsw.Connection) -> None:
    con.register_fts5_tokenizer(TOKENIZER, jieba_tokenizer)
