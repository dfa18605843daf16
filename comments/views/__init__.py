"""The comments' own pages and endpoints: `comments` (posting, preview, editing, deleting,
the held comment, the reader layer, sign-up, unsubscribe) and `linkbacks` (TrackBack,
Pingback, Webmention)."""
