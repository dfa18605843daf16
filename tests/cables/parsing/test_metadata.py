"""The metadata of an original page's table."""

from __future__ import annotations

from datetime import UTC, datetime

from cables.parsing import metadata_from_cells


def test_metadata_from_the_cells_of_a_page() -> None:
    metadata = metadata_from_cells(
        ["00HARARE6677", "2000-11-29 13:01", "2010-12-08 21:09", "CONFIDENTIAL", "Embassy  Harare"],
        origin_number=67,
    )
    assert metadata.reference_id == "00HARARE6677"
    assert metadata.created == datetime(2000, 11, 29, 13, 1, tzinfo=UTC)
    assert metadata.released == datetime(2010, 12, 8, 21, 9, tzinfo=UTC)
    assert metadata.classification == "CONFIDENTIAL"
    assert metadata.origin == "Embassy Harare"
    assert metadata.origin_number == 67


def test_missing_cells_are_none() -> None:
    metadata = metadata_from_cells(["07MOSCOW601"])
    assert metadata.reference_id == "07MOSCOW601"
    assert metadata.created is None and metadata.origin is None
