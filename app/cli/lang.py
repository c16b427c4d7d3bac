"""The command line's language (cli layer): core messages in Chinese when the system speaks Chinese.

The window translates with Qt; the command line may not import Qt, so it reads the same translations from the .ts
file that ships in resources/translations (the "CoreMessages" context only). JSON output stays English: it is for
programs, and its `error` fields must not change with the machine's locale.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache

from app.domain.messages import CONTEXT, Message, of_error
from resources import resource_path


def cli_language() -> str:
    """`PACKDESK_LANG`, else the locale variables (LC_ALL, LC_MESSAGES, LANG), else the OS locale: zh_CN or en."""
    for var in ("PACKDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "zh_CN" if name.lower().startswith(("zh", "chinese")) else "en"


@cache
def translations(language: str) -> dict[str, str]:
    """English template -> translation for the core's messages, read from the shipped .ts file."""
    if language == "en":
        return {}
    path = resource_path("translations", f"packdesk_{language}.ts")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    table: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if source and translation is not None and translation.text and translation.get("type") != "unfinished":
                table[source] = translation.text
    return table


def translator(language: str | None = None) -> Callable[[str], str]:
    table = translations(language or cli_language())
    return lambda template: table.get(template, template)


def say(what: Message | BaseException, language: str | None = None) -> str:
    """A core message or error in the command line's language."""
    message = what if isinstance(what, Message) else of_error(what)
    return message.render(translator(language))
