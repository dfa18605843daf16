from django.urls import path, re_path

from cables import views

app_name = "cables"

urlpatterns = [
    path("", views.home, name="home"),
    re_path(
        r"^cable/(?P<year>\d{4})/(?P<month>\d{2})/(?P<reference_id>[^/]+)\.html$",
        views.cable_detail,
        name="detail",
    ),
    # Every other spelling of a cable's address answers with a redirect to the one above:
    # /cable/07MOSCOW601, lower case, no .html, a wrong year or month.
    re_path(
        r"^cable/(?:(?P<year>\d{1,4})/(?P<month>\d{1,2})/)?(?P<reference_id>[^/]+?)(?:\.html?)?/?$",
        views.cable_detail,
        name="detail-any",
    ),
]
