# Reader comments and linkbacks arrive with the comments issue.
