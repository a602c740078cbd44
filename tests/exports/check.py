#!/usr/bin/env python3
"""Opens cloudtriage's exports with readers that share no code with it and
checks them against `cloudtriage score --json` and the questionnaire.

  check.py --score SCORE.json --questionnaire Q.json --results RESULTS.json
           --lang de [--pdf] FILE.xlsx FILE.csv FILE.docx FILE.md

- XLSX: openpyxl (Debian python3-openpyxl): the three sheets, frozen header,
  the status drop-down with the translated statuses, every action row in
  order, every note, respondent and evidence title on the answers sheet.
- CSV: Python's csv module: UTF-8 byte-order mark, the same action rows.
- DOCX: python-docx (Debian python3-docx): Heading 1/2/3 styles, tables, one
  Heading 3 per action in order.
- Markdown: one "###" heading per action in order.
- With --pdf, LibreOffice converts the XLSX and DOCX to PDF, which must work
  and contain the action plan's first practice.
The expected words come from content/lang/<lang>/ui.toml and the
questionnaire JSON (`cloudtriage questionnaire --json --lang <lang>`).
Exits 1 with every failure listed; prints "N passed, 0 failed" otherwise.
"""
import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
failures = []
passed = 0


def check(condition, message):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(message)


def expected_rows(score, questionnaire, ui):
    """The action plan's text columns as the export must have them, from the score and the questionnaire alone."""
    questions = {q["id"]: (d, q) for d in questionnaire["domains"] for q in d["questions"]}
    yes, no = ui["catalogue"]["yes"], ui["catalogue"]["no"]
    rows = []
    for a in score["actions"]:
        domain, q = questions[a["question"]]
        if a["state"] == "level":
            standing = ui["results"]["standing_level"].replace("{level}", str(a["level"]))
        else:
            standing = ui["results"]["standing_" + a["state"]]
        party = a["responsibility"] or "undecided"
        rows.append([
            str(a["rank"]), a["question"], domain["title"], q["prompt"], yes if a["critical"] else no,
            standing, str(a["target"]), q["levels"][a["next_level"]], q["recommendation"],
            ui["parties"][party], ui["format"]["list_separator"].join(r["label"] for r in q["references"]),
        ])
    return rows


def columns(ui):
    e = ui["export"]
    return [e[k] for k in ("rank", "question_id", "domain", "question", "critical", "current", "target",
                           "next_step", "recommendation", "responsibility", "references", "owner", "due", "status")]


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def check_xlsx(path, rows, ui, results):
    import openpyxl
    book = openpyxl.load_workbook(path)
    e = ui["export"]
    check(book.sheetnames == [e["sheet_plan"], e["sheet_answers"], e["sheet_summary"]], f"{path}: sheets {book.sheetnames}")
    plan = book[e["sheet_plan"]]
    header = [cell_text(c.value) for c in plan[1]]
    check(header == columns(ui), f"{path}: header {header}")
    check(plan.freeze_panes == "A2", f"{path}: frozen panes {plan.freeze_panes}")
    got = [[cell_text(c.value) for c in r] for r in plan.iter_rows(min_row=2)]
    check(len(got) == len(rows), f"{path}: {len(got)} action rows, expected {len(rows)}")
    for i, (g, want) in enumerate(zip(got, rows)):
        check(g[: len(want)] == want, f"{path}: action row {i + 1} is {g[:len(want)]}, expected {want}")
        check(g[len(want):] == ["", "", ""], f"{path}: owner, due date and status of row {i + 1} are not empty: {g[len(want):]}")
    statuses = [e["status_open"], e["status_in_progress"], e["status_done"], e["status_accepted"]]
    lists = [dv for dv in plan.data_validations.dataValidation if dv.type == "list"]
    check(len(lists) == 1, f"{path}: {len(lists)} list validations on the action plan")
    if lists:
        formula = lists[0].formula1.strip('"').split(",")
        check(formula == statuses, f"{path}: status list {formula}, expected {statuses}")
        status_col = openpyxl.utils.get_column_letter(len(columns(ui)))
        check(str(lists[0].sqref) == f"{status_col}2:{status_col}{len(rows) + 1}", f"{path}: status list covers {lists[0].sqref}")
    widths = {}
    for dim in plan.column_dimensions.values():
        for col in range(dim.min, dim.max + 1):
            widths[col] = dim.width
    for col in range(1, len(header) + 1):
        width = widths.get(col)
        check(width and width >= len(header[col - 1]), f"{path}: column {col} is {width} wide for {header[col - 1]!r}")
    prompt_width = widths.get(4) or 0
    check(40 <= prompt_width <= 70, f"{path}: the practice column is {prompt_width} wide; long text should wrap near 60")
    answers = book[e["sheet_answers"]]
    check(answers.freeze_panes == "A2", f"{path}: answers sheet frozen panes {answers.freeze_panes}")
    by_id = {cell_text(r[0].value): [cell_text(c.value) for c in r] for r in answers.iter_rows(min_row=2)}
    for qid, entry in results["answers"].items():
        row = by_id.get(qid)
        check(row is not None, f"{path}: no answer row for {qid}")
        if row is None:
            continue
        if entry.get("note"):
            check(entry["note"] in row, f"{path}: the note of {qid} is not there exactly: {row}")
        if entry.get("respondent"):
            check(entry["respondent"] in row, f"{path}: the respondent of {qid} is missing")
        for ev in entry.get("evidence", []):
            check(any(ev["title"] in c for c in row), f"{path}: the evidence {ev['title']!r} of {qid} is missing")
    summary = book[e["sheet_summary"]]
    text = " ".join(cell_text(c.value) for r in summary.iter_rows() for c in r)
    for index in ("cloud_readiness", "data_protection"):
        s = results_score[index]["score"]
        check(f"{s}/100" in text, f"{path}: the summary lacks the {index} score {s}")
        check(ui["indices"][index] in text, f"{path}: the summary lacks the name of {index}")


def check_csv(path, rows, ui):
    data = Path(path).read_bytes()
    check(data.startswith(b"\xef\xbb\xbf"), f"{path}: no UTF-8 byte-order mark")
    check(b"\r\n" in data, f"{path}: lines do not end in CRLF")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    check(table[0] == columns(ui), f"{path}: header {table[0]}")
    check(len(table) - 1 == len(rows), f"{path}: {len(table) - 1} rows, expected {len(rows)}")
    for i, (g, want) in enumerate(zip(table[1:], rows)):
        check(g[: len(want)] == want, f"{path}: row {i + 1} is {g[:len(want)]}, expected {want}")


def check_docx(path, score, questionnaire, ui):
    import docx
    doc = docx.Document(path)
    styles = [(p.style.name, p.text) for p in doc.paragraphs]
    h1 = [t for s, t in styles if s == "Heading 1"]
    h2 = [t for s, t in styles if s == "Heading 2"]
    h3 = [t for s, t in styles if s == "Heading 3"]
    check(h1 == [ui["export"]["title"]], f"{path}: Heading 1 {h1}")
    for key in (ui["export"]["indices_title"], ui["results"]["chart_title"], ui["results"]["actions_title"], ui["export"]["methodology_title"]):
        check(key in h2, f"{path}: no Heading 2 {key!r} in {h2}")
    prompts = {q["id"]: q["prompt"] for d in questionnaire["domains"] for q in d["questions"]}
    want = [f"{a['rank']}. {a['question']} · {prompts[a['question']]}" for a in score["actions"]]
    got = [t.split(f" ({ui['answer']['critical']})")[0] for t in h3]
    check(got == want, f"{path}: action headings differ from the score: {got[:3]} ... vs {want[:3]} ...")
    check(len(doc.tables) >= 3, f"{path}: {len(doc.tables)} tables")
    domains = {d["id"]: d["title"] for d in questionnaire["domains"]}
    table_text = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    for d in score["domains"]:
        check(any(r and r[0] == domains[d["id"]] for r in table_text), f"{path}: no table row for domain {domains[d['id']]!r}")


def check_markdown(path, score, questionnaire, ui):
    text = Path(path).read_text(encoding="utf-8")
    prompts = {q["id"]: q["prompt"] for d in questionnaire["domains"] for q in d["questions"]}
    heads = [l[4:].replace("\\", "") for l in text.splitlines() if l.startswith("### ")]
    got = [h.split(f" ({ui['answer']['critical']})")[0] for h in heads]
    want = [f"{a['rank']}. {a['question']} · {prompts[a['question']]}" for a in score["actions"]]
    check(got == want, f"{path}: action headings differ from the score: {got[:2]} vs {want[:2]}")
    check(text.startswith("# " + ui["export"]["title"]), f"{path}: does not start with the title")


def check_pdf(paths, expect):
    """LibreOffice converts each file to PDF; the PDF must hold the expected text."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        result = subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp, *paths],
            capture_output=True, text=True, timeout=240)
        check(result.returncode == 0, f"LibreOffice failed: {result.stderr}")
        for p in paths:
            pdf = Path(tmp) / (Path(p).stem + ".pdf")
            check(pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), f"{p}: LibreOffice made no PDF")
            if pdf.is_file():
                text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
                flat = " ".join(text.split())
                words = " ".join(expect.split()[:4])
                check(words in flat, f"{p}: the PDF lacks {words!r}")


def main():
    global results_score
    ap = argparse.ArgumentParser()
    ap.add_argument("--score", required=True)
    ap.add_argument("--questionnaire", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--lang", required=True)
    ap.add_argument("--pdf", action="store_true")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    score = json.loads(Path(args.score).read_text(encoding="utf-8"))
    results_score = score
    questionnaire = json.loads(Path(args.questionnaire).read_text(encoding="utf-8"))
    results = json.loads(Path(args.results).read_text(encoding="utf-8-sig"))
    ui = tomllib.loads((ROOT / "content" / "lang" / args.lang / "ui.toml").read_text(encoding="utf-8"))
    check(questionnaire["language"] == args.lang, "the questionnaire JSON is in another language")
    check(len(score["actions"]) > 0, "the score has no actions to compare")
    rows = expected_rows(score, questionnaire, ui)
    for f in args.files:
        if f.endswith(".xlsx"):
            check_xlsx(f, rows, ui, results)
        elif f.endswith(".csv"):
            check_csv(f, rows, ui)
        elif f.endswith(".docx"):
            check_docx(f, score, questionnaire, ui)
        elif f.endswith(".md"):
            check_markdown(f, score, questionnaire, ui)
        else:
            check(False, f"{f}: unknown kind of file")
    office = [f for f in args.files if f.endswith((".xlsx", ".docx"))]
    if args.pdf and office:
        first = next(q["prompt"] for d in questionnaire["domains"] for q in d["questions"] if q["id"] == score["actions"][0]["question"])
        check_pdf(office, first)
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    print(f"exports: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
