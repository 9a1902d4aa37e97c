"""Links computed from the text: related actions and commentary, with their reasons."""

import pytest

from actions.models import Commentary, Relation

pytestmark = pytest.mark.django_db


def test_the_two_orders_are_related_both_ways_with_a_reason(eo):
    a, b = eo("14385"), eo("13768")
    forward = Relation.objects.get(kind="related", source=a, target=b)
    backward = Relation.objects.get(kind="related", source=b, target=a)
    for relation in (forward, backward):
        assert "Department of Homeland Security" in relation.evidence
        assert "shared terms" in relation.evidence


def test_news_article_links_to_the_order_whose_title_it_quotes(eo):
    article = Commentary.objects.get(text__contains="is titled")
    links = {link.action.number: link.evidence for link in article.links.all()}
    assert links == {"14385": "quotes the order's title"}


def test_advocacy_page_links_to_the_order_it_discusses(eo):
    page = Commentary.objects.get(text__contains="287(g)")
    links = list(page.links.all())
    assert [link.action.number for link in links] == ["13768"]
    assert "Secure Communities" in links[0].evidence and "287(g)" in links[0].evidence
