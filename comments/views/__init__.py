"""The comments' own pages and endpoints: `comments` (posting, preview, editing, deleting,
the held comment, the reader layer, sign-up, unsubscribe), `likes` (liking a cable, a
paragraph or a comment) and `linkbacks` (TrackBack, Pingback, Webmention)."""
