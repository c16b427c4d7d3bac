"""What the core says to a seller or packer: message ids with parameters (domain layer).

The core never builds a sentence for a person to read: it returns a `Message`, an id from `CATALOG` (in
app.domain.catalog) and its parameters. The English template is the source text; its Chinese lives in
resources/translations/packdesk_zh_CN.ts in the context "CoreMessages", where lupdate finds it through the catalogue's
`QT_TRANSLATE_NOOP` marks (lupdate reads the call by its name: no Qt is imported here). The window translates a
message with Qt (ui/core_text.py), the command line with the same .ts file (app/cli/lang.py), and the English text is
what JSON output and logs carry.

A message that must outlive the process (a print job's reason, a ship-back's last error, a shop's sync error) is
stored with `encode()` and read back with `decode()`, so it can be shown later in whichever language the reader uses.
Text that is not ours to translate (a platform's own refusal, an OS error) travels as `Message.plain(text)`.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.catalog import CATALOG, PLAIN

CONTEXT = "CoreMessages"

_ENCODED_PREFIX = '{"msg":'


@dataclass(frozen=True, slots=True)
class Message:
    """One thing to tell a person: a catalogue id and its parameters (strings, numbers or other messages)."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def plain(cls, text: str) -> Message:
        """Text that is not PackDesk's (a platform's words, an OS error): shown as it is in every language."""
        return cls(PLAIN, {"text": text})

    @property
    def template(self) -> str:
        return CATALOG.get(self.id, "{text}" if "text" in self.params else self.id)

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The message in words; `translate` maps an English template to the reader's language (English if None)."""
        template = translate(self.template) if translate else self.template
        values = {k: v.render(translate) if isinstance(v, Message) else v for k, v in self.params.items()}
        try:
            return template.format_map(values)
        except (KeyError, IndexError, ValueError):
            # A translation that names a parameter the message lacks must not hide the message.
            return self.template.format_map(_Lenient(values))

    def __str__(self) -> str:
        return self.render()

    def encode(self) -> str:
        """A JSON text to store; `decode()` reads it back."""
        return json.dumps({"msg": self.id, "params": _encode_params(self.params)}, ensure_ascii=False)

    @classmethod
    def decode(cls, stored: str | None) -> Message | None:
        """Reads what `encode()` stored; any other text (rows written before messages had ids) is plain text."""
        if stored is None:
            return None
        if stored.startswith(_ENCODED_PREFIX):
            try:
                data = json.loads(stored)
                return cls(str(data["msg"]), _decode_params(data.get("params") or {}))
            except (ValueError, KeyError, TypeError, AttributeError):  # JSON of another shape: text like any other
                pass
        return cls.plain(stored)


def msg(id_: str, **params: Any) -> Message:
    """A catalogue message; an unknown id is a programming error caught by the tests, not at a customer's bench."""
    if id_ not in CATALOG:
        raise KeyError(f"no message {id_!r} in the catalogue")
    return Message(id_, params)


def english(stored: str | None) -> str | None:
    """The English text of a stored message (for JSON output and logs)."""
    message = Message.decode(stored)
    return None if message is None else message.render()


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _encode_params(params: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, Message):
            out[key] = {"msg": value.id, "params": _encode_params(value.params)}
        elif isinstance(value, str | int | float | bool) or value is None:
            out[key] = value
        else:
            out[key] = str(value)
    return out


def _decode_params(params: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(params, Mapping):
        raise TypeError("a message's parameters are an object")
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, dict) and "msg" in value:
            out[key] = Message(str(value["msg"]), _decode_params(value.get("params") or {}))
        else:
            out[key] = value
    return out


def of_error(exc: object) -> Message:
    """The message an error carries (a PackDeskError's, a PrinterError's, or a printer status's), else its text as
    plain text.

    A PrinterError's parameter that is itself an error (the reason inside "'URI': {reason}") becomes its message too.
    """
    carried = getattr(exc, "msg", None)
    if isinstance(carried, Message):
        return carried
    message_id = getattr(exc, "message_id", None)
    if isinstance(message_id, str) and message_id in CATALOG:
        params = getattr(exc, "params", {}) or {}
        return Message(message_id, {k: of_error(v) if isinstance(v, BaseException) else v for k, v in params.items()})
    return Message.plain(str(exc))
