"""Plain resource files (fonts, translations, sounds, label layouts), found with importlib.resources.

A package of its own so that the files resolve the same way from a checkout, an installed wheel and a frozen app.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Returns a filesystem path to a bundled resource.

    Args:
        *parts: path segments below resources/, e.g. ("fonts", "wqy-microhei.ttc").

    Returns:
        A path that exists while the process runs (resources are plain files in every way we ship).
    """
    ref = files(__name__).joinpath(*parts)
    with as_file(ref) as path:
        return Path(path)


FONT_FILE = ("fonts", "wqy-microhei.ttc")
