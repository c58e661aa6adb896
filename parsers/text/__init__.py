"""The text-dump reader: a page saved as plain text to its record parts (``reader.read_text_dump``).

Its modules are the twins of the HTML reader's where both read the same thing (``text/breadcrumb.py`` ↔
``html/breadcrumb.py``, ``text/headline.py`` ↔ ``html/headline.py``, ``text/block.py`` ↔ ``html/block.py``)."""
