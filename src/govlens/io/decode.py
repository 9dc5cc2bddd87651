"""Bytes to text: BOM, UTF-8, then a detector on head and tail, then each guess in turn; and repair of
mojibake that can be repaired (UTF-8 read as GBK, UTF-8 read as Latin-1, GBK read one byte off).

The decoded string is the *source* every offset maps back to.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from ..errors import BinaryInput, EmptyInput, Undecodable

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Chinese pages mislabelled or undetected: try these after the detector's guesses.
_FALLBACKS = ("gb18030", "big5")
_SAMPLE = 64 * 1024


def _looks_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16: every other byte is zero for ASCII-heavy text, or CJK text decodes cleanly."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even_zero = head[0::2].count(0)
    odd_zero = head[1::2].count(0)
    half = len(head) // 2
    if odd_zero > half * 0.3 and even_zero < half * 0.05:
        return "utf-16-le"
    if even_zero > half * 0.3 and odd_zero < half * 0.05:
        return "utf-16-be"
    return None


# Every byte but the control bytes (< 9, 14-31): deleting these leaves the control bytes to count.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def _is_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    # Control bytes other than whitespace are rare in text of any encoding.
    ctrl = len(head.translate(None, _NOT_CONTROL))
    return ctrl > len(head) * 0.02


# Compiled on first use: only a file that is not plain UTF-8 needs them, and a class spanning the CJK
# block costs milliseconds to compile (at the start of every process, for input that is clean).
@cache
def _readable_rx() -> re.Pattern[str]:
    return re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\s\u2010-\u2027\u00b7]")


@cache
def _cjk_rx() -> re.Pattern[str]:
    return re.compile(r"[\u4e00-\u9fff]")


def _readable(text: str) -> float:
    """Share of characters a Chinese document is made of (CJK, ASCII, CJK punctuation)."""
    sample = text[:20000]
    return len(_readable_rx().findall(sample)) / max(1, len(sample))


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    n = len(_cjk_rx().findall(text[:20000]))
    return n / min(len(text), 20000)


def _plausible(text: str) -> float:
    """Share of CJK characters that are among the 3 755 most common (GB2312 level 1) — a built-in
    frequency list, so no data file is needed. Wrong decodings land in rare characters."""
    sample = _cjk_rx().findall(text[:20000])
    if not sample:
        return 1.0
    common = 0
    for ch in sample:
        try:
            b = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if 0xB0 <= b[0] <= 0xD7:
            common += 1
    return common / len(sample)


# A file that is UTF-8 but for a few stray bytes (a truncated download, one bad byte in 200 000
# characters) stays UTF-8: its bad bytes become U+FFFD and are counted. "A few": at most one per
# STRAY_RATIO characters, and valid multi-byte sequences far outnumber them (GBK read as UTF-8 fails
# on nearly every character, so it never qualifies).
STRAY_RATIO = 1000


def count_replaced(text: str, data: bytes) -> int:
    """U+FFFD characters in ``text`` that were not already in ``data`` (as UTF-8)."""
    return max(0, text.count("\ufffd") - data.count(b"\xef\xbf\xbd"))


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    bad = count_replaced(text, data)
    if bad == 0:
        return text
    multibyte = sum(1 for c in text if c > "\x7f") - bad
    if bad <= 1 + len(text) // STRAY_RATIO and multibyte >= 20 * bad:
        return text
    # Damage in one place in the second half only (a download cut off and resumed): still UTF-8.
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        try:
            data[e.end :].decode("utf-8")
        except UnicodeDecodeError:
            return None
        if e.start > len(data) * 0.5:
            return text
    return None


def decode(data: bytes, source: str = "") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise a :class:`GovlensError` for empty, binary or undecodable data.
    Stray undecodable bytes in otherwise clean text become U+FFFD (see :func:`count_replaced`)."""
    if not data.strip():
        raise EmptyInput("file is empty", source)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            # A BOM promises an encoding. Kept when the text reads, one stray byte per STRAY_RATIO characters replaced and
            # counted; a false promise (UTF-8 after a UTF-16 BOM, junk after a BOM) is dropped and the
            # rest decoded like a file without one.
            text = data.decode(enc, errors="replace")
            bad = count_replaced(text, data)
            if bad <= 1 + len(text) // STRAY_RATIO and _readable(text) >= 0.85:
                return text, enc.replace("-sig", "")
            data = data[len(bom) :]
            if not data.strip():
                raise Undecodable(f"a {enc.replace('-sig', '')} byte-order mark and nothing readable", source)
            break
    u16 = _looks_utf16(data)
    if u16:
        try:
            return data.decode(u16), u16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192] and len(data) % 2 == 0:
        # BOM-less UTF-16 of Chinese text has few zero bytes: try it and keep it only if it reads.
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _readable(text) > 0.95 and _plausible(text) > 0.6:
                return text, enc
    if _is_binary(data):
        raise BinaryInput("binary data, not a text document", source)
    utf8 = _mostly_utf8(data)
    if utf8 is not None:
        return utf8, "utf-8"
    # Detector on head and tail: a short head of ASCII navigation misleads it on GB pages.
    sample = data[:_SAMPLE] + (data[-_SAMPLE:] if len(data) > 2 * _SAMPLE else b"")
    guesses: list[str] = []
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8 (0.02 s to import)

    best = from_bytes(sample).best()
    if best is not None:
        guesses.append(best.encoding)
    guesses.extend(_FALLBACKS)
    candidates: list[tuple[float, str, str]] = []
    for enc in dict.fromkeys(guesses):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _readable(text) < 0.85 or _plausible(text) < 0.4:
            continue  # decodes, but into noise
        candidates.append((_plausible(text) + _cjk_share(text), enc, text))
    if candidates:
        _score, enc, text = max(candidates, key=lambda c: c[0])
        return text, enc
    # Nothing decodes strictly: GB18030 with replacement, if the damage is small.
    text = data.decode("gb18030", errors="replace")
    bad = text.count("\ufffd")
    if bad > len(text) * 0.05 or _readable(text) < 0.85:
        raise Undecodable(f"cannot decode: {bad} undecodable characters in {len(text)}", source)
    return text, "gb18030"


# --- mojibake -------------------------------------------------------------------------------------

# Characters that dominate UTF-8-read-as-GBK text ("鍦板尯鐢熶骇鎬诲€�" …): lead bytes E4-E9 become
# these rare characters. Their density is the trigger; the repair itself is checked by round-trip.
_GBK_MOJI = re.compile(r"[鍦鐨鍜銆锛浜涓鏄鎴浠鏈瀵璁缁鑳閲鍙琛鍏绗姹鍚闂鏃鐢鎬嶅弬缃€]")
_GBK_MOJI_RUN = re.compile(r"[^\x00-\x7f\s，。、；：？！“”（）]{4,}")
_LATIN_MOJI = re.compile(r"(?:[\u00c2-\u00ef][\u0080-\u00bf\u2018-\u203a\u20ac\u0152-\u0192]{1,3})+")
# "??梢哉f": GBK read one byte off after a lost byte; the run ends at an ASCII byte that really was a
# trail byte. Re-encode, drop the first byte, decode again.
_SHIFTED = re.compile(r"(\?{1,3}|\ufffd{1,3})([\u4e00-\u9fff]{1,12}[\x40-\x7e])")


def repair_mojibake(text: str) -> tuple[list[tuple[int, int, str]], dict[str, int]]:
    """Return edits that repair mojibake, and counts ``repaired`` / ``unrepaired`` (characters)."""
    edits: list[tuple[int, int, str]] = []
    stats = {"mojibake_repaired": 0, "mojibake_unrepaired": 0}
    sample_hits = len(_GBK_MOJI.findall(text[:200000]))
    if sample_hits > 20 and sample_hits > len(text[:200000]) * 0.01:
        for m in _GBK_MOJI_RUN.finditer(text):
            run = m.group()
            try:
                fixed = run.encode("gbk").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if _plausible(fixed) > _plausible(run):
                edits.append((m.start(), m.end(), fixed))
                stats["mojibake_repaired"] += len(fixed)
    if "\u00c3" in text or "\u00e5" in text or "\u00e6" in text:
        for m in _LATIN_MOJI.finditer(text):
            run = m.group()
            try:
                fixed = run.encode("cp1252", errors="strict").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                try:
                    fixed = run.encode("latin-1").decode("utf-8")
                except (UnicodeEncodeError, UnicodeDecodeError):
                    continue
            if _cjk_rx().search(fixed):
                edits.append((m.start(), m.end(), fixed))
                stats["mojibake_repaired"] += len(fixed)
    if "?" in text or "\ufffd" in text:
        for m in _SHIFTED.finditer(text):
            lost, run = m.group(1), m.group(2)
            try:
                fixed = run.encode("gbk")[1:].decode("gbk")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if not re.fullmatch(r"[\u4e00-\u9fff]+", fixed):
                continue
            # The bytes lost with the question marks cannot be recovered: mark them, count them.
            edits.append((m.start(), m.end(), "\ufffd" * len(lost) + fixed))
            stats["mojibake_repaired"] += len(fixed)
            stats["mojibake_unrepaired"] += len(lost)
    edits.sort()
    # Drop overlaps (a run matched by two repairers): keep the first.
    clean: list[tuple[int, int, str]] = []
    last = -1
    for e in edits:
        if e[0] >= last:
            clean.append(e)
            last = e[1]
    stats["mojibake_unrepaired"] += text.count("\ufffd")
    return clean, stats
