"""The preview image a link to a cable or a paragraph shows where it is shared (Open Graph,
Twitter cards): a 1200 x 630 PNG with the classification band, the reference ID, the subject
and the opening words. Pure drawing (Pillow), no Django: the views cache what it returns."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Raised whenever the drawing changes, so that cached cards of the old drawing are not served.
CARD_VERSION = 2
WIDTH, HEIGHT = 1200, 630
MARGIN = 64
_BAND_HEIGHT = 64
_PAPER = "#fbfaf6"
_INK = "#1d1d1b"
_MUTED = "#5b5b57"
# The colours of US classification banners: the band says at a glance how the cable was held.
_BAND_COLOURS = {
    "TOP SECRET": "#e07000",
    "SECRET": "#c8102e",
    "CONFIDENTIAL": "#0033a0",
    "UNCLASSIFIED": "#007a33",
}
_UNKNOWN_BAND = "#5b5b57"
# Fonts tried in order; Pillow's own font when none is installed.
_FONT_FILES = {
    "sans": [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ],
    "sans-bold": [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ],
    "serif": [
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    ],
}


@dataclass(frozen=True)
class Card:
    reference_id: str
    classification: str
    subject: str
    byline: str  # 'Embassy Moscow, 7 February 2007 · paragraph 3'
    text: str  # the opening words shown
    site: str


@cache
def font(kind: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONT_FILES[kind]:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def _band_colour(classification: str) -> str:
    """The banner colour of the classification's level ('SECRET//NOFORN' is SECRET's)."""
    level = classification.split("//")[0].strip().upper()
    return _BAND_COLOURS.get(level, _UNKNOWN_BAND)


def wrapped(draw: ImageDraw.ImageDraw, text: str, typeface, width: int, most: int) -> list[str]:
    """The text in lines no wider than `width` (a word wider than that is broken across
    lines), at most `most` of them, the last ending in an ellipsis when the text goes on."""
    lines: list[str] = []
    words = [piece for word in text.split() for piece in _pieces(draw, word, typeface, width)]
    for word in words:
        if lines and draw.textlength(f"{lines[-1]} {word}", font=typeface) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif len(lines) < most:
            lines.append(word)
        else:
            last = lines[-1]
            while len(last) > 1 and draw.textlength(f"{last} …", font=typeface) > width:
                last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
            lines[-1] = f"{last} …"
            break
    return lines


def _pieces(draw: ImageDraw.ImageDraw, word: str, typeface, width: int) -> list[str]:
    """The word in pieces no wider than `width` each: cables have unbroken strings (addresses,
    runs of XXXXXXXXXXXX) wider than a card."""
    parts = []
    while len(word) > 1 and draw.textlength(word, font=typeface) > width:
        fits, wider = 1, len(word)  # word[:fits] fits, word[:wider] does not
        while wider - fits > 1:
            middle = (fits + wider) // 2
            if draw.textlength(word[:middle], font=typeface) <= width:
                fits = middle
            else:
                wider = middle
        parts.append(word[:fits])
        word = word[fits:]
    parts.append(word)
    return parts


def draw_card(card: Card) -> bytes:
    """The card as PNG bytes, WIDTH x HEIGHT."""
    image = Image.new("RGB", (WIDTH, HEIGHT), _PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, _BAND_HEIGHT), fill=_band_colour(card.classification))
    band_text = card.classification.upper() or "CLASSIFICATION NOT RECORDED"
    band_font = font("sans-bold", 30)
    draw.text((WIDTH / 2, _BAND_HEIGHT / 2), band_text, font=band_font, fill="white", anchor="mm")
    inner = WIDTH - 2 * MARGIN
    y = _BAND_HEIGHT + 40
    draw.text((MARGIN, y), card.reference_id, font=font("sans-bold", 60), fill=_INK)
    y += 80
    for line in wrapped(draw, card.subject, font("sans-bold", 34), inner, 2):
        draw.text((MARGIN, y), line, font=font("sans-bold", 34), fill=_INK)
        y += 44
    draw.text((MARGIN, y + 4), card.byline, font=font("sans", 26), fill=_MUTED)
    y += 56
    for line in wrapped(draw, card.text, font("serif", 30), inner, 5):
        draw.text((MARGIN, y), line, font=font("serif", 30), fill=_INK)
        y += 42
    draw.line((MARGIN, HEIGHT - 64, WIDTH - MARGIN, HEIGHT - 64), fill="#d8d5cc", width=2)
    draw.text((MARGIN, HEIGHT - 50), card.site, font=font("sans", 24), fill=_MUTED)
    draw.text(
        (WIDTH - MARGIN, HEIGHT - 50),
        "#cablegate",
        font=font("sans-bold", 24),
        fill=_MUTED,
        anchor="ra",
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
