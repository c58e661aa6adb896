"""Exit codes, defined once (documented in the README)."""

from enum import IntEnum


class ExitCode(IntEnum):
    """What a shell script or cron job can act on."""

    OK = 0  # every input gave a record (or the output pipe was closed by the reader)
    SOME_FAILED = 1  # at least one input gave an error record
    USAGE = 2  # bad option, unknown encoding label, unreadable label file, nothing to read
    OUTPUT_FAILED = 74  # the records could not be written (disk full, I/O error): no half record is left
    INTERRUPTED = 130  # Ctrl-C / SIGINT
    TERMINATED = 143  # SIGTERM (128 + 15), handled like Ctrl-C
