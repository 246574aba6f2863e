"""The lexicons shipped with framing: ``*.yaml`` files in the framing format (see ``README.md`` here).

Package data only: :func:`framing.lexicon.list_lexicons` lists them and
:func:`framing.lexicon.load_lexicon` loads one by name.
"""
