"""The views of the pages that join a cable and its discussion: cable.py (the cable page, a
paragraph's page), short.py (short addresses, hashtags), api.py (the read API)."""
