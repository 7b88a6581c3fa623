"""Pieces several activities share and the core does not need: settings lists and their bounds."""
