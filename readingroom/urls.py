from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from accounts import views as accounts_views
from accounts.urls import allauth_urlpatterns
from cables.sitemaps import SITEMAPS
from cables.views.discovery import robots_txt
from operations.views import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", accounts_views.LogInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("robots.txt", robots_txt, name="robots"),
    # Asked for by browsers and feed readers that do not read the page's <link rel="icon">.
    # Not permanent: the static file's address carries a hash of its content. (Resolved at the
    # first request: the storage's manifest may not exist when the URLconf is imported.)
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy(static, str)("favicon.ico")),
        name="favicon",
    ),
    path("healthz", healthz, name="healthz"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("", include("comments.urls")),
    path("", include("accounts.urls")),
    *allauth_urlpatterns,
    path("", include("cables.urls")),
    # Last: its patterns take any spelling of a cable's address.
    path("", include("pages.urls")),
]

handler404 = "cables.views.archive.not_found"
# A 503 with Retry-After when the database does not answer, a plain 500 otherwise.
handler500 = "operations.views.server_error"
