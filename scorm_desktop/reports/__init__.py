"""Reports, in plain Python: the dashboard's queries (`queries`), the `report` command's rows (`rows`), the tables as
CSV (`csv_export`) and the printable report's HTML (`pdf_html`); and the `export` command (`commands`).

Only laying the HTML out on PDF pages needs Qt: that is `scorm_desktop/ui/report_pdf.py`, which `commands` loads only
for ``export --pdf``.
"""
