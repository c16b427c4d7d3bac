"""Test helpers shared by the PackDesk test suites (independent decoders, fake printers)."""
