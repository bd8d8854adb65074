#!/usr/bin/python3
"""Parses HTML pages with html5lib in strict mode (Debian's python3-html5lib) and prints the
rows of their tables, so end-to-end tests can compare them with the PDF's.

usage: html_tables.py PAGE.html...
Output, per page: "PAGE <path>", then per table "TABLE <caption>" and one "ROW" line per row
with its cells separated by tabs (text with whitespace collapsed). Tables of a chart's figures
(inside <details class="values">, which the PDF does not print) are left out. A parse error prints
"<path>:<line>:<col>: error: <message>" on stderr and exits 1.
"""
import sys

import html5lib


def text(element):
    return " ".join("".join(element.itertext()).split())


def main(paths):
    failed = False
    for path in paths:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        with open(path, "rb") as f:
            data = f.read()
        try:
            doc = parser.parse(data)
        except html5lib.html5parser.ParseError as e:
            (line, col), code, details = parser.errors[-1] if parser.errors else ((0, 0), str(e), {})
            print(f"{path}:{line}:{col}: error: {code} {details or ''}".rstrip(), file=sys.stderr)
            failed = True
            continue
        print(f"PAGE {path}")
        chart_figures = {id(t) for d in doc.iter("details") if d.get("class") == "values"
                         for t in d.iter("table")}
        for table in doc.iter("table"):
            if id(table) in chart_figures:
                continue
            caption = table.find("caption")
            print("TABLE " + (text(caption) if caption is not None else ""))
            for tr in table.iter("tr"):
                cells = [text(c) for c in tr if c.tag in ("th", "td")]
                print("ROW " + "\t".join(cells))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
