"""The fixed vocabularies of a cable: classifications, portion markings, precedences, the
classification reasons of E.O. 12958 / 13526 section 1.4. Pure Python, shared by the parser,
the models (as choices) and the pages (as labels)."""

from __future__ import annotations

import re

# The six classes of the release, longest first so a regex alternation prefers the full form.
CLASSIFICATIONS = (
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "CONFIDENTIAL//NOFORN",
    "SECRET//NOFORN",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
)

_CLASSIFICATION_LABELS = {
    "UNCLASSIFIED": "Unclassified",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": "Unclassified, for official use only",
    "CONFIDENTIAL": "Confidential",
    "CONFIDENTIAL//NOFORN": "Confidential, no foreign nationals",
    "SECRET": "Secret",
    "SECRET//NOFORN": "Secret, no foreign nationals",
}

# Portion markings, by their canonical code. Variants as written ('S/NF', 'S//NF', 'C/REL UK')
# map onto these with `canonical_marking`.
PORTION_MARKINGS = {
    "U": "Unclassified",
    "SBU": "Sensitive but unclassified",
    "SBU/NF": "Sensitive but unclassified, no foreign nationals",
    "U/FOUO": "Unclassified, for official use only",
    "LOU": "Limited official use",
    "C": "Confidential",
    "C/NF": "Confidential, no foreign nationals",
    "C/REL": "Confidential, releasable to named countries",
    "S": "Secret",
    "S/NF": "Secret, no foreign nationals",
    "S/REL": "Secret, releasable to named countries",
    "TS": "Top secret",
}

_MARKING_BASES = {
    "U": "U",
    "UNCLASSIFIED": "U",
    "UNCLAS": "U",
    "SBU": "SBU",
    "FOUO": "U/FOUO",
    "LOU": "LOU",
    "LIMITED OFFICIAL USE": "LOU",
    "C": "C",
    "CONFIDENTIAL": "C",
    "S": "S",
    "SECRET": "S",
    "TS": "TS",
}
# 'REL TO USA, FVEY', 'REL ARMENIA'; FGI: foreign government information.
_MARKING_HANDLING = re.compile(
    r"^(?:NF|NOFORN|N|FOUO|REL(?: TO)?(?: [A-Z]{2,}(?:,? ?[A-Z]{2,})*)?|SBU|ORCON|OC|PROPIN|PR|"
    r"NODIS|EXDIS|SIPDIS|LIMDIS|EFTO|FGI)$"
)
_MARKING_SEPARATOR = re.compile(r"/+|(?<=^[A-Z])-")
# Glued forms: 'SNF' for S/NF.
_MARKING_GLUED = re.compile(r"^(?P<base>[SC])NF$")

PRECEDENCES = {
    "Z": "Flash",
    "O": "Immediate",
    "P": "Priority",
    "R": "Routine",
    "NIACT": "Night action, immediate",
}

_CLASSIFICATION_REASONS = {
    "a": "military plans, weapons systems, or operations",
    "b": "foreign government information",
    "c": "intelligence activities (including covert action), intelligence sources or methods, "
    "or cryptology",
    "d": "foreign relations or foreign activities of the United States, including confidential "
    "sources",
    "e": "scientific, technological, or economic matters relating to the national security",
    "f": "United States Government programs for safeguarding nuclear materials or facilities",
    "g": "vulnerabilities or capabilities of systems, installations, infrastructures, projects, "
    "plans, or protection services relating to the national security",
    "h": "the development, production, or use of weapons of mass destruction",
}

# Reference IDs write multi-word origins without spaces; REF lines abbreviate some of them.
_ORIGIN_ALIASES = {
    "RIODEJAN": "RIODEJANEIRO",
    "RIODEJANIERO": "RIODEJANEIRO",
    "HOCHIMINH": "HOCHIMINHCITY",
    "HCMC": "HOCHIMINHCITY",
    "USUN": "USUNNEWYORK",
    "USUNNY": "USUNNEWYORK",
    "SECSTATE": "STATE",
    "SECSTATEWASHDC": "STATE",
    "STATEWASHDC": "STATE",
    "PORTAU": "PORTAUPRINCE",
    "PORTAUPRNCE": "PORTAUPRINCE",
    "USNATOBRUSSELS": "USNATO",
    "USEUBRUSSELS": "USEUBRUSSELS",
    "SAOPAOLO": "SAOPAULO",
    "HAGUE": "THEHAGUE",
}


def reference_origin(compact: str) -> str:
    compact = compact.upper()
    return _ORIGIN_ALIASES.get(compact, compact)


def canonical_marking(marking: str | None) -> str | None:
    """'S//NF' -> 'S/NF', 'C/REL UK' -> 'C/REL', '(U//FOUO)' -> 'U/FOUO'.

    None when the text is not a portion marking."""
    if not marking:
        return None
    text = marking.strip("() ").upper()
    if glued := _MARKING_GLUED.match(text):
        text = f"{glued['base']}/NF"
    # 'S//NF', 'S/NF', and with a hyphen 'S-NF'.
    parts = [part.strip() for part in _MARKING_SEPARATOR.split(text) if part.strip()]
    if not parts or parts[0] not in _MARKING_BASES:
        return None
    base = _MARKING_BASES[parts[0]]
    handling = parts[1:]
    if any(not _MARKING_HANDLING.match(part) for part in handling):
        return None
    if base == "U" and "FOUO" in handling:
        return "U/FOUO"
    if any(part in {"NF", "NOFORN", "N"} for part in handling):
        return f"{base}/NF" if f"{base}/NF" in PORTION_MARKINGS else base
    if any(part.startswith("REL") for part in handling):
        return f"{base}/REL" if f"{base}/REL" in PORTION_MARKINGS else base
    return base


def is_portion_marking(marking: str) -> bool:
    return canonical_marking(marking) is not None


def _marking_label(marking: str | None) -> str:
    code = canonical_marking(marking)
    return PORTION_MARKINGS.get(code, "") if code else ""


def classification_from_banner(banner: str) -> str | None:
    word = re.sub(r"\s", "", banner).upper()
    if word.startswith("UNCLAS"):
        return "UNCLASSIFIED"
    if word == "LIMITEDOFFICIALUSE":
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    return word if word in _CLASSIFICATION_LABELS else None


def explain_reason(reason: str) -> str:
    """'1.4(d)' -> 'foreign relations or foreign activities of the United States, ...'."""
    match = re.fullmatch(r"1\.[45]\(([a-h])\)", reason)
    return _CLASSIFICATION_REASONS[match[1]] if match else ""
