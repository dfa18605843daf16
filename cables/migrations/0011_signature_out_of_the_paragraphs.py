"""The signature line leaves the paragraphs: the parser used to store it both as the cable's
`signer` and as a last, unnumbered paragraph ('p4': 'SCHIEFFER'); now it is the signer alone,
which the cable page shows where the cable ends. The paragraph goes from the cables stored
before, and from the earlier texts kept of them, so that the page does not show the name
twice and a re-import does not record a changed text where nothing changed.

A paragraph is the signature when it is the cable's last, has no number, heading or marking,
and reads the signer's name, followed at most by one word ('RICE SENDS', 'SHANNON Shannon').
Numbered paragraphs, and so their anchors, are untouched. Not reversed: going back, the
pages simply lack the line."""

from django.db import migrations
from django.db.models import OuterRef, Subquery

_CHUNK = 1_000


def _is_signature(text, number, heading, marking_text, signer):
    words, name = text.split(), signer.split()
    return (
        number is None
        and not heading
        and not marking_text
        and bool(name)
        and words[: len(name)] == name
        and len(words) <= len(name) + 1
    )


def _delete_signatures(Paragraph, signers):
    rows = Paragraph.objects.filter(pk__in=signers).values_list(
        "pk", "text", "number", "heading", "marking_text"
    )
    Paragraph.objects.filter(
        pk__in=[row[0] for row in rows if _is_signature(*row[1:], signers[row[0]])]
    ).delete()


def remove_signature_paragraphs(apps, schema_editor):
    Cable = apps.get_model("cables", "Cable")
    Paragraph = apps.get_model("cables", "Paragraph")
    CableVersion = apps.get_model("cables", "CableVersion")
    last = Paragraph.objects.filter(cable=OuterRef("pk")).order_by("-position").values("pk")[:1]
    signed = (
        Cable.objects.exclude(signer="")
        .annotate(last_paragraph=Subquery(last))
        .values_list("signer", "last_paragraph")
        .order_by("pk")
    )
    signers = {}  # last paragraph's pk: its cable's signer, a chunk at a time
    for signer, paragraph in signed.iterator(chunk_size=_CHUNK):
        if paragraph is not None:
            signers[paragraph] = signer
        if len(signers) == _CHUNK:
            _delete_signatures(Paragraph, signers)
            signers = {}
    _delete_signatures(Paragraph, signers)
    for version in CableVersion.objects.exclude(cable__signer="").select_related("cable"):
        paragraphs = version.paragraphs or []
        last = paragraphs[-1] if paragraphs else {}
        if paragraphs and _is_signature(
            str(last.get("text") or ""),
            last.get("number"),
            last.get("heading"),
            last.get("marking_text"),
            version.cable.signer,
        ):
            version.paragraphs = paragraphs[:-1]
            version.save(update_fields=["paragraphs"])


class Migration(migrations.Migration):
    dependencies = [("cables", "0010_cable_liked")]

    operations = [migrations.RunPython(remove_signature_paragraphs, migrations.RunPython.noop)]
