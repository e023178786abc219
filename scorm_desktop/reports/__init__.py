"""Reports of the dashboard's tables: CSV (`csv_export`, plain Python) and the `export` command (`commands`).

The printable PDF is drawn by Qt, so it lives in `scorm_desktop/ui/report_pdf.py`; `commands` loads it only for
``export --pdf``.
"""
