"""Scanner input: telling a barcode scanner's keystrokes from a person's (scanning layer, Qt-free)."""
