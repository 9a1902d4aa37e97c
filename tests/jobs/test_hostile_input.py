"""Bad input to ingest, one case per test, each beside a good real document in the same run:
a clear one-line error with path and reason (nothing of the file stays), or the document is
ingested with its dangerous parts removed. Made from real files of ../shared where it can be."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actions.models import Action, Source, SourceFile
from tests.conftest import CORPUS, EO_13768_JSON, require_shared, seed

pytestmark = pytest.mark.django_db
FR_XML = CORPUS / "fr-eo-1994-2020" / "executive_orders" / "EO_13768.xml"


def _whitehouse_page() -> bytes:
    return seed("whitehouse_markdown").read_bytes()


def run(tmp_path, name: str, data: bytes) -> tuple[str, str]:
    """Ingest the bad file with a good one; (stderr, stdout)."""
    require_shared()
    good = tmp_path / "good.json"
    good.write_bytes(EO_13768_JSON.read_bytes())
    bad = tmp_path / name
    bad.write_bytes(data)
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", str(good), str(bad), stdout=out, stderr=err)
    except CommandError as failure:
        assert failure.returncode == 1
    assert Action.objects.filter(kind="executive_order", number="13768").exists()
    return err.getvalue(), out.getvalue()


def refused(tmp_path, name: str, data: bytes, reason: str) -> None:
    err, _ = run(tmp_path, name, data)
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: {tmp_path / name}: ") and reason in lines[0], lines[0]
    assert not Source.objects.filter(locator__contains=name).exists()
    assert not SourceFile.objects.filter(path__contains=name).exists()
    assert Action.objects.count() == 1


def _latin_1() -> bytes:
    return _whitehouse_page().decode("utf-8").encode("latin-1", errors="replace")


def _cut(path) -> bytes:
    data = path.read_bytes()
    return data[: len(data) // 2]


def _untitled() -> bytes:
    lines = _whitehouse_page().decode("utf-8").split("\n")
    return "\n".join(line for line in lines if not line.startswith("title:")).encode()


# (file name, its bytes, what the one-line error says)
REFUSED = [
    ("empty.md", lambda: b"", "empty file"),
    ("image.md", lambda: bytes(range(256)) * 40, "binary"),
    ("latin1.md", _latin_1, "not UTF-8"),
    ("cut.xml", lambda: _cut(FR_XML), "XML"),
    ("cut.json", lambda: _cut(EO_13768_JSON), "malformed JSON"),
    ("yaml.md", lambda: _whitehouse_page().replace(b"title:", b"title: [unclosed", 1), "YAML"),
    ("huge.md", lambda: b"word " * (10 * 1024 * 1024), "over the"),
    ("untitled.md", _untitled, "no title"),
    ("thing.csv", lambda: b"a,b,c\n1,2,3\n", "unknown format"),
]


@pytest.mark.parametrize(("name", "make", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_bad_file_is_refused_with_its_path_and_reason(tmp_path, name, make, reason):
    refused(tmp_path, name, make(), reason)


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    text = _whitehouse_page().decode("utf-8")
    err, _ = run(tmp_path, "utf16.md", text.encode("utf-16"))
    assert "error" not in err
    source = Source.objects.get(locator__endswith="utf16.md")
    assert source.title.startswith("Protecting the National Security")


def test_utf8_with_a_byte_order_mark_is_read(tmp_path):
    err, _ = run(tmp_path, "bom.md", b"\xef\xbb\xbf" + _whitehouse_page())
    assert "error" not in err and Source.objects.filter(locator__endswith="bom.md").exists()


def test_front_matter_with_wrong_types(tmp_path):
    page = _whitehouse_page().decode("utf-8")
    head, body = page.split("\n---", 1)
    wrong = "---\ntitle: [1, 2]\ndate: {when: never}\n" + "\n---" + body
    refused(tmp_path, "types.md", wrong.encode(), "title")
    dated = head.replace("date:", "date: [2026]\nold_date:", 1) + "\n---" + body
    refused(tmp_path, "dates.md", dated.encode(), "not a date")


def test_a_document_with_no_date_is_kept(tmp_path):
    """A whitehouse.gov page without its front-matter date is still a document: kept, its
    publication date unknown."""
    page = _whitehouse_page().decode("utf-8")
    lines = [line for line in page.split("\n") if not line.startswith("date:")]
    err, _ = run(tmp_path, "undated.md", "\n".join(lines).encode())
    assert "error" not in err, err
    source = Source.objects.get(locator__endswith="undated.md")
    assert source.published_on is None and source.action is not None
    assert source.action.title.startswith("Protecting the National Security")


def test_hostile_html_is_ingested_without_its_dangerous_parts(tmp_path):
    page = _whitehouse_page().decode("utf-8")
    head, body = page.split("\n---", 1)
    head = head.replace("source_url:", "source_url: javascript:alert(1)\nold_url:", 1)
    hostile_body = body.replace(
        "\n\n",
        "\n\n<script>window.__owned = 1; alert('x')</script>"
        '<img src=x onerror="alert(2)"> [click](javascript:alert(3)) '
        '<a href="javascript:alert(4)">here</a><style>body{display:none}</style>\n\n',
        2,
    )
    err, _ = run(tmp_path, "hostile.md", (head + "\n---" + hostile_body).encode())
    assert "error" not in err, err
    source = Source.objects.get(locator__endswith="hostile.md")
    for needle in ("alert", "<script", "onerror", "javascript:", "display:none", "__owned"):
        assert needle not in source.text, needle
    assert source.url == ""
    assert "click" in source.text and "here" in source.text  # the words of links stay
