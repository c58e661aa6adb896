"""The HTML reader: a decoded page's tree to its record parts (``reader.read_html`` is the room's entry)."""
