"""The layout holds: outputs read through QuerySet methods, pure packages stay pure.

Ruff's banned-api keeps aggregate functions out of the web and API packages and import-linter
keeps the layers (both in `make lint`); what neither can see, a method call, is checked here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "actions"
OUTPUT_PACKAGES = ["web", "api", "templatetags"]
# Counting, annotating and ordering by date belong to actions/querysets.py.
BANNED_METHODS = {"annotate", "aggregate"}


def output_modules() -> list[Path]:
    return sorted(p for package in OUTPUT_PACKAGES for p in (ROOT / package).rglob("*.py"))


def banned_calls(source: str) -> list[str]:
    """`.annotate(` and `.aggregate(` calls, and date orderings written out by hand."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = node.func.attr
        if name in BANNED_METHODS:
            found.append(f"line {node.lineno}: .{name}(")
        args = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if name == "order_by" and "-signed_on" in args:
            found.append(f"line {node.lineno}: order_by('-signed_on'): use .newest()")
    return found


@pytest.mark.parametrize("path", output_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_outputs_read_through_queryset_methods(path: Path):
    assert banned_calls(path.read_text()) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Action.objects.annotate(n=1)", ["line 1: .annotate("]),
        ("qs.values('kind').aggregate(m=x)", ["line 1: .aggregate("]),
        ("qs.order_by('-signed_on', '-id')", ["line 1: order_by('-signed_on'): use .newest()"]),
        ("Action.objects.newest().kind_counts()", []),
    ],
)
def test_the_check_sees_what_it_bans(source: str, expected: list[str]):
    assert banned_calls(source) == expected
