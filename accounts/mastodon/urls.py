from django.urls import include, path, re_path

from accounts.mastodon import views

urlpatterns = [
    re_path(
        r"^mastodon/(?P<provider_id>[^/]+)/",
        include(
            [
                path("login/", views.login, name="mastodon_login"),
                path("login/callback/", views.callback, name="mastodon_callback"),
            ]
        ),
    )
]
