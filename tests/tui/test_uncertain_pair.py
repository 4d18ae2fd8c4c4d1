"""The UI marks an uncertain pair in the annex switcher: '?' and the duties matched."""

from __future__ import annotations

from pathlib import Path

from ajdiff.api import compare_documents
from ajdiff.tui.annex_switcher import AnnexSwitcher
from ajdiff.tui.app import ReviewApp
from tests.conftest import seed_docs


async def test_an_uncertain_pair_is_marked_in_the_switcher(review_path: Path) -> None:
    docs = {d.annex: d for d in seed_docs("003")}
    result = compare_documents([docs["10"], docs["1"]], [docs["4"], docs["1"]])
    (doubtful,) = result.uncertain
    proof = doubtful.pairing
    app = ReviewApp(result, review_path)
    async with app.run_test(size=(160, 48)):
        switcher = app.query_one(AnnexSwitcher)
        prompts = {
            switcher.get_option_at_index(k).id: str(switcher.get_option_at_index(k).prompt)
            for k in range(switcher.option_count)
        }
        marked = [p for p in prompts.values() if " ? " in p]
        assert marked == [p for k, p in prompts.items() if k == f"pair-{result.pairs.index(doubtful)}"]
        # The post's own line carries the marker (the old post's name, when it differs, is on the next line).
    assert marked[0].splitlines()[0].endswith(f" ? {proof.duties_matched}/{max(proof.duties_old, proof.duties_new)}")
