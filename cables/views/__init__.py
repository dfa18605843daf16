"""The archive's own pages: `archive` (home, a cable's earlier texts, not found), `lists` (the
lists of the original site and their indexes), `search`, `sharing` (the preview image, the
hop to Mastodon), `citing` (BibTeX and CSL-JSON files), `embedding` (oEmbed), `discovery`
(robots.txt). The cable page itself, which shows the discussion too, is in `pages`."""
