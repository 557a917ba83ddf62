"""The check registry: each check is a function of a Context that returns a Result (counts) or raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .api import Result


class Skip(Exception):
    pass


@dataclass
class Check:
    name: str
    title: str
    fn: Callable
    modes: tuple
    budgets: tuple
    needs_pg: bool = False
    allows_5xx: bool = False
    cleanup_fn: Callable | None = None

    def budget(self, mode: str) -> float:
        return self.budgets[0] if mode == "quick" else self.budgets[1]


CHECKS: list[Check] = []
_FINAL: list[Callable] = []


def check(name: str, title: str, modes=("quick", "long"), budget=(120, 600), needs_pg=False, allows_5xx=False, cleanup=None):
    def deco(fn):
        CHECKS.append(Check(name, title, fn, tuple(modes), budget, needs_pg, allows_5xx, cleanup))
        return fn

    return deco


def on_final_cleanup(fn: Callable) -> Callable:
    _FINAL.append(fn)
    return fn


def final_cleanup(ctx) -> None:
    for fn in _FINAL:
        try:
            fn(ctx)
        except Exception as e:  # noqa: BLE001
            print(f"final cleanup {fn.__name__} failed: {e}", flush=True)


@dataclass
class Context:
    mode: str
    pg: bool
    known_bugs: list = field(default_factory=list)
    current: str = ""

    def n(self, quick, long):
        return quick if self.mode == "quick" else long

    def dbs(self) -> list[str]:
        return ["sqlite", "postgres"] if self.pg else ["sqlite"]

    def known_bug(self, check: str, bug_id: str, description: str, reproduced: bool, evidence: str = "", racy: bool = False) -> None:
        """A real server bug that this check found and that is reported to be fixed (KNOWN BUG). While it reproduces
        the check records it as an expected failure (`xfail`) and goes on; once a deterministic one stops
        reproducing the check fails (`xpass`) until the mark is removed. A racy one that did not show up this run
        is only noted (`not reproduced`)."""
        status = "xfail" if reproduced else ("not reproduced" if racy else "xpass")
        self.known_bugs.append({"check": check, "id": bug_id, "description": description, "status": status,
                                "evidence": evidence[:8000]})


__all__ = ["Check", "CHECKS", "Context", "Result", "Skip", "check", "on_final_cleanup", "final_cleanup"]
