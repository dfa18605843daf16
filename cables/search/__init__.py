"""Full-text search over the cables: a Tantivy index on local disk, one document per cable,
derived from the database (the source of truth) and rebuilt from it in minutes.

- `schema`: what a document holds and how text is cut into words (pure);
- `queries`: what a search or a list asks for (`Criteria`), as the index's query (pure);
- `marking`: where a query's words stand in a text: marks, best paragraph, snippet (pure);
- `index`: the folder on disk, readers and the one writer, the swap of a rebuilt index;
- `documents`: documents read from the database;
- `writing`: keeping the index in step with the database, rebuilding it;
- `engine`: results, exact counts, facets and totals read from the index.

The importer indexes what it stores; `manage.py rebuild_search_index` builds the index anew
beside the one in use and swaps it in. See docs/search.md.
"""

from cables.search.index import SearchUnavailable
from cables.search.marking import START, STOP, Passage, marked
from cables.search.queries import Criteria

__all__ = ["START", "STOP", "Criteria", "Passage", "SearchUnavailable", "marked"]
