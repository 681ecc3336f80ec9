#!/usr/bin/python3
"""Prints what a Word document holds, as JSON, for the docx tests: its paragraphs' styles and
text, its tables (rows of cell text), its images (PNG or not), its fonts and its page size.
Reads the OOXML with the standard library only."""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text_of(element):
    return "".join(t.text or "" for t in element.iter(W + "t"))


def main(path):
    with zipfile.ZipFile(path) as z:
        document = ET.fromstring(z.read("word/document.xml"))
        styles = z.read("word/styles.xml").decode("utf-8")
        media = {n: z.read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in z.namelist()
                 if n.startswith("word/media/")}
        hyperlinks = z.read("word/document.xml").count(b"<w:hyperlink")
    body = document.find(W + "body")
    paragraphs, tables = [], []
    for element in body:
        if element.tag == W + "p":
            style = element.find(f"{W}pPr/{W}pStyle")
            paragraphs.append({"style": style.get(W + "val") if style is not None else "",
                               "text": text_of(element)})
        elif element.tag == W + "tbl":
            rows = [[text_of(cell) for cell in row.iter(W + "tc")]
                    for row in element.iter(W + "tr")]
            tables.append(rows)
    size = body.find(f"{W}sectPr/{W}pgSz")
    print(json.dumps({
        "paragraphs": paragraphs,
        "tables": tables,
        "media": media,
        "hyperlinks": hyperlinks,
        "east_asian_fonts": sorted(set(
            part.split('"')[0] for part in styles.split('w:eastAsia="')[1:])),
        "page": [int(size.get(W + "w")), int(size.get(W + "h"))] if size is not None else None,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
