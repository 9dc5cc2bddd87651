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

from functools import lru_cache

import apsw
import apsw.fts5

TOKENIZER = "govlens_jieba"
_QUERY = 0x0001  # FTS5_TOKENIZE_QUERY


def tokens(text: str):
    """(start, end, token, *colocated) in str offsets (for tests and tools)."""
    import rjieba

    for word, start, end in rjieba.tokenize(text):
        t = _token(word)
        if t:
            yield start, end, *t


def _token(word: str) -> tuple[str, ...] | None:
    if not word.isalnum():
        return None  # punctuation, spaces, numbers with signs
    if word.isascii():
        return (word.lower(),)
    if len(word) >= 3:
        return (word, *dict.fromkeys(word[i : i + 2] for i in range(len(word) - 1)))
    return (word,)


@lru_cache(maxsize=200_000)
def _word(word: str) -> tuple[int, tuple[str, ...] | None]:
    """A word's UTF-8 length and its tokens; words repeat, so this is cached."""
    return len(word.encode("utf-8")), _token(word)


def jieba_tokenizer(con: apsw.Connection, args: list[str]) -> apsw.Tokenizer:
    """FTS5 tokenizer: works on the UTF-8 bytes FTS5 hands over, offsets counted as it goes."""
    import rjieba

    apsw.fts5.parse_tokenizer_args({}, con, args)

    def tokenize(utf8: bytes, flags: int, locale: str | None):
        text = utf8.decode("utf-8", errors="replace")
        # A query keeps only its words: colocated pieces would turn 生态环境 into 生态 OR 环境.
        query = bool(flags & _QUERY)
        pos = 0
        for word in rjieba.cut(text):
            size, t = _word(word)
            if t:
                yield (pos, pos + size, t[0]) if query else (pos, pos + size, *t)
            pos += size

    return tokenize


def register(con: apsw.Connection) -> None:
    con.register_fts5_tokenizer(TOKENIZER, jieba_tokenizer)
