from django.urls import path, re_path

from cables.addresses import CABLE, PARAGRAPH
from cables.feeds import FEED_KINDS, ListFeed, ReleasedFeed
from cables.views import archive, citing, embedding, lists, search, sharing

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
    path("", archive.home, name="home"),
    path("search/", search.search, name="search"),
    path("feeds/released/", ReleasedFeed(), name="released-feed"),
    path("oembed/", embedding.oembed, name="oembed"),
    path("share/mastodon/", sharing.share_on_mastodon, name="share-mastodon"),
    re_path(
        rf"{CABLE}/versions/$",
        archive.cable_versions,
        name="versions",
    ),
    re_path(
        rf"{CABLE}/cite\.(?P<extension>bib|json)$",
        citing.citation_file,
        name="citation",
    ),
    re_path(
        rf"{CABLE}/{PARAGRAPH}/cite\.(?P<extension>bib|json)$",
        citing.citation_file,
        name="paragraph-citation",
    ),
    re_path(
        rf"{CABLE}/preview\.png$",
        sharing.preview_image,
        name="preview",
    ),
    re_path(
        rf"{CABLE}/{PARAGRAPH}/preview\.png$",
        sharing.preview_image,
        name="paragraph-preview",
    ),
]

for kind, prefix, index_view, index_name, key in LISTS:
    if kind in FEED_KINDS:
        urlpatterns.append(
            re_path(
                rf"^{prefix}/(?P<key>{key})/feed/$", ListFeed(), {"kind": kind}, name=f"{kind}-feed"
            )
        )
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
