from django.urls import path, re_path

from cables.views import citing, lists, pages, search

app_name = "cables"

# The lists of the original site: its addresses (/tag/PREL_0.html, pages counted from 0)
# redirect to the clean, canonical ones (/tag/PREL/?page=1).
LISTS = [
    # (kind, path prefix, index view, name of the index, what a clean key looks like)
    ("tag", "tag", lists.tag_index, "tags", r".+"),
    ("origin", "origin", lists.origin_index, "origins", r"[^/]+"),
    ("classification", "classification", lists.classification_index, "classifications", r"[^/]+"),
    ("month", "date", lists.month_index, "months", r"[^/]+"),
    ("release-day", "reldate", lists.release_day_index, "release-days", r"[^/]+"),
]

urlpatterns = [
    path("", pages.home, name="home"),
    path("search/", search.search, name="search"),
    re_path(
        r"^cable/(?P<year>\d{4})/(?P<month>\d{2})/(?P<reference_id>[^/]+)\.html$",
        pages.cable_detail,
        name="detail",
    ),
    re_path(
        r"^cable/(?P<year>\d{4})/(?P<month>\d{2})/(?P<reference_id>[^/]+)/versions/$",
        pages.cable_versions,
        name="versions",
    ),
    re_path(
        r"^cable/(?P<year>\d{4})/(?P<month>\d{2})/(?P<reference_id>[^/]+)/cite\.(?P<extension>bib|json)$",
        citing.citation_file,
        name="citation",
    ),
    re_path(
        r"^cable/(?P<year>\d{4})/(?P<month>\d{2})/(?P<reference_id>[^/]+)/(?P<anchor>par\d+(?:-\d+)?)/"
        r"cite\.(?P<extension>bib|json)$",
        citing.citation_file,
        name="paragraph-citation",
    ),
    # Every other spelling of a cable's address answers with a redirect to the one above:
    # /cable/07MOSCOW601, lower case, no .html, a wrong year or month.
    re_path(
        r"^cable/(?:(?P<year>\d{1,4})/(?P<month>\d{1,2})/)?(?P<reference_id>[^/]+?)(?:\.html?)?/?$",
        pages.cable_detail,
        name="detail-any",
    ),
]

for kind, prefix, index_view, index_name, key in LISTS:
    urlpatterns += [
        path(f"{prefix}/", index_view, name=index_name),
        re_path(
            rf"^{prefix}/(?P<key>.+)_(?P<page>[0-9]{{1,9}})\.html$",
            lists.original_list,
            {"kind": kind},
            name=f"{kind}-original",
        ),
        re_path(rf"^{prefix}/(?P<key>{key})/$", lists.cable_list, {"kind": kind}, name=kind),
    ]
