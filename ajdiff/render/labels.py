"""Human names of sections, fields and changes, in Estonian and English."""

from __future__ import annotations

from ajdiff.changes import Change, ChangeKind

LANGS = ("et", "en")

_FIELD_NAMES: dict[str, tuple[str, str]] = {
    "general": ("Üldosa", "General"),
    "general.position": ("Teenistuskoht", "Position"),
    "general.unit": ("Struktuuriüksus", "Unit"),
    "general.supervisor": ("Vahetu juht", "Supervisor"),
    "general.subordinates": ("Alluvad", "Subordinates"),
    "general.substitutes_for": ("Teenistuja asendab", "Substitutes for"),
    "general.substituted_by": ("Teenistuja asendaja", "Substituted by"),
    "general.goal": ("Teenistuskoha eesmärk", "Goal of the post"),
    "general.group": ("Ametikoha grupp", "Post group"),
    "general.special_conditions": ("Eritingimused", "Special conditions"),
    "duties": ("Teenistusülesanded", "Duties"),
    "requirements": ("Nõuded", "Requirements"),
    "requirements.education": ("Haridus", "Education"),
    "requirements.experience": ("Töökogemus", "Experience"),
    "requirements.experience_years": ("Töökogemus (aastat)", "Experience (years)"),
    "requirements.languages": ("Keeleoskus", "Languages"),
    "requirements.knowledge": ("Teadmised ja oskused", "Knowledge and skills"),
    "requirements.qualities": ("Isikuomadused", "Personal qualities"),
    "rights": ("Õigused", "Rights"),
    "responsibilities": ("Vastutus", "Responsibilities"),
    "competencies": ("Kompetentsid", "Competencies"),
    "review": ("Ametijuhendi ülevaatamine", "Review of the job description"),
    "other": ("Muu", "Other"),
    "order": ("Käskkiri", "Order"),
    "order.title": ("Käskkirja pealkiri", "Title of the order"),
    "order.annexes": ("Kinnitatavad ametijuhendid", "Job descriptions approved"),
    "order.repeals": ("Kehtetuks tunnistatakse", "Repealed"),
    "order.effective": ("Jõustumine", "Entry into force"),
}

SECTION_ORDER = ("general", "duties", "requirements", "rights", "responsibilities", "competencies", "review", "other")

# Language codes in the genitive, as the sentences need them ("inglise keele nõue").
_LANGUAGE_NAMES: dict[str, tuple[str, str]] = {
    "et": ("eesti", "Estonian"),
    "en": ("inglise", "English"),
    "ru": ("vene", "Russian"),
    "de": ("saksa", "German"),
    "fi": ("soome", "Finnish"),
    "fr": ("prantsuse", "French"),
    "sv": ("rootsi", "Swedish"),
    "lv": ("läti", "Latvian"),
    "lt": ("leedu", "Lithuanian"),
    "es": ("hispaania", "Spanish"),
    "it": ("itaalia", "Italian"),
    "uk": ("ukraina", "Ukrainian"),
    "pl": ("poola", "Polish"),
    "foreign": ("võõr", "foreign"),
}

_KIND_NAMES: dict[ChangeKind, tuple[str, str]] = {
    ChangeKind.ADDED: ("lisandus", "added"),
    ChangeKind.REMOVED: ("eemaldati", "removed"),
    ChangeKind.MODIFIED: ("muudeti", "modified"),
    ChangeKind.MOVED: ("tõsteti ümber", "moved"),
    ChangeKind.RENUMBERED: ("ümber nummerdatud", "renumbered"),
    ChangeKind.MERGED: ("liideti", "merged"),
    ChangeKind.SPLIT: ("jagati", "split"),
    ChangeKind.RAISED: ("tõstetud", "raised"),
    ChangeKind.LOWERED: ("langetatud", "lowered"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def language_name(code: str, lang: str = "et") -> str:
    """'inglise' / 'English' for 'en'; alternatives 'de|ru' as 'saksa või vene'."""
    names = [_pick(_LANGUAGE_NAMES.get(c, (c, c)), lang) for c in code.split("|")]
    return (" or " if lang == "en" else " või ").join(names)


def kind_name(kind: ChangeKind, lang: str = "et") -> str:
    """The kind of a change in words."""
    return _pick(_KIND_NAMES[kind], lang)


def section_name(section: str, lang: str = "et") -> str:
    """The name of a top-level section ('duties' → 'Teenistusülesanded')."""
    return _pick(_FIELD_NAMES.get(section, (section, section)), lang)


def path_label(path: str, lang: str = "et") -> str:
    """A short title of the unit a path names: 'Ülesanne 2.7', 'Keeleoskus: inglise' …"""
    parts = path.split(".")
    if parts[0] == "duties" and len(parts) >= 3:
        number = ".".join(p for p in parts[1:] if p != "results")
        if parts[-1] == "results":
            return f"{'Results of duty' if lang == 'en' else 'Ülesande tulemused'} {number}"
        return f"{'Duty' if lang == 'en' else 'Ülesanne'} {number}"
    if path.startswith("requirements.languages."):
        code = path.rsplit(".", 1)[1]
        # 'võõr' is a prefix, not a word: on its own it is 'võõrkeel'.
        name = "võõrkeel" if code == "foreign" and lang != "en" else language_name(code, lang)
        return f"{_pick(_FIELD_NAMES['requirements.languages'], lang)}: {name}"
    if path in _FIELD_NAMES:
        return _pick(_FIELD_NAMES[path], lang)
    head, _, slug = path.partition(".")
    base = _pick(_FIELD_NAMES.get(head, (head, head)), lang)
    if not slug:
        return base
    from ajdiff.read.lexicon import restore_text  # slugs are folded to ASCII: give the words their letters back

    return f"{base}: {restore_text(slug.replace('_', ' '))}"


def _short(text: str | None, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentence(change: Change, lang: str = "et") -> str:
    """One sentence saying what changed: 'Inglise keele nõue tõstetud B1 → B2'."""
    en = lang == "en"
    kind = change.kind
    if change.path.startswith("requirements.languages."):
        code = change.path.rsplit(".", 1)[1]
        name = language_name(code, lang)
        if en:
            head = f"{name} language requirement"
            if kind in (ChangeKind.RAISED, ChangeKind.LOWERED):
                return f"{head} {kind_name(kind, lang)} {change.old} → {change.new}"
            return f"{head} {kind_name(kind, lang)}: {change.old or change.new}"
        head = f"{name.capitalize()} keele nõue"
        if kind in (ChangeKind.RAISED, ChangeKind.LOWERED):
            return f"{head} {kind_name(kind, lang)} {change.old} → {change.new}"
        return f"{head} {'lisandus' if kind is ChangeKind.ADDED else 'eemaldati'}: {change.old or change.new}"
    if change.path == "requirements.experience_years":
        if en:
            return f"Required experience {kind_name(kind, lang)} {change.old or '—'} → {change.new or '—'} years"
        return f"Nõutav töökogemus {kind_name(kind, lang)} {change.old or '—'} → {change.new or '—'} aastat"
    if change.section == "duties" and not change.path.endswith(".results"):
        number = change.new_number or change.old_number
        if kind is ChangeKind.ADDED:
            return f"{'Duty added' if en else 'Lisandus ülesanne'} {number}: {_short(change.new)}"
        if kind is ChangeKind.REMOVED:
            return f"{'Duty removed' if en else 'Eemaldati ülesanne'} {number}: {_short(change.old)}"
        if kind is ChangeKind.MOVED:
            return (
                f"{'Duty moved' if en else 'Ülesanne tõsteti ümber'} {change.old_number} → {change.new_number}: "
                f"{_short(change.new)}"
            )
        if kind is ChangeKind.MERGED:
            return f"{'Duties merged' if en else 'Liideti ülesanded'} {change.old_number} → {change.new_number}"
        if kind is ChangeKind.SPLIT:
            return f"{'Duty split' if en else 'Jagati ülesanne'} {change.old_number} → {change.new_number}"
        if kind is ChangeKind.RENUMBERED:
            return f"{'Duty renumbered' if en else 'Ülesanne ümber nummerdatud'} {change.old_number} → {number}"
        return f"{'Duty reworded' if en else 'Muudeti ülesannet'} {number}: {_short(change.new)}"
    label = path_label(change.path, lang)
    if kind is ChangeKind.ADDED:
        return f"{label}: {'added' if en else 'lisandus'} „{_short(change.new)}”"
    if kind is ChangeKind.REMOVED:
        return f"{label}: {'removed' if en else 'eemaldati'} „{_short(change.old)}”"
    return f"{label}: „{_short(change.old, 60)}” → „{_short(change.new, 60)}”"


def change_title(change: Change, lang: str = "et") -> str:
    """The title of a change's unit: the document's own heading for sections ajdiff has no name for
    (carried in the change's label), else the field's name in the chosen language."""
    if change.label and (change.path.startswith("other.") or change.path.endswith(".text")):
        return change.label
    return path_label(change.path, lang)
