"""Chinese full-text search: text is segmented by rjieba in Python, once, and the index stores the
words separated by spaces, so the database's own simple tokenizers read it (SQLite FTS5
``unicode61``, PostgreSQL ``to_tsvector('simple', …)``). Any client can open the store: no tokenizer
of ours has to be registered to read or write it.

Each indexed document has two strings: ``words`` (jieba words in order, so a query term of several
words is a phrase of adjacent words) and ``pieces`` (the two-character pieces of every word of three
or more Chinese characters, so 闵行 finds 闵行区 and 总值 finds 生产总值). A query term is segmented the
same way and matched as a phrase of its words.

Earlier versions registered an FTS5 tokenizer written in Python (``govlens_jieba``) and kept the
index in a side file ``<db>.words``; :func:`register` still provides the tokenizer so such files and
their migration keep working.
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


@lru_cache(maxsize=400_000)
def _pieces(word: str) -> str:
    """A word's two-character pieces (Chinese words of 3+ characters only), space-separated."""
    if not word.isalnum() or word.isascii():
        return ""
    return " ".join(dict.fromkeys(word[i : i + 2] for i in range(len(word) - 1)))


def index_text(text: str) -> tuple[str, str]:
    """(words, pieces) of a text, as stored in the word index."""
    import rjieba

    words = rjieba.cut(text)
    pieces = " ".join(filter(None, map(_pieces, [w for w in words if len(w) >= 3])))
    return " ".join(words), pieces


def query_words(term: str) -> str:
    """A query term segmented like the documents: its words, space-separated."""
    import rjieba

    return " ".join(w for w in rjieba.cut(term) if w.isalnum())


@lru_cache(maxsize=200_000)
def _word(word: str) -> tuple[int, tuple[str, ...] | None]:
    """A word's UTF-8 length and its tokens; words repeat, so this is cached."""
    return len(word.encode("utf-8")), _token(word)


def jieba_tokenizer(con: apsw.Connection, args: list[str]) -> apsw.Tokenizer:
    """FTS5 tokenizer of schema versions 1-3 (kept so old side files can be opened and migrated)."""
    import rjieba

    apsw.fts5.parse_tokenizer_args({}, con, args)

    def tokenize(utf8: bytes, flags: int, locale: str | None):
        text = utf8.decode("utf-8", errors="replace")
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
