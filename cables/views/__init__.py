"""The cable archive's pages: `pages` (home, cable), `lists` (the lists of the original site
and their indexes), `search`."""
