"""The citation policy: every source is an official instrument, an official site, a named news
agency or newspaper, or the labelled transcription of the standard, at a host on the allow-list
kept beside the data; the MRA partners are those of the GACC announcements."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from aeo_check.catalogue.extras import load_extras
from aeo_check.files.sourcefile import read_file

ROOT = Path(__file__).resolve().parents[2]
HOSTS = read_file(ROOT / "questionnaires" / "source_hosts.yaml").data["hosts"]


@pytest.fixture(scope="module")
def extras(cat):
    return load_extras(cat)


def _allowed_kinds(host: str) -> list[str]:
    for domain, kinds in HOSTS.items():
        if host == domain or host.endswith("." + domain):
            return kinds
    return []


def test_every_source_address_is_on_the_allow_list_for_its_kind(extras):
    for code, s in extras.sources.items():
        if s.url:
            host = urlsplit(s.url).hostname or ""
            assert s.kind in _allowed_kinds(host), (code, host, s.kind)


def test_instruments_name_issuer_number_and_date(extras):
    instruments = {c: s for c, s in extras.sources.items() if s.kind == "instrument"}
    assert {"ANN34", "O251", "O282", "A25N160"} <= set(instruments)
    for code, s in instruments.items():
        assert s.issuer and s.number and (s.date or s.year), code


def test_news_is_cited_by_name_without_a_reprint_address(extras):
    xh = extras.sources["XH"]
    assert xh.kind == "news" and xh.url is None and "Xinhua" in xh.title.get("en")


def test_no_aggregator_host_left(extras):
    hosts = {urlsplit(s.url).hostname for s in extras.sources.values() if s.url}
    for bad in ("wap.58188.com", "ssopdot.com", "www.unwq.cn", "waytogo.com.cn", "m.zsyuequn.com",
                "www.law-lib.com", "www.163.com", "reportify.ai", "m.etongguan.com"):
        assert bad not in hosts


# implementation date and GACC announcement of each partner (reference addendum of 2026-12-07)
ANNOUNCED = {
    "uae": (dt.date(2022, 2, 14), "2022 No. 16"),
    "new_zealand": (dt.date(2017, 7, 1), "2017 No. 23"),
    "israel": (dt.date(2018, 10, 1), "2018 No. 116"),
    "australia": (dt.date(2023, 12, 14), "2023 No. 177"),
    "uganda": (dt.date(2023, 6, 1), "2023 No. 45"),
    "uruguay": (dt.date(2022, 1, 26), "2022 No. 6"),
    "belarus": (dt.date(2019, 7, 24), "2019 No. 101"),
    "macao": (dt.date(2023, 6, 1), "2023 No. 49"),
    "thailand": (dt.date(2025, 8, 1), "2025 No. 160"),
    "chile": (dt.date(2021, 10, 8), "2021 No. 74"),  # the first implemented in South America
}


@pytest.mark.parametrize("market", sorted(ANNOUNCED))
def test_partner_implemented_on_the_date_of_its_announcement(extras, market):
    m = extras.benefits.markets[market]
    since, number = ANNOUNCED[market]
    assert (m.status, m.since, m.announcement, m.tiers) == ("implemented", since, number, ["advanced"])
    assert [extras.sources[c].number for c in m.source] == [number]


def test_every_recognising_market_is_cited_or_marked_as_assumed(extras, cat):
    q = cat.questions["main_export_markets"]
    assert {c.value for c in cat.choices_of(q)} == set(extras.benefits.markets)
    for key, m in extras.benefits.markets.items():
        if m.status != "not_listed":
            assert bool(m.source) != bool(m.assumption), key
        if m.status == "implemented":
            assert m.tiers == ["advanced"], key
