"""Nothing the core says to a person is built as an English sentence: every error it raises carries a catalogue message.

The scan reads app/ and printers/ (ast) and finds every call that makes a PackDeskError or a PrinterError (any
subclass): it must pass a `Message` (msg(...), a variable holding one), never a string literal, an f-string, a
concatenation or a `.format()` of text. A PrinterError's first argument is its message id: a literal there must be an
id of PRINTER_MESSAGES. Text that is not ours (a platform's words, an OS error) goes in as a parameter.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import app
import printers
from app.domain.errors import PackDeskError
from app.domain.messages import CATALOG
from printers.errors import PRINTER_MESSAGES, PrinterError

ROOT = Path(__file__).resolve().parents[2]

# Errors whose leading arguments name something rather than say it: how many, and why.
NAMING_ARGS: dict[str, int] = {
    "MalformedAnswer": 1,  # the API method (or "trade") whose answer PackDesk did not understand; the reason follows
}


def _error_classes() -> dict[str, type[BaseException]]:
    """Every PackDeskError and PrinterError subclass defined in app/ and printers/, by class name."""
    found: dict[str, type[BaseException]] = {}
    for package in (app, printers):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".migrations" in info.name or info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if inspect.isclass(value) and issubclass(value, PackDeskError | PrinterError):
                    found[name] = value
    return found


def _is_text(node: ast.expr) -> bool:
    """A sentence written in place: a str literal, an f-string, text joined with + or %, or "...".format()."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return True
    return False


def _plain_messages() -> list[str]:
    classes = _error_classes()
    offences = []
    for package in ("app", "printers"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            rel = path.relative_to(ROOT).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                cls = classes.get(name)
                if cls is None:
                    continue
                args = [*node.args[NAMING_ARGS.get(name, 0) :], *(k.value for k in node.keywords if k.arg is None)]
                if issubclass(cls, PrinterError) and args and isinstance(args[0], ast.Constant):
                    if args[0].value not in PRINTER_MESSAGES:
                        offences.append(f"{rel}:{node.lineno}: {name}({args[0].value!r}) is no printer message id")
                    args = args[1:]
                offences += [f"{rel}:{node.lineno}: {name}({ast.unparse(a)[:60]})" for a in args if _is_text(a)]
    return offences


def test_every_error_the_core_raises_carries_a_catalogue_message() -> None:
    assert _plain_messages() == []


def test_the_scan_knows_the_error_classes() -> None:
    """The scan would pass vacuously if it found no classes: it sees the core's own."""
    classes = _error_classes()
    assert {"InvalidInput", "NotFound", "TopError", "Offline", "PrinterOffline", "PrinterWriteError"} <= set(classes)


def test_every_message_id_written_out_is_in_the_catalogue() -> None:
    """msg("id") with an id the catalogue lacks fails only when that line runs, perhaps first at a customer's bench."""
    unknown = []
    for package in ("app", "printers", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg":
                    first = node.args[0] if node.args else None
                    if isinstance(first, ast.Constant) and first.value not in CATALOG:
                        unknown.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}: {first.value}")
    assert unknown == []
