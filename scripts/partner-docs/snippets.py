"""Checks that every code snippet in docs/partners.md is the literal text of a region of a tested file.

A snippet is a marker line followed by a fenced block:

    <!-- snippet: quickstart.py#token -->
    ```python
    ...the lines between `# region token` and `# endregion` in docs/partners/quickstart.py...
    ```

Regions are `# region NAME` ... `# endregion` in Python and `// #region NAME` ... `// #endregion` in TypeScript.
Every python/typescript block of the page must carry a marker, so no untested code reaches partners.

    python3 scripts/partner-docs/snippets.py          check (exit 1 and a diff when a snippet drifted)
    python3 scripts/partner-docs/snippets.py --fix    rewrite the page's marked blocks from the files
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "docs" / "partners.md"
FILES = REPO / "docs" / "partners"
CODE_LANGS = {"python", "py", "ts", "typescript"}
MARKER = re.compile(r"^<!-- snippet: (?P<file>[\w.-]+)#(?P<region>[\w-]+) -->$")
REGION_START = re.compile(r"^\s*(?:#|//) ?#?region (?P<name>[\w-]+)\s*$")
REGION_END = re.compile(r"^\s*(?:#|//) ?#?endregion\b")


def regions(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in path.read_text().splitlines():
        if current is None:
            m = REGION_START.match(line)
            if m:
                current, lines = m.group("name"), []
        elif REGION_END.match(line):
            while lines and not lines[-1].strip():
                lines.pop()
            while lines and not lines[0].strip():
                lines.pop(0)
            found[current] = "\n".join(lines)
            current = None
        else:
            lines.append(line)
    if current is not None:
        raise SystemExit(f"{path}: region {current} has no end")
    return found


def main() -> int:
    fix = "--fix" in sys.argv[1:]
    page = PAGE.read_text().splitlines()
    out: list[str] = []
    problems: list[str] = []
    snippets = 0
    cache: dict[str, dict[str, str]] = {}
    pending: tuple[str, str, int] | None = None
    i = 0
    while i < len(page):
        line = page[i]
        m = MARKER.match(line.strip())
        if m:
            pending = (m.group("file"), m.group("region"), i + 1)
            out.append(line)
            i += 1
            continue
        fence = re.match(r"^```(\w*)\s*$", line)
        if fence:
            end = next((j for j in range(i + 1, len(page)) if page[j].startswith("```")), None)
            if end is None:
                problems.append(f"docs/partners.md:{i + 1}: a code block that never closes")
                break
            body = "\n".join(page[i + 1:end])
            lang = fence.group(1).lower()
            if pending is None:
                if lang in CODE_LANGS:
                    problems.append(f"docs/partners.md:{i + 1}: a {lang} block without a `<!-- snippet: FILE#REGION -->` marker")
                out.extend(page[i:end + 1])
            else:
                file, region, at = pending
                snippets += 1
                if file not in cache:
                    path = FILES / file
                    if not path.is_file():
                        raise SystemExit(f"docs/partners.md:{at}: no file docs/partners/{file}")
                    cache[file] = regions(path)
                want = cache[file].get(region)
                if want is None:
                    problems.append(f"docs/partners.md:{at}: docs/partners/{file} has no region {region!r}")
                    out.extend(page[i:end + 1])
                elif want != body:
                    if fix:
                        out.append(page[i])
                        out.extend(want.splitlines())
                        out.append(page[end])
                    else:
                        diff = "\n".join(difflib.unified_diff(want.splitlines(), body.splitlines(), f"docs/partners/{file}#{region}",
                                                              f"docs/partners.md:{i + 2}", lineterm=""))
                        problems.append(f"docs/partners.md:{at}: the snippet differs from docs/partners/{file}#{region}:\n{diff}")
                        out.extend(page[i:end + 1])
                else:
                    out.extend(page[i:end + 1])
            pending = None
            i = end + 1
            continue
        if pending is not None and line.strip():
            problems.append(f"docs/partners.md:{pending[2]}: the snippet marker is not followed by a code block")
            pending = None
        out.append(line)
        i += 1
    if fix:
        PAGE.write_text("\n".join(out) + "\n")
    if problems:
        print("partner docs snippets:\n" + "\n".join(problems), file=sys.stderr)
        if not fix:
            print("(edit docs/partners/*, then `python3 scripts/partner-docs/snippets.py --fix` rewrites the page)", file=sys.stderr)
        return 1
    if snippets == 0:
        print("docs/partners.md has no marked snippets", file=sys.stderr)
        return 1
    print(f"partner docs snippets: {snippets} code blocks in docs/partners.md equal their regions in docs/partners/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
