"""Transports (printers layer): they only move bytes to a printer (no encoding here), one module per link.

A job counts as printed only when the printer has taken all of it, and each link says so its own way: TCP by the
printer's clean close after ours, or by its status answer behind the label on a batch's connection (tcp.py), USB by
the device acknowledging every bulk packet (usb.py), serial by the printer answering a status query it can only reach
after the job's last byte (RawPrinter asks; a slow line is waited for at its speed, serial.py). Files (file.py), CUPS
(cups.py) and the Windows spooler (win32.py) take jobs whole and cannot be asked. virtual.py holds the printers that
write files instead (PNG, PDF). Modules are imported lazily by printers.registry, so a missing optional driver never
breaks start-up.
"""
