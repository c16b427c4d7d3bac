"""What the core says about the data directory, packers, PINs, the demo and the command line: ids -> English
(domain layer).

Part of the catalogue (app.domain.catalog merges it in). Command names and options (`packdesk queue list`,
--data-dir) stay as they are in every language: they are what the seller types.
"""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

STATION: dict[str, str] = {
    # The data directory and its settings (app.services.workspace, app.services.claim); {error} is the OS's words
    "data_dir.is_file_choose": QT_TRANSLATE_NOOP(
        "CoreMessages", "The data directory {path} is a file, not a folder. Choose a folder with --data-dir."
    ),
    "data_dir.is_file": QT_TRANSLATE_NOOP("CoreMessages", "The data directory {path} is a file, not a folder."),
    "data_dir.cannot_create": QT_TRANSLATE_NOOP("CoreMessages", "Cannot create the data directory {path}: {error}."),
    "data_dir.not_writable": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "PackDesk cannot write to its data directory {path} ({error}). "
        "Choose another folder with --data-dir or fix its permissions.",
    ),
    "data_dir.no_database": QT_TRANSLATE_NOOP(
        "CoreMessages", "PackDesk cannot create its database in {path} ({error})."
    ),
    "data_dir.config_not_toml": QT_TRANSLATE_NOOP(
        "CoreMessages", "{path} is not valid TOML ({error}); fix or delete it."
    ),
    "data_dir.cannot_lock": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "PackDesk cannot lock its data directory {path} ({error}). "
        "Choose a folder on this computer's own disk with --data-dir.",
    ),
    "data_dir.busy": QT_TRANSLATE_NOOP(
        "CoreMessages", "Another PackDesk is using the data directory {path}: close it or let it finish first."
    ),
    "data_dir.busy_window": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "A PackDesk window (process {pid}) is open on the data directory {path}: "
        "pack, print and ship from that window, or close it first.",
    ),
    "data_dir.busy_command": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "`packdesk {command}` (process {pid}) is using the data directory {path}: let it finish first.",
    ),
    # Packers and PINs (app.services.packers, app.services.supervisor, app.services.pin_guard)
    "packer.name_missing": QT_TRANSLATE_NOOP("CoreMessages", "A packer needs a name."),
    "packer.badge_taken": QT_TRANSLATE_NOOP("CoreMessages", "Badge {badge} belongs to {name}."),
    "packer.wrong_pin": QT_TRANSLATE_NOOP("CoreMessages", "Unknown packer or wrong PIN."),
    "packer.not_found": QT_TRANSLATE_NOOP("CoreMessages", "No packer is called {name}."),
    "pin.supervisor_digits": QT_TRANSLATE_NOOP("CoreMessages", "A supervisor PIN is {shortest} to {longest} digits."),
    "pin.packer_digits": QT_TRANSLATE_NOOP("CoreMessages", "A packer's PIN is {shortest} to {longest} digits."),
    "pin.supervisor_not_set": QT_TRANSLATE_NOOP(
        "CoreMessages", "No supervisor PIN is set on this station: set one with `packdesk supervisor pin`."
    ),
    "pin.supervisor_damaged": QT_TRANSLATE_NOOP(
        "CoreMessages", "The supervisor PIN in config.toml is damaged: set it again."
    ),
    "pin.supervisor_wrong": QT_TRANSLATE_NOOP("CoreMessages", "Wrong supervisor PIN."),
    "pin.wrong": QT_TRANSLATE_NOOP("CoreMessages", "Wrong PIN."),
    "pin.supervisor_locked": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Too many wrong supervisor PINs: the supervisor PIN is locked. "
        "Set it again with `packdesk supervisor pin` to unlock it.",
    ),
    "pin.packer_locked": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Too many wrong PINs for {name}: sign-in is locked until a supervisor unlocks it (packdesk packer unlock).",
    ),
    "pin.wait": QT_TRANSLATE_NOOP("CoreMessages", "Too many wrong PINs: try again in {seconds} seconds."),
    # The demo (app.demo.seed)
    "demo.orders_range": QT_TRANSLATE_NOOP("CoreMessages", "--orders must be between 0 and 1000000."),
    "demo.already_seeded": QT_TRANSLATE_NOOP(
        "CoreMessages", "This data directory already has the demo shop. Use a new --data-dir for a fresh demo."
    ),
    # Refusals of the command line only (app.cli)
    "cli.scan_not_text": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "line {line} of the scans is not text (neither UTF-8 nor GB18030): {shown}. "
        "It was skipped; check the scanner's keyboard language or the file's encoding.",
    ),
    "cli.scans_unreadable": QT_TRANSLATE_NOOP("CoreMessages", "Cannot read the scans file {path}: {error}."),
    "cli.set_variable": QT_TRANSLATE_NOOP(
        "CoreMessages", "Set {variable} (or run this in a terminal to be asked for it)."
    ),
    "cli.no_printer": QT_TRANSLATE_NOOP(
        "CoreMessages", "No printer given and none configured: pass --printer URI (e.g. png:///tmp/labels)."
    ),
    "cli.queue_needs_job": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "`queue {action}` needs the job id, e.g. packdesk queue {action} 12 (`packdesk queue list` shows the ids).",
    ),
    "cli.test_page_needs_label_printer": QT_TRANSLATE_NOOP(
        "CoreMessages", "{scheme}:// takes waybills only; print the test page on a label printer."
    ),
    "cli.outbox_takes_nothing": QT_TRANSLATE_NOOP(
        "CoreMessages", "`packdesk outbox {action}` takes no file or number."
    ),
    "cli.outbox_one_file": QT_TRANSLATE_NOOP(
        "CoreMessages", "Give one file to write, e.g. `packdesk outbox export shipped.xlsx`."
    ),
    "cli.outbox_entry_numbers": QT_TRANSLATE_NOOP(
        "CoreMessages", "Entry numbers are whole numbers as `packdesk outbox list` shows them (#12), not {given}."
    ),
}
