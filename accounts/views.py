"""The sign-in pages of our own: the log-in page (local accounts), starting a sign-in with an
outside account (from the log-in page) and going on to the provider."""

from http import HTTPStatus

from django.conf import settings
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_POST

from accounts.signing_in import begin_sign_in, continue_sign_in
from readingroom.limits import client_ip, within_limit


@require_POST
def sign_in(request: HttpRequest) -> HttpResponse:
    return begin_sign_in(
        request,
        request.POST.get("provider", ""),
        request.POST.get("next", ""),
        instance=request.POST.get("mastodon_instance", ""),
    )


@require_GET
def continue_to_provider(request: HttpRequest) -> HttpResponse:
    return continue_sign_in(request)


class LogInView(LoginView):
    """Django's log-in, its attempts counted per address and minute with outside sign-ins."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not within_limit(
            "log-in", client_ip(request), per_minute=settings.ACCOUNTS_SIGN_INS_PER_MINUTE
        ):
            form = self.get_form()
            form.add_error(None, "Too many attempts to log in from your address: wait a minute.")
            return self.render_to_response(
                self.get_context_data(form=form), status=HTTPStatus.TOO_MANY_REQUESTS
            )
        return super().post(request, *args, **kwargs)
