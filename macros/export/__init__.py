"""What a reader takes away: Word files (word.py, python-docx), text files (plain_text.py),
calendars (ical.py, icalendar), and the set of files each plan and plan type gets (files.py).
Each writes bytes from the resolved model; none touches the disk or MkDocs."""
