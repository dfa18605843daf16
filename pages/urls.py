from django.urls import path, re_path

from cables.addresses import ANY_PARAGRAPH, CABLE, CABLE_ANY_SPELLING, SHORT_ID
from pages.views import api, cable, short

app_name = "pages"

urlpatterns = [
    re_path(rf"{CABLE}\.html$", cable.cable_detail, name="detail"),
    re_path(rf"{CABLE}/{ANY_PARAGRAPH}/$", cable.paragraph_thread, name="paragraph"),
    re_path(rf"^{SHORT_ID}/?$", short.short_cable, name="short"),
    re_path(rf"^{SHORT_ID}/(?P<number>\d{{1,4}})/?$", short.short_cable, name="short-paragraph"),
    re_path(r"^hashtag/(?P<name>[^/]{1,100})/?$", short.hashtag, name="hashtag"),
    path("api/v1/", api.documentation, name="api"),
    path("api/v1/cables/", api.cables, name="api-cables"),
    path("api/v1/cables/<str:reference_id>/", api.cable, name="api-cable"),
    re_path(
        rf"^api/v1/cables/(?P<reference_id>[^/]+)/paragraphs/{ANY_PARAGRAPH}/$",
        api.paragraph,
        name="api-paragraph",
    ),
    path(
        "api/v1/cables/<str:reference_id>/annotations/",
        api.cable_annotations,
        name="api-annotations",
    ),
    # Last: every other spelling of a cable's address answers with a redirect to its address.
    re_path(CABLE_ANY_SPELLING, cable.cable_detail, name="detail-any"),
]
