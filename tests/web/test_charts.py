"""The SVG pictures: well-formed, accessible, one bar per year, lineage links both ways."""

from lxml import etree

from actions.web.charts import LineageNode, lineage, year_bars

SVG = "{http://www.w3.org/2000/svg}"


def test_year_bars_cover_empty_years_and_scale_to_the_peak():
    svg = etree.fromstring(year_bars({2017: 4, 2019: 8}, "Orders <per> year", "/s?year={year}"))
    bars = svg.findall(f".//{SVG}rect")
    assert [b.findtext(f"{SVG}title") for b in bars] == ["2017: 4", "2018: 0", "2019: 8"]
    heights = [float(b.get("height")) for b in bars]
    assert heights[1] == 0 and heights[2] == 2 * heights[0]
    assert svg.findtext(f"{SVG}title") == "Orders <per> year"
    links = [a.get("href") for a in svg.findall(f"{SVG}a")]
    assert links == ["/s?year=2017", "/s?year=2019"]  # empty years lead nowhere
    assert year_bars({}, "nothing") == ""


def test_lineage_draws_both_sides_with_links():
    earlier = [LineageNode("EO 13767", "Border Security", "/eo/13767", "amends")]
    later = [
        LineageNode("EO 13993", "Revision of Civil Immigration", "/eo/13993", "revoked by"),
        LineageNode("Memo", "not in the archive", None, "cited by"),
    ]
    svg = etree.fromstring(lineage(earlier, "EO 13768", later))
    assert [a.get("href") for a in svg.findall(f".//{SVG}a")] == ["/eo/13767", "/eo/13993"]
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "EO 13768" in texts and "revoked by EO 13993" in texts
    assert len(svg.findall(f"{SVG}line")) == 3
    assert lineage([], "EO 1", []) == ""


def test_a_lineage_of_many_draws_twelve_and_counts_them_all():
    """An order of 2025 acts on 72: the picture says 72 and draws 11 and a box for the rest."""
    from actions.web.charts import LINEAGE_SHOWN, LineageNode, lineage

    acted_on = [
        LineageNode(label=f"EO {13000 + n}", title="t", url=f"/eo/{13000 + n}", relation="revokes")
        for n in range(72)
    ]
    svg = lineage(acted_on, "EO 14148", [])
    assert "acts on 72, acted on by 0" in svg
    assert svg.count("<rect") == LINEAGE_SHOWN + 1  # the boxes and the action itself
    assert "61 more" in svg and 'href="#relations"' in svg


def test_presidency_labels_never_overlap():
    """Terms share the year one ends and the next begins: labels that would touch are left to
    the tooltip, on the archive's whole span of years."""
    import re

    from actions.extract.presidents import TERMS
    from actions.web.charts import LABEL_CHAR_W, year_bars

    bands = [(t.start.year, (t.end.year if t.end else 2026), t.name) for t in TERMS]
    svg = year_bars({year: 10 for year in range(1933, 2027)}, "per year", bands=bands)
    labels = re.findall(
        r'<text x="([\d.]+)" y="24" text-anchor="middle" font-size="9"[^>]*>([^<]+)<', svg
    )
    assert len(labels) >= 8
    extents = [
        (float(x) - len(s) * LABEL_CHAR_W / 2, float(x) + len(s) * LABEL_CHAR_W / 2)
        for x, s in labels
    ]
    for (_, right), (left, _) in zip(extents, extents[1:], strict=False):
        assert left >= right + 3
