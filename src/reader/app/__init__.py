"""What the user does to the library, as operations that say what they changed.

Each operation in `operations` takes the one writing `Library` and returns an `Outcome`: its result and
the `Changes` it made. The window runs them on the `Writer`'s thread and refreshes its panels from the
changes; the CLI runs the same functions in its own thread, on its own (single) connection.
"""
