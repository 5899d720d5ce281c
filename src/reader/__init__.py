"""reader: read, clean, convert and annotate Chinese-language reports offline."""

__version__ = "0.1.0"
