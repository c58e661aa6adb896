"""``python -m govmeta.cli``."""

from govmeta.cli.main import main

if __name__ == "__main__":
    main()
