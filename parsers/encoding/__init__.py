"""Choosing a page's encoding and decoding it: BOM, transport charset, declared label, content detection."""
