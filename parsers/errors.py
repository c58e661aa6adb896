"""The one exception type the workshop raises for an input that is not a page."""


class ExtractionError(Exception):
    """An input that cannot become a record (empty, binary, not a page).

    ``kind`` is a short machine-readable type (``empty``, ``binary``, ``not_a_page`` ...)
    that the front door copies into the error record.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message

    def __reduce__(self):  # keep picklable across a process pool
        return (self.__class__, (self.kind, self.message))
