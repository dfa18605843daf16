from django.urls import include, path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/sign-in/", views.sign_in, name="sign-in"),
    path("accounts/sign-in/continue/", views.continue_to_provider, name="continue"),
]

# allauth's own pages and the providers' login and callback addresses, after ours and the
# project's log-in, log-out and sign-up, which take their addresses first.
allauth_urlpatterns = [path("accounts/", include("allauth.urls"))]
