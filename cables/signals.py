"""What the archive tells the apps that build on it (it imports none of them)."""

from django.dispatch import Signal

# A re-import moved paragraphs to other anchors. Arguments: cable, and moved, a dict
# {earlier anchor: anchor now}. Sent inside the import's transaction.
paragraphs_moved = Signal()
