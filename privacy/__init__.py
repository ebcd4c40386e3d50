"""The privacy guard: plain Python that finds what could identify a patient in a post's text and images.

Like ``platforms/``, it knows nothing of Django or of our apps; ``posts`` calls it.
"""
