"""Optional: an LLM rephrases an answer from the facts and sentences ask already found. Off by default.

Set ``GOVLENS_LLM_URL`` (an OpenAI-compatible base URL, e.g. ``http://127.0.0.1:8080/v1``) and
``GOVLENS_LLM_MODEL``; ``GOVLENS_LLM_KEY`` is sent as a bearer token when set. The model sees only
the question, the answer govlens composed and the cited sentences, and must not add a figure: a
reply containing a number that none of the cited sentences holds is discarded, as is any reply when
the endpoint fails or is slow. The answer and citations govlens found are never replaced, only
given a ``phrased`` companion.
"""

from __future__ import annotations

import os
from typing import Any

import httpx

from ..lexicon.figures import unsupported_figures

SYSTEM = ("你是政府文件助手。只根据给出的答案和原文句子，用一两句简洁的中文回答问题。"
          "不得添加原文中没有的数字或事实；原文不足以回答时，回答“库中没有找到答案”。")


def configured() -> bool:
    return bool(os.environ.get("GOVLENS_LLM_URL") and os.environ.get("GOVLENS_LLM_MODEL"))


def phrase(question: str, answer: str, citations: list[dict[str, Any]], timeout: float = 10.0) -> str | None:
    """The model's wording of the answer, or None (not configured, failed, or it added a figure)."""
    if not configured() or not answer:
        return None
    quotes = "\n".join(f"- {c['quote']}" for c in citations)
    body = {
        "model": os.environ["GOVLENS_LLM_MODEL"],
        "temperature": 0,
        "messages": [{"role": "system", "content": SYSTEM},
                     {"role": "user", "content": f"问题：{question}\n答案：{answer}\n原文：\n{quotes}"}],
    }
    headers = {"Authorization": f"Bearer {os.environ['GOVLENS_LLM_KEY']}"} if os.environ.get("GOVLENS_LLM_KEY") else {}
    url = os.environ["GOVLENS_LLM_URL"].rstrip("/") + "/chat/completions"
    try:
        r = httpx.post(url, json=body, headers=headers, timeout=timeout)
        r.raise_for_status()
        text = r.json()["choices"][0]["message"]["content"].strip()
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError):
        return None
    grounded = " ".join(c["quote"] for c in citations) + answer
    if not text or unsupported_figures(text, grounded):
        return None  # a figure the sources do not hold: keep govlens' own answer only
    return text
