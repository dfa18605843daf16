from django.urls import path, re_path

from cables.addresses import ANY_PARAGRAPH, CABLE
from comments import feeds
from comments.views import comments as views
from comments.views import likes, linkbacks

app_name = "comments"


urlpatterns = [
    path("comments/post/", views.post_comment, name="post"),
    path("comments/sign-in/", views.sign_in_to_comment, name="sign-in"),
    path("likes/", likes.like, name="like"),
    path("comments/preview/", views.preview, name="preview"),
    path("comments/reader/", views.reader_layer, name="reader"),
    path("comments/feed/", feeds.CommentsFeed(), name="feed"),
    path("comments/<int:pk>/", views.comment_permalink, name="permalink"),
    path("comments/<int:pk>/edit/", views.edit_comment, name="edit"),
    path("comments/<int:pk>/delete/", views.delete_comment, name="delete"),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("accounts/signup/", views.signup, name="signup"),
    path("pingback/", linkbacks.pingback, name="pingback"),
    path("webmention/", linkbacks.webmention, name="webmention"),
    path("webmention/<str:token>/", linkbacks.webmention_status, name="webmention-status"),
    re_path(rf"{CABLE}/trackback/$", linkbacks.trackback, name="trackback"),
    re_path(rf"{CABLE}/feed/$", feeds.CableCommentsFeed(), name="cable-feed"),
    re_path(rf"{CABLE}/{ANY_PARAGRAPH}/feed/$", feeds.CableCommentsFeed(), name="paragraph-feed"),
]
