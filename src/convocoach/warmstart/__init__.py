"""Warm start: app processes forked from one that has already imported the app.

``zygote`` imports what it is told to, then forks a child for each request; ``launcher`` is
the tiny command that asks for one, and starts the program cold when no zygote answers;
``protocol`` is what they say to each other over a UNIX socket.
"""
