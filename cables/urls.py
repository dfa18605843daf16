from django.urls import path, re_path

from cables.feeds import FEED_KINDS, ListFeed, ReleasedFeed
from cables.views import api, citing, embedding, lists, pages, search, sharing, short

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

# A reference ID at the root of the site: /07MOSCOW601, /07moscow601/3.
SHORT_ID = r"(?P<reference_id>[0-9Oo]{2}[A-Za-z]+\d+(?:_[A-Za-z0-9]+)?)"

urlpatterns = [
    path("", pages.home, name="home"),
    re_path(rf"^{SHORT_ID}/?$", short.short_cable, name="short"),
    re_path(rf"^{SHORT_ID}/(?P<number>\d{{1,4}})/?$", short.short_cable, name="short-paragraph"),
    re_path(r"^hashtag/(?P<name>[^/]{1,100})/?$", short.hashtag, name="hashtag"),
    path("search/", search.search, name="search"),
    path("feeds/released/", ReleasedFeed(), name="released-feed"),
    path("oembed/", embedding.oembed, name="oembed"),
    path("api/v1/", api.documentation, name="api"),
    path("api/v1/cables/", api.cables, name="api-cables"),
    path("api/v1/cables/<str:reference_id>/", api.cable, name="api-cable"),
    re_path(
        r"^api/v1/cables/(?P<reference_id>[^/]+)/paragraphs/(?P<anchor>p(?:ar)?\d+(?:-\d+)?)/$",
        api.paragraph,
        name="api-paragraph",
    ),
    path("api/v1/cables/<str:reference_id>/annotations/", api.annotations, name="api-annotations"),
    path("share/mastodon/", sharing.share_on_mastodon, name="share-mastodon"),
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
    re_path(
        r"^cable/(?P<year>\d{4})/(?P<month>\d{2})/(?P<reference_id>[^/]+)/preview\.png$",
        sharing.preview_image,
        name="preview",
    ),
    re_path(
        r"^cable/(?P<year>\d{4})/(?P<month>\d{2})/(?P<reference_id>[^/]+)/(?P<anchor>par\d+(?:-\d+)?)/"
        r"preview\.png$",
        sharing.preview_image,
        name="paragraph-preview",
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
