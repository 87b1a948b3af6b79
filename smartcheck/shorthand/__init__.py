"""Clinical shorthand as ordinary wording: normalise, parse, map spans back.

``normalize`` rewrites shorthand ("Pt will amb 150 ft w/ RW") as plain words
for the parser and keeps an alignment; ``remap`` moves every span of an
analysis back onto the characters the user wrote.
"""

from smartcheck.shorthand.normalize import Normalized, Segment, normalize, normalize_with
from smartcheck.shorthand.remap import remap

__all__ = ["Normalized", "Segment", "normalize", "normalize_with", "remap"]
