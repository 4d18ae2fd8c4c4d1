"""The HTML report: every change of the JSON report is on the page with its words, and nothing in a
document becomes markup, a script or a request."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from ajdiff.api import compare_documents, compare_files
from ajdiff.changes import ComparisonSet
from ajdiff.render.html import CSP, CSS, diff_html
from ajdiff.render.json import diff_json
from tests.benchmarks.synth import load_template, write_agency
from tests.conftest import SEEDS, seed_docs
from tests.redline.support import ORDER_PAIRS, REAL_PAIRS, real_result
from tests.test_cli import run


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _side(words: lxml_html.HtmlElement, drop: str) -> str:
    """The words of one side of a rendered change: the page's text without the other side's marks."""
    copy = lxml_html.fromstring(lxml_html.tostring(words, encoding="unicode"))
    for gone in copy.xpath(f"//{drop} | //span[@class='to']"):
        gone.drop_tree()
    return _norm(copy.text_content())


def _shown(item: lxml_html.HtmlElement) -> tuple[str, str, str]:
    """A rendered change as (its heading, the old words, the new words): the struck and the underlined
    words read apart; a change shown once (moved word for word) gives the same text twice."""
    (words,) = item.xpath("./p[@class='words']")
    head = _norm(item.xpath("./p[@class='what']/span[@class='label']")[0].text_content())
    kind = item.get("class").split()[1]
    old = "" if kind == "added" else _side(words, "ins")
    new = "" if kind == "removed" else _side(words, "del")
    return head, old, new


def _expected(change: dict[str, object]) -> tuple[str, str, str]:
    old, new = _norm(str(change["old"] or "")), _norm(str(change["new"] or ""))
    return str(change["label"]), old, new


def _check_changes(items: list[lxml_html.HtmlElement], changes: list[dict[str, object]], where: str) -> None:
    """Each change of the JSON is one list item, with its label and its old and new words (struck and
    underlined apart), and the page shows nothing else."""
    shown = sorted(_shown(item) for item in items)
    expected = sorted(_expected(c) for c in changes)
    assert len(shown) == len(expected), where
    for (head, old, new), (label, want_old, want_new) in zip(shown, expected):
        assert head == label, (where, head, label)
        if want_old and want_new and old == new:  # moved or renumbered word for word: shown once
            assert old == want_new, (where, head)
        else:
            assert (old, new) == (want_old, want_new), (where, head)


def _every_change_on_the_page(result: ComparisonSet, lang: str = "et") -> lxml_html.HtmlElement:
    page = lxml_html.document_fromstring(diff_html(result, lang=lang))
    data = json.loads(diff_json(result, lang=lang))
    for k, pair in enumerate(data["pairs"], 1):
        (section,) = page.xpath(f"//section[@id='pair-{k}']")
        items = section.xpath(".//li[contains(concat(' ', @class, ' '), ' change ')]")
        _check_changes(items, pair["changes"], f"pair {k}")
        # Substantive changes are in the open; editorial ones are folded behind a <details>.
        folded = section.xpath(".//details//li[contains(@class, 'change')]")
        assert len(folded) == pair["summary"]["editorial"]
    if data["order_changes"]:
        items = page.xpath("//section[@id='order']//li[contains(@class, 'change')]")
        _check_changes(items, data["order_changes"], "order")
    for kind, docs in (("created", result.unpaired_new), ("abolished", result.unpaired_old)):
        for k, doc in enumerate(docs, 1):
            (post,) = page.xpath(f"//article[@id='{kind}-{k}']")
            text = _norm(post.text_content())
            assert _norm(doc.general.position) in text
            for duty in doc.duties:  # the whole text: every duty and its results
                assert _norm(duty.task) in text and all(_norm(r) in text for r in duty.results)
    return page


def test_a_seed_pair_is_on_the_page_change_by_change() -> None:
    result = compare_files(SEEDS["001"], SEEDS["000"], new_annex="2")
    page = _every_change_on_the_page(result)
    assert page.xpath("//section[@id='pair-1']//h3/text()") == ["Üldosa", "Teenistusülesanded", "Nõuded"]
    # One pair: no table of contents.
    assert not page.xpath("//nav")


def test_the_two_seed_orders_with_their_own_changes_and_posts_created_and_abolished() -> None:
    result = compare_files(SEEDS["000"], SEEDS["003"], pair=["1=1", "2=4"])
    page = _every_change_on_the_page(result, lang="en")
    header = _norm(page.xpath("//header")[0].text_content())
    assert "000_2e8e5e7caea51be0.txt · order nr 164, 2024-11-15 · annexes 1, 2, 3, 4, 5, 6, 7" in header
    assert "003_e40249d3a3f17dad.txt · order nr 1, 2026-01-07 · annexes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11" in header
    assert "2 pairs, 106 substantive (high impact 43), 2 editorial, 9 posts created, 5 posts abolished" in header
    # The contents: a row per pair as --stat counts it, linked to the pair; the posts linked to theirs.
    rows = page.xpath("//nav[@id='contents']//tbody/tr")
    assert [" ".join(_norm(cell.text_content()) for cell in r) for r in rows] == [
        "1 Annex 1 · Talituse juhataja → Annex 1 · Talituse juhataja 54 19 +21 −19 ~14 2",
        "2 Annex 2 · Ekspert (kriisivalmidus) → Annex 4 · Ekspert (suurkriisid) 52 24 +21 −19 ~12 0",
    ]
    ids = set(page.xpath("//@id"))
    targets = [h[1:] for h in page.xpath("//a/@href")]
    assert len(targets) > 16 and all(t in ids for t in targets)
    # "High-impact changes" first, with the sentences the text report says; then section by section.
    (pair,) = page.xpath("//section[@id='pair-1']")
    assert pair.xpath(".//h3/text()")[:2] == ["High-impact changes", "General"]
    assert _norm(pair.xpath(".//section[1]/ul/li[1]")[0].text_content()) == (
        "Supervisor: „Osakonna juhataja” → „Ohvriabi osakonna juhataja”"
    )
    facts = " ".join(_norm(e.text_content()) for e in pair.xpath("./dl/*"))
    assert "Similarity 45%" in facts and "Unit Sotsiaalhoolekande toimepidevuse osakond" in facts
    order = _norm(page.xpath("//section[@id='order']")[0].text_content())
    assert "Entry into force — modified" in order and "Repealed — added" in order
    assert len(page.xpath("//section[@id='created']/article")) == 9
    # The whole text as written: the approval block once (the title node's text is its paragraphs' text).
    for post in page.xpath("//section[@id='created']/article"):
        assert post.text_content().count("KINNITATUD") == 1
    assert len(page.xpath("//section[@id='abolished']/article")) == 5


def test_a_folder_of_posts() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        agency = write_agency(load_template(), Path(tmp), 12, seed=3)
        result = compare_files(agency.old_dir, agency.new_dir)
        page = _every_change_on_the_page(result)
    assert len(page.xpath("//nav//tbody/tr")) == len(result.pairs) > 5
    header = _norm(page.xpath("//header")[0].text_content())
    old_files = {p.old.source for p in result.pairs} | {d.source for d in result.unpaired_old}
    assert f"old · käskkiri nr 164, 2024-11-15 · {len(old_files)} faili Uus" in header


def test_an_uncertain_pair_is_flagged_with_its_evidence() -> None:
    docs = {d.annex: d for d in seed_docs("003")}
    result = compare_documents([docs["10"], docs["1"]], [docs["4"], docs["1"]])
    page = lxml_html.document_fromstring(diff_html(result, lang="en"))
    (doubt,) = page.xpath("//div[@class='uncertain']")
    pair = doubt.getparent()
    assert pair.get("id") == "pair-1" and "Annex 10" in pair.xpath("./h2")[0].text_content()
    proof = result.uncertain[0].pairing
    assert proof is not None
    assert f"? Uncertain pair: score {proof.score:.2f} · {proof.duties_matched} of" in _norm(doubt.text_content())
    assert "different position" in doubt.text_content()
    (row,) = [r for r in page.xpath("//nav//tbody/tr") if "Uncertain pair" in r.text_content()]
    assert "Annex 10" in row.text_content()


def _hostile(tmp_path: Path) -> Path:
    """Seed 001 with markup in its post name, a duty and a heading of a section of its own."""
    text = SEEDS["001"].read_text(encoding="utf-8")
    text = text.replace("Teenistuskoht Ekspert (kriisivalmidus)", "Teenistuskoht Ekspert <script>alert(1)</script>")
    text = text.replace(
        "4. Õigused ja vastutus",
        "4. Valve | öö <b>paks</b>\n4.1. Valve kestab & rohkem | <img src=x onerror=alert(2)>.\n"
        "4.2. Valvet ei ole.\n\n5. Õigused ja vastutus",
    )
    text = text.replace("2.1. Riigi, partnerasutuste", "2.1. <b>Riigi</b>, partnerasutuste")
    new = tmp_path / "hostile.txt"
    new.write_text(text, encoding="utf-8")
    return new


def test_hostile_words_stay_text(tmp_path: Path) -> None:
    result = compare_files(SEEDS["001"], _hostile(tmp_path))
    page = lxml_html.document_fromstring(diff_html(result))
    # The page's only elements are its own: none of the document's tags became one.
    assert not page.xpath("//body//script | //body//b | //body//img | //style[not(parent::head)]")
    assert not [a for e in page.iter() for a in e.attrib if a.startswith("on")]
    heads = [_norm(e.text_content()) for e in page.xpath("//p[@class='what']")]
    assert "Valve | öö <b>paks</b> — lisandus" in heads
    assert "Ekspert <script>alert(1)</script>" in _norm(page.xpath("//h2")[0].text_content())
    words = _norm(page.xpath("//li[p[@class='what'][starts-with(., 'Valve')]]/p[@class='words']")[0].text_content())
    assert words == "Valve kestab & rohkem | <img src=x onerror=alert(2)>. Valvet ei ole."
    _every_change_on_the_page(result)


def test_the_page_is_self_contained_and_allows_no_script() -> None:
    text = diff_html(compare_files(SEEDS["000"], SEEDS["003"], pair=["1=1", "2=4"]))
    page = lxml_html.document_fromstring(text)
    (policy,) = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy == CSP and "script-src 'none'" in policy and "default-src 'none'" in policy
    # The one stylesheet is allowed by its hash: exactly the text between <style> and </style>.
    (style,) = page.xpath("//style")
    digest = base64.b64encode(hashlib.sha256(style.text.encode()).digest()).decode()
    assert style.text == CSS and f"'sha256-{digest}'" in policy
    assert not page.xpath("//script | //link | //iframe | //object | //img | //@src | //@style")
    assert all(h.startswith("#") for h in page.xpath("//@href"))
    assert "url(" not in CSS and "@import" not in CSS and "http" not in CSS


def test_headings_language_and_keyboard() -> None:
    result = compare_files(SEEDS["000"], SEEDS["003"], pair=["1=1", "2=4"])
    for lang, other in (("et", "High-impact changes"), ("en", "Olulised muudatused")):
        page = lxml_html.document_fromstring(diff_html(result, lang=lang))
        assert page.get("lang") == lang and other not in page.text_content()
        levels = [int(e.tag[1]) for e in page.iter("h1", "h2", "h3", "h4")]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))  # no level skipped
        # Keyboard: the first element to tab to skips to the changes; toggles are <summary>s, links <a href>.
        first = page.xpath("//body/*[1]")[0]
        assert first.tag == "a" and first.get("href") == "#main" and page.xpath("//main[@id='main']")
        assert not page.xpath("//@tabindex")


def _luminance(colour: str) -> float:
    channels = [int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _rule(selector: str) -> dict[str, str]:
    body = re.findall(r"(?:^|\})" + re.escape(selector) + r"\{([^}]*)\}", CSS, re.M)[0]  # the screen's rule
    return dict(d.split(":", 1) for d in body.split(";") if ":" in d)


@pytest.mark.parametrize(
    ("selector", "background"),
    [("body", None), ("del", None), ("ins", None), (".uncertain", None), ("a", "#ffffff"), (".tag.high", "#ffffff")],
)
def test_text_colours_meet_wcag_aa(selector: str, background: str | None) -> None:
    rule = _rule(selector)
    assert _contrast(rule["color"], background or rule["background"]) >= 4.5


def test_the_command_writes_the_page_to_a_file_and_utf8_to_any_stdout(capsys, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, out, _ = run(capsys, "diff", SEEDS["001"], SEEDS["000"], "--new-annex", "2", "--format", "html", "-o", target)
    assert code == 1 and out == ""
    page = lxml_html.document_fromstring(target.read_text(encoding="utf-8"))
    assert "Ekspert (kriisivalmidus)" in page.xpath("//h2")[0].text_content()


def test_html_on_an_ascii_standard_output_is_still_utf8() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "ajdiff",
            "diff",
            str(SEEDS["001"]),
            str(SEEDS["000"]),
            "--new-annex",
            "2",
            "--format",
            "html",
            "--lang",
            "et",
        ],
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert out.returncode == 1, out.stderr
    text = out.stdout.decode("utf-8")
    assert '<meta charset="utf-8">' in text and "Üldosa" in text


def test_the_help_teaches_the_new_formats(capsys) -> None:
    code, out, _ = run(capsys, "diff", "--help")
    flat = " ".join(out.split())  # argparse wraps to the terminal width
    assert code == 0 and "{text,json,markdown,html,csv,jsonl}" in flat
    assert "html, one self-contained page to open in a browser, attach to an e-mail or print" in flat
    assert "csv, a row per change for a spreadsheet (UTF-8 with a byte order mark, for Excel)" in flat
    assert "ajdiff diff a.txt b.txt --format html -o report.html" in out
    assert "ajdiff diff old/ new/ --format csv -o changes.csv" in out


@pytest.mark.parametrize("name", sorted(REAL_PAIRS))
def test_every_real_seed_pair(name: str) -> None:
    _every_change_on_the_page(real_result(name), lang="en")


def test_the_two_orders_with_four_pairs_made_by_hand() -> None:
    _every_change_on_the_page(compare_files(SEEDS["000"], SEEDS["003"], pair=list(ORDER_PAIRS)))


def external_folders(root: Path) -> tuple[Path, Path]:
    """Two folders of real documents nobody on the project wrote: of each body with two or more in
    fixtures/external, the first on the old side and the second on the new."""
    from itertools import groupby

    from tests.conftest import FIXTURES

    old, new = root / "old", root / "new"
    old.mkdir()
    new.mkdir()
    files = sorted((FIXTURES / "external").glob("*.txt"))
    for _, group in groupby(files, key=lambda p: p.name.split("_")[0]):
        docs = list(group)
        if len(docs) >= 2:
            shutil.copy(docs[0], old / docs[0].name)
            shutil.copy(docs[1], new / docs[1].name)
    return old, new


def test_a_folder_of_real_documents(tmp_path: Path) -> None:
    old, new = external_folders(tmp_path)
    result = compare_files(old, new)
    # The nine bodies with two documents or more (Eesti Keele Instituut the ninth): each old one paired or
    # left unpaired, none lost.
    assert len(result.pairs) + len(result.unpaired_old) == len(list(old.glob("*.txt"))) == 9
    page = _every_change_on_the_page(result)
    assert len(page.xpath("//nav//tbody/tr")) == len(result.pairs)


def test_all_opens_the_editorial_changes() -> None:
    result = compare_files(SEEDS["001"], SEEDS["000"], new_annex="2")
    folded = lxml_html.document_fromstring(diff_html(result))
    opened = lxml_html.document_fromstring(diff_html(result, show_all=True))
    assert ["open" in d.attrib for d in folded.xpath("//details")] == [False]
    assert ["open" in d.attrib for d in opened.xpath("//details")] == [True]
    summary = folded.xpath("//details/summary")[0].text_content()
    assert summary == f"Toimetuslikud muudatused ({len(result.pairs[0].editorial)})" == "Toimetuslikud muudatused (2)"


@pytest.mark.parametrize(("lang", "said"), [("et", "kustutatud tekst algab"), ("en", "insertion end")])
def test_a_screen_reader_is_told_where_deleted_and_inserted_words_start_and_end(lang: str, said: str) -> None:
    # Many screen readers say nothing for <del> and <ins>: the stylesheet gives them words, hidden from sight.
    tag = "del" if "kustutatud" in said or "deletion" in said else "ins"
    edge = "before" if said.endswith(("algab", "start")) else "after"
    assert f'html:lang({lang}) {tag}::{edge}{{content:" [{said}] "}}' in CSS
    hidden = _rule("del::before,del::after,ins::before,ins::after")
    assert hidden["position"] == "absolute" and hidden["clip-path"] == "inset(100%)"
