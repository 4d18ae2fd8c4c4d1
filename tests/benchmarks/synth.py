"""Synthetic inputs for the benchmarks: long annexes built from the seed duties, and folders of pairs."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from ajdiff import text
from ajdiff.compare import align
from ajdiff.model import Duty
from ajdiff.read.parse import read_documents

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ORDER_000 = FIXTURES / "000_2e8e5e7caea51be0.txt"
ANNEX_001 = FIXTURES / "001_f0f3c421c69f98c0.txt"
ORDER_003 = FIXTURES / "003_e40249d3a3f17dad.txt"

_WORD = re.compile(r"[^\W\d_]{4,}")
_DUTIES_HEADING = "2. Peamised teenistusülesanded Oodatavad tulemused"
_REQUIREMENTS_HEADING = "3. Teenistuskoha täitjale esitatavad nõuded"


def cold_caches() -> None:
    """Forget every text memo, so a timed round costs what a fresh `ajdiff` process pays."""
    text.fold.cache_clear()
    text._char_counts.cache_clear()
    text._ASCII.clear()
    text._ASCII.update(text._ASCII_BLOCKS)  # a fresh process starts with the blocks of Estonian text
    text._RUNS.clear()
    align.sized_bag.cache_clear()


@dataclass(frozen=True)
class Template:
    """One annex of the register export cut around its duties, and the seed material to fill them."""

    head: list[str]
    tail: list[str]
    duties: list[Duty]
    vocabulary: list[str]


def annex_lines(path: Path, annex: str) -> list[str]:
    """The raw lines of one annex of an order, its approval block included."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.endswith(f"käskkirjaga nr 164 Lisa {annex}")) - 1
    stop = next(
        (i - 1 for i, ln in enumerate(lines) if i > start + 1 and re.search(r"käskkirjaga nr \d+ Lisa \d+$", ln)),
        len(lines),
    )
    return lines[start:stop]


def load_template() -> Template:
    """000 Lisa 2 as the frame; the duties of the civil-service seeds (000, 001, 003) as material."""
    lines = annex_lines(ORDER_000, "2")
    top = lines.index(_DUTIES_HEADING) + 1
    bottom = lines.index(_REQUIREMENTS_HEADING)
    duties = [d for path in (ORDER_000, ANNEX_001, ORDER_003) for doc in read_documents(path) for d in doc.duties]
    words = sorted({w.lower() for d in duties for w in _WORD.findall(" ".join((d.task, *d.results)))})
    return Template(lines[:top], lines[bottom:], duties, words)


def _vary(text: str, rng: random.Random, vocabulary: list[str], swaps: int) -> str:
    """Replace a few inner words (never the first, so no line turns into a label or heading)."""
    words = text.split(" ")
    inner = [k for k in range(1, len(words)) if _WORD.fullmatch(words[k])]
    for k in rng.sample(inner, min(swaps, len(inner))):
        words[k] = rng.choice(vocabulary)
    return " ".join(words)


def make_duties(template: Template, count: int, seed: int) -> list[tuple[str, list[str]]]:
    """`count` distinct duties of about 1 KB each: a seed task and the results of three seed duties."""
    rng = random.Random(seed)
    pool = template.duties
    out = []
    for k in range(count):
        task = _vary(pool[k % len(pool)].task, rng, template.vocabulary, 3)
        results = [r for j in range(3) for r in pool[(k + 7 * j + 1) % len(pool)].results]
        out.append((task, [_vary(r, rng, template.vocabulary, 1) for r in results]))
    return out


def annex_text(template: Template, duties: list[tuple[str, list[str]]]) -> str:
    """The register-export text of one annex with these duties, numbered 2.1, 2.2 …"""
    body = []
    for k, (task, results) in enumerate(duties, start=1):
        body.append(f"2.{k}. {task}")
        body.extend(results)
    return "\n".join([*template.head, *body, *template.tail]) + "\n"


def edit(
    template: Template, duties: list[tuple[str, list[str]]], seed: int, each: int = 2
) -> list[tuple[str, list[str]]]:
    """A new version: `each` duties removed, inserted and reworded (a few, whatever the size)."""
    rng = random.Random(seed)
    new = list(duties)
    for _ in range(each):
        del new[rng.randrange(len(new))]
    for task, results in make_duties(template, each, seed + 1000):
        new.insert(rng.randrange(len(new) + 1), (_vary(task, rng, template.vocabulary, 6), results[:2]))
    for _ in range(each):
        k = rng.randrange(len(new))
        task, results = new[k]
        new[k] = (task.replace(" ja ", " ning ", 1) if " ja " in task else task + " Lisaks aruandlus.", results)
    return new


def _vary_head(template: Template, rng: random.Random) -> list[str]:
    """The annex head with its own post, unit and goal; labels untouched so the parse stays the same."""
    head = []
    for line in template.head:
        if line.startswith("Teenistuskoht "):
            line = f"Teenistuskoht {rng.choice(template.vocabulary).capitalize()} ({rng.choice(template.vocabulary)})"
        elif line.startswith(("Struktuuriüksus ", "Teenistuskoha eesmärk ")):
            label, _, value = line.partition(" ") if line.startswith("S") else ("Teenistuskoha eesmärk", "", line[22:])
            line = f"{label} {_vary(value, rng, template.vocabulary, 4)}"
        head.append(line)
    return head


def write_batch(template: Template, old_dir: Path, new_dir: Path, pairs: int, seed: int = 7) -> None:
    """`pairs` annex files in each folder, same names; every post distinct, every new one lightly edited."""
    old_dir.mkdir(parents=True, exist_ok=True)
    new_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for k in range(pairs):
        duties = make_duties(template, 6 + k % 7, seed=seed * 100_003 + k)
        rng.shuffle(duties)
        frame = Template(_vary_head(template, rng), template.tail, template.duties, template.vocabulary)
        name = f"annex_{k:04d}.txt"
        (old_dir / name).write_text(annex_text(frame, duties), encoding="utf-8")
        (new_dir / name).write_text(annex_text(frame, edit(template, duties, seed + k, each=1)), encoding="utf-8")


# An agency: many posts share a name ("Peaspetsialist" dozens of times in one department).
_TITLES = (
    "Peaspetsialist",
    "Peaspetsialist",
    "Peaspetsialist",
    "Juhtivspetsialist",
    "Juhtivspetsialist",
    "Ekspert",
    "Nõunik",
    "Spetsialist",
    "Jurist",
    "Analüütik",
    "Talituse juhataja",
)


@dataclass(frozen=True)
class Post:
    """One post of a generated agency: its name, unit and duties."""

    position: str
    unit: str
    goal: str
    duties: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Agency:
    """Two generated folders and the generator's truth: which old file is which new file."""

    old_dir: Path
    new_dir: Path
    truth: dict[str, str]
    """Old file name -> new file name, for every post kept (renamed, moved or reworded)."""
    abolished: frozenset[str]
    created: frozenset[str]


def _agency_text(template: Template, post: Post) -> str:
    head = []
    for line in template.head:
        if line.startswith("Teenistuskoht "):
            line = f"Teenistuskoht {post.position}"
        elif line.startswith("Struktuuriüksus "):
            line = f"Struktuuriüksus {post.unit}"
        elif line.startswith("Teenistuskoha eesmärk "):
            line = f"Teenistuskoha eesmärk {post.goal}"
        head.append(line)
    return annex_text(Template(head, template.tail, template.duties, template.vocabulary), list(post.duties))


def _new_post(template: Template, rng: random.Random, units: list[str]) -> Post:
    pool, vocabulary = template.duties, template.vocabulary
    title = rng.choice(_TITLES)
    if rng.random() < 0.4:
        title += f" ({rng.choice(vocabulary)})"
    duties = []
    for i in rng.sample(range(len(pool)), rng.randint(6, 12)):
        task = _vary(pool[i].task, rng, vocabulary, 3)
        results = [_vary(r, rng, vocabulary, 1) for r in (*pool[i].results, *pool[(i + 7) % len(pool)].results)]
        duties.append((task, tuple(results)))
    goal_line = next(ln for ln in template.head if ln.startswith("Teenistuskoha eesmärk "))
    goal = _vary(goal_line.removeprefix("Teenistuskoha eesmärk "), rng, vocabulary, 6)
    return Post(title, rng.choice(units), goal, tuple(duties))


def _revise(template: Template, post: Post, rng: random.Random, units: list[str]) -> Post:
    """The new version of a kept post: duties removed, inserted and reworded; sometimes renamed or moved."""
    duties = [(task, list(results)) for task, results in post.duties]
    new = edit(template, duties, seed=rng.randrange(1 << 30), each=1)
    for _ in range(2):  # reword: a few words of a task and a result change
        k = rng.randrange(len(new))
        task, results = new[k]
        new[k] = (_vary(task, rng, template.vocabulary, 2), [_vary(r, rng, template.vocabulary, 1) for r in results])
    position, unit = post.position, post.unit
    if rng.random() < 0.1:  # renamed post
        position = f"{rng.choice(_TITLES)} ({rng.choice(template.vocabulary)})"
    if rng.random() < 0.1:  # moved to another unit
        unit = rng.choice(units)
    goal = _vary(post.goal, rng, template.vocabulary, 2)
    return Post(position, unit, goal, tuple((t, tuple(r)) for t, r in new))


def write_agency(template: Template, root: Path, posts: int, seed: int = 11) -> Agency:
    """`posts` job descriptions a side: ~10 % abolished, ~10 % created, the rest revised.

    About 25 posts per unit and a handful of titles, so dozens of posts share a name; file names
    are shuffled on each side, so only the content can pair them.
    """
    rng = random.Random(seed)
    vocabulary = template.vocabulary
    units = sorted(
        {
            f"{rng.choice(vocabulary).capitalize()} osakond, {rng.choice(vocabulary)} talitus"
            for _ in range(posts // 25 + 1)
        }
    )
    old_posts = [_new_post(template, rng, units) for _ in range(posts)]
    kept = [k for k in range(posts) if rng.random() >= 0.1]
    abolished_ids = sorted(set(range(posts)) - set(kept))
    new_posts = [(k, _revise(template, old_posts[k], rng, units)) for k in kept]
    new_posts += [(None, _new_post(template, rng, units)) for _ in range(posts - len(kept))]
    old_names = [f"post_{n:05d}.txt" for n in rng.sample(range(posts), posts)]
    new_names = [f"post_{n:05d}.txt" for n in rng.sample(range(len(new_posts)), len(new_posts))]
    old_dir, new_dir = root / "old", root / "new"
    old_dir.mkdir(parents=True, exist_ok=True)
    new_dir.mkdir(parents=True, exist_ok=True)
    for name, post in zip(old_names, old_posts):
        (old_dir / name).write_text(_agency_text(template, post), encoding="utf-8")
    truth, created = {}, set()
    for name, (k, post) in zip(new_names, new_posts):
        (new_dir / name).write_text(_agency_text(template, post), encoding="utf-8")
        if k is None:
            created.add(name)
        else:
            truth[old_names[k]] = name
    (root / "truth.json").write_text(json.dumps(truth, indent=0), encoding="utf-8")
    return Agency(old_dir, new_dir, truth, frozenset(old_names[k] for k in abolished_ids), frozenset(created))
