"""Maintenance tools over the loaded data: the command line (cli.py), next year's edition
(rollover.py, review.py), the key reference and JSON Schema files (reference.py)."""
