"""citebot: answers questions from a curated fact base and quotes the sentence it came from."""

__version__ = "0.1.0"
