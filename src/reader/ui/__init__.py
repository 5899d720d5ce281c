"""The window: thin Qt models and widgets over reader.core and reader.store."""
