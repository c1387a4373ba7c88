#!/usr/bin/env python
"""Django's command-line utility for Hallmark."""
import os
import sys
from pathlib import Path

# The Django apps live in platform/, a plain folder (a package named `platform` would shadow
# the standard library); putting it on the path makes each app importable by its own name.
sys.path.insert(1, str(Path(__file__).resolve().parent / "platform"))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
