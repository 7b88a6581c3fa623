"""One safe CSV writer for every export: formulas neutralised, a BOM for spreadsheets, no caching."""
import csv
import io

from flask import Response

# Spreadsheets run cells that start like a formula; a leading quote keeps such texts as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with a leading quote when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(rows, columns):
    """CSV text of dict rows (keys outside `columns` ignored), with a BOM so spreadsheets read accents right."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def table_csv(header, rows):
    """CSV text of plain rows under a header row, every cell as text."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(str(value)) for value in row])
    return buffer.getvalue()


def download(body, filename, mimetype="text/csv"):
    """A download response that no cache keeps (exports hold personal data)."""
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})
