"""Tools for developing and testing the reading room, never installed in production: servers
that play the outside services the site talks to."""
