"""投稿: documents sent in by readers, held in a queue until a moderator approves or rejects them.

A submission is validated when it arrives (required fields, lengths, plain text, file type and size,
share of Chinese text, configurable banned words, duplicates, a per-client hourly limit), read by the
same pipeline as any file so the moderator sees what govlens found in it, and stored with a random
status token for the submitter. Approval stores its documents like ``govlens ingest`` would, in the
same transaction that marks it approved; rejection needs a reason, which the submitter sees.

The rules are a :class:`Rules`; a TOML file named by ``$GOVLENS_SUBMIT_RULES`` overrides any field.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import PurePath
from typing import Any

from .errors import GovlensError, QueryError, UsageError
from .io.read import page_from_bytes
from .pipeline import VERSION, process_page
from .stages.regions import canonical, level_of
from .store.api import StoreAPI as Store
from .store.base import sha256


@dataclass
class Rules:
    title_min: int = 4
    title_max: int = 120
    region_max: int = 40
    contact_max: int = 100
    text_min: int = 200  # characters of document text found
    text_max: int = 300_000
    file_max_bytes: int = 5 * 1024 * 1024
    file_types: list[str] = field(default_factory=lambda: [".txt", ".md", ".html", ".htm", ".docx", ".pdf"])
    min_chinese_share: float = 0.3  # Chinese characters among non-space characters
    banned_words: list[str] = field(default_factory=list)
    per_client_per_hour: int = 5

    @classmethod
    def load(cls, path: str | None = None) -> Rules:
        path = path or os.environ.get("GOVLENS_SUBMIT_RULES")
        if not path:
            return cls()
        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise UsageError(f"cannot read submission rules: {e}", path) from None
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise UsageError(f"unknown submission rule(s): {', '.join(sorted(unknown))}", path)
        return cls(**data)

    def notice(self) -> list[str]:
        """The rules in words, for the submission form (投稿须知)."""
        return [
            f"标题 {self.title_min}–{self.title_max} 字；地区、联系方式（邮箱或电话）必填。",
            f"正文为纯文本，{self.text_min}–{self.text_max} 字，以中文为主；也可上传文件"
            f"（{'、'.join(self.file_types)}，不超过 {self.file_max_bytes // (1024 * 1024)} MB）。",
            "已收录或已投过的文件不再受理。",
            f"每个来源每小时最多投稿 {self.per_client_per_hour} 篇。",
            "投稿经审核通过后收录并可检索；审核结果可凭查询码查看。",
        ]


class Invalid(GovlensError):
    """A submission that breaks the rules: ``errors`` maps each form field to what is wrong with it."""

    code = "E013"

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


# Reading errors in the portal's language, by code (errors.py); anything else keeps its own message.
_READ_ERRORS = {
    "E001": "文件是空的", "E002": "不是文本文件", "E003": "文件太大", "E004": "无法识别文字编码",
    "E005": "文件中没有文字（可能是扫描件）", "E006": "不支持的格式",
    "E009": "没有找到正文（只有导航、版权等页面元素，或正文太短）",
}

_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_PHONE = re.compile(r"^\+?[\d\- ()]{7,20}$")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?>")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _field_errors(title: str, region: str, contact: str, rules: Rules) -> dict[str, str]:
    errors = {}
    if not title:
        errors["title"] = "请填写标题"
    elif not rules.title_min <= len(title) <= rules.title_max:
        errors["title"] = f"标题长度应为 {rules.title_min}–{rules.title_max} 字"
    if not region:
        errors["region"] = "请填写地区"
    elif len(region) > rules.region_max:
        errors["region"] = f"地区不超过 {rules.region_max} 字"
    if not contact:
        errors["contact"] = "请填写联系方式"
    elif len(contact) > rules.contact_max or not (_EMAIL.match(contact) or _PHONE.match(contact)):
        errors["contact"] = "联系方式应为邮箱或电话号码"
    return errors


def _content_errors(text: str, rules: Rules) -> str | None:
    n = len(text)
    if n < rules.text_min:
        return f"正文太短（{n} 字，至少 {rules.text_min} 字）"
    if n > rules.text_max:
        return f"正文太长（{n} 字，至多 {rules.text_max} 字）"
    visible = sum(1 for c in text if not c.isspace())
    if visible and len(_HAN.findall(text)) / visible < rules.min_chinese_share:
        return "正文应以中文为主"
    banned = [w for w in rules.banned_words if w and w in text]
    if banned:
        return f"正文含有不予受理的内容：{'、'.join(banned)}"
    return None


def submit(store: Store, *, title: str, region: str, contact: str, text: str = "", filename: str | None = None,
           data: bytes | None = None, client: str | None = None, rules: Rules | None = None) -> str:
    """Validate and queue one submission; returns its status token. Raises :class:`Invalid`."""
    rules = rules or Rules()
    title, region, contact, text = title.strip(), region.strip(), contact.strip(), text.strip()
    errors = _field_errors(title, region, contact, rules)
    if client and rules.per_client_per_hour >= 0:
        recent = store.recent_submissions(client, time.time() - 3600)
        if recent >= rules.per_client_per_hour:
            raise Invalid({"form": f"投稿过于频繁：每小时最多 {rules.per_client_per_hour} 篇，请稍后再试"})
    if data is not None and filename:
        name = PurePath(filename.replace("\\", "/")).name[:200]  # a label only: never a path on disk
        if PurePath(name).suffix.lower() not in rules.file_types:
            errors["file"] = f"不支持的文件类型（可上传 {'、'.join(rules.file_types)}）"
        elif len(data) > rules.file_max_bytes:
            errors["file"] = f"文件太大（{len(data) / 1e6:.1f} MB，至多 {rules.file_max_bytes // (1024 * 1024)} MB）"
        elif not data:
            errors["file"] = "文件是空的"
    elif text:
        if _MARKUP.search(text):
            errors["text"] = "请提交纯文本（不含 HTML 标签），网页请作为文件上传"
        name, data = "投稿.txt", text.encode("utf-8")
    else:
        errors["text"] = "请填写正文或上传文件"
    if errors:
        raise Invalid(errors)
    assert data is not None
    where = "file" if filename else "text"
    try:
        docs = process_page(page_from_bytes(data, name), extract=True)
    except GovlensError as e:
        raise Invalid({where: f"无法读取：{_READ_ERRORS.get(e.code, e.message)}"}) from None
    found = "\n".join(d.text for d in docs)
    problem = _content_errors(found, rules)
    if problem:
        raise Invalid({where: problem})
    text_digest = sha256(found.encode("utf-8"))
    if store.is_duplicate(text_digest, sha256(data), [d.text for d in docs]):
        raise Invalid({where: "重复投稿：该文件已收录或已在审核中"})
    preview = [{"title": d.title, "region": d.region, "year": d.year, "kind": d.kind, "chars": len(d.text),
                "facts": sum(f.type == "indicator" for f in d.facts)} for d in docs]
    token = secrets.token_urlsafe(16)
    store.add_submission({"token": token, "title": title, "region": region, "contact": contact,
                          "filename": filename and name, "content": data, "sha256": sha256(data),
                          "text_sha256": text_digest, "preview": json.dumps(preview, ensure_ascii=False),
                          "client": client, "created_at": time.time()})
    return token


_PUBLIC = ("id", "title", "region", "filename", "status", "reason", "created_at", "decided_at", "source_id")


def status(store: Store, token: str) -> dict[str, Any] | None:
    """What a submitter may see of their submission (no contact, no content)."""
    out = store.submission(token=token, columns=_PUBLIC)
    if not out:
        return None
    out["documents"] = _documents_of(store, out["source_id"])
    return out


def _documents_of(store: Store, source_id: int | None) -> list[dict[str, Any]]:
    if source_id is None:
        return []
    return store.source_documents(source_id)


def queue(store: Store, state: str = "pending", limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    cols = ("id", "title", "region", "contact", "filename", "status", "reason", "created_at", "preview")
    return [r | {"preview": json.loads(r["preview"])} for r in store.submissions(state, cols, limit, offset)]


def get(store: Store, sid: int) -> dict[str, Any] | None:
    cols = ("id", "token", "title", "region", "contact", "filename", "content", "status", "reason", "created_at",
            "preview", "source_id")
    out = store.submission(sid=sid, columns=cols)
    if not out:
        return None
    out["preview"] = json.loads(out["preview"])
    out["documents"] = _documents_of(store, out["source_id"])
    return out


def approve(store: Store, sid: int, user_id: int) -> list[int]:
    """Store the submission's documents (searchable at once) and mark it approved; returns document ids."""
    sub = get(store, sid)
    if not sub or sub["status"] != "pending":
        raise QueryError("no pending submission with that id", f"submission {sid}")
    label = f"投稿 #{sid}: {sub['filename'] or sub['title']}"
    docs = process_page(page_from_bytes(sub["content"], sub["filename"] or "投稿.txt"), extract=True)
    for d in docs:  # what the submitter stated fills what the pipeline could not find
        d.title = d.title or sub["title"]
        if not d.region:
            d.region = canonical(sub["region"])  # a gazetteer place or nothing
            d.level = level_of(d.region)
    source_id = store.approve_submission(sid, user_id, time.time(), label, sha256(sub["content"]),
                                         len(sub["content"]), VERSION, docs)
    return [d["id"] for d in _documents_of(store, source_id)]


def reject(store: Store, sid: int, user_id: int, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise Invalid({"reason": "请填写不予收录的理由"})
    if not store.reject_submission(sid, user_id, reason[:500], time.time()):
        raise QueryError("no pending submission with that id", f"submission {sid}")
