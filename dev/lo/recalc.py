#!/usr/bin/python3
"""
LibreOffice as a second formula engine for the tests: one headless soffice for the whole run.

Reads one .xlsx path per line on stdin; for each, loads the workbook, recalculates every formula
(LibreOffice keeps cached results on load unless told, so calculateAll() is forced), and writes one
JSON line on stdout: {"sheets": {name: [[value, ...], ...]}} over each sheet's used area, where a
value is a number, a string ("" for an empty cell or an empty text), or {"error": code} for a
formula error. A line {"fatal": message} reports a failure. Closes soffice on end of input.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

FORMULA = uno.Enum("com.sun.star.table.CellContentType", "FORMULA")


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start():
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = "kefu_lo_%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 600  # minutes on a crowded machine
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except NoConnectException:
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("soffice did not start")
            time.sleep(0.2)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def cell_value(sheet, data, r, c):
    value = data[r][c]
    if value != "":
        return value
    cell = sheet.getCellByPosition(c, r)
    if cell.getType() == FORMULA and cell.getError() != 0:
        return {"error": cell.getError()}
    return ""


def evaluate(desktop, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    try:
        doc.calculateAll()
        out = {}
        sheets = doc.getSheets()
        for i in range(sheets.getCount()):
            sheet = sheets.getByIndex(i)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.getRangeAddress()
            area = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
            data = area.getDataArray()
            out[sheet.getName()] = [[cell_value(sheet, data, r, c) for c in range(len(data[r]))] for r in range(len(data))]
        return out
    finally:
        doc.close(True)


def main():
    proc, desktop = start()
    try:
        for line in sys.stdin:
            path = line.strip()
            if not path:
                continue
            try:
                reply = {"sheets": evaluate(desktop, path)}
            except Exception as e:  # report, keep serving
                reply = {"fatal": "%s: %s" % (type(e).__name__, e)}
            sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
