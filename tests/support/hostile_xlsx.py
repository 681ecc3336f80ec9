# SPDX-License-Identifier: MIT
"""Writes hostile .xlsx packages for tests/cli/xlsx_test.cpp, with nothing but zipfile.

usage: hostile_xlsx.py KIND OUT.xlsx
  bomb:       a sheet whose XML expands to 1.1 GiB of spaces (about 1 MiB on disk)
  broken:     a sheet whose XML stops in the middle of a row
  rows:       a sheet of 1,048,576 rows of one column, written as raw XML
  nosheets:   a well-formed workbook whose only sheet is named 备注
"""
import sys
import zipfile

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""


def workbook(sheet_name):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>"""


HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')


def main():
    kind, out = sys.argv[1:3]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/workbook.xml", workbook("备注" if kind == "nosheets" else "firms"))
        if kind == "bomb":
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
                f.write(HEAD.encode())
                chunk = b" " * (1 << 20)
                for _ in range(1100):
                    f.write(chunk)
                f.write(b"</sheetData></worksheet>")
        elif kind == "broken":
            z.writestr("xl/worksheets/sheet1.xml",
                       HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c>')
        elif kind == "rows":
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
                f.write(HEAD.encode())
                for r in range(1, 1048577, 4096):
                    f.write("".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>'
                                    for i in range(r, min(r + 4096, 1048577))).encode())
                f.write(b"</sheetData></worksheet>")
        else:
            z.writestr("xl/worksheets/sheet1.xml",
                       HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>'
                       '</sheetData></worksheet>')


if __name__ == "__main__":
    main()
