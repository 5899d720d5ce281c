"""The library: one SQLite file holding documents, their derived views and the user's work."""
