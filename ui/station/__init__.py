"""The packing station screen (ui layer): the presenter (`view`), its painted widgets, the order panel, the lock,
the supervisor flow and the verdict table."""
