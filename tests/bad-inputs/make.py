#!/usr/bin/env python3
"""Writes the bad-input corpus: files a user might bring that cloudtriage must
refuse (or accept with a warning) with a clear message. expected.toml holds
the message each must produce; tests/bad_inputs.rs checks them and that the
current answers stay unchanged; Playwright imports a subset in the widget.
The 20 MB file is made by the tests themselves instead of being stored."""
import json
from pathlib import Path

HERE = Path(__file__).parent

BASE = {
    "format": "cloudtriage-results",
    "format_version": 1,
    "questionnaire": {"id": "cloudtriage-health-cloud", "version": "2.0.0", "language": "en"},
    "created": "2026-11-28T15:29:16Z",
    "context": {"use_cases": ["ehr"], "service_model": "saas", "deployment": "public", "stage": "operating", "org_size": "medium"},
    "answers": {"GOV-01": {"value": 3}, "GOV-02": {"value": "unknown", "note": "Ask the board secretary."}, "RSK-01": {"value": 1}},
}


def variant(**changes):
    data = json.loads(json.dumps(BASE))
    for path, value in changes.items():
        *parents, last = path.split("__")
        target = data
        for p in parents:
            target = target[p]
        if value is ...:
            del target[last]
        else:
            target[last] = value
    return json.dumps(data, indent=2, ensure_ascii=False)


files = {
    "01-empty.json": "",
    "02-only-whitespace.json": "  \n\t\n",
    "03-plain-text.txt": "Cloud assessment notes from the meeting on Tuesday\n",
    "04-truncated.json": variant()[:170],
    "05-top-level-array.json": "[" + variant() + "]",
    "06-top-level-string.json": '"cloudtriage-results"',
    "07-wrong-format.json": variant(format="surveyjs-results"),
    "08-missing-format.json": variant(format=...),
    "09-future-version.json": variant(format_version=3),
    "10-version-zero.json": variant(format_version=0),
    "11-version-as-text.json": variant(format_version="1"),
    "12-version-fraction.json": variant(format_version=1.5),
    "13-other-questionnaire.json": variant(questionnaire__id="nhs-dspt-2026"),
    "14-missing-context.json": variant(context=...),
    "15-missing-answers.json": variant(answers=...),
    "16-answers-as-list.json": variant(answers=[3, 2, 1]),
    "17-level-5.json": None,
    "18-level-minus-1.json": None,
    "19-level-2-5.json": None,
    "20-level-as-text.json": None,
    "21-unknown-answer-word.json": None,
    "22-duplicate-answer.json": None,
    "23-duplicate-top-level-key.json": None,
    "24-unknown-use-case.json": variant(context__use_cases=["ehr", "radiology"]),
    "25-no-use-case.json": variant(context__use_cases=[]),
    "26-unknown-service-model.json": variant(context__service_model="faas"),
    "27-bad-date.json": variant(created="28/11/2026"),
    "28-note-too-long.json": None,
    "29-control-character-in-note.json": None,
    "30-utf16le-with-bom.json": None,
    "31-utf16be-with-bom.json": None,
    "32-utf16le-without-bom.json": None,
    "33-nested-10000-deep.json": "[" * 10000 + "]" * 10000,
    "34-binary.json": None,
    "35-note-is-a-number.json": None,
    "36-answer-is-a-bare-number.json": None,
    "37-utf8-with-bom.json": None,
    "38-html-and-script-in-note.json": None,
    "39-older-questionnaire-version.json": None,
    "40-not-applicable-where-not-allowed.json": None,
    "41-context-is-text.json": variant(context="EHR in the cloud"),
}


def answers(entries):
    data = json.loads(variant())
    data["answers"] = entries
    return json.dumps(data, indent=2, ensure_ascii=False)


files["17-level-5.json"] = answers({"GOV-01": {"value": 5}})
files["18-level-minus-1.json"] = answers({"GOV-01": {"value": -1}})
files["19-level-2-5.json"] = answers({"GOV-01": {"value": 2.5}})
files["20-level-as-text.json"] = answers({"GOV-01": {"value": "3"}})
files["21-unknown-answer-word.json"] = answers({"GOV-01": {"value": "maybe"}})
files["22-duplicate-answer.json"] = variant().replace('"GOV-01": {\n      "value": 3\n    },', '"GOV-01": {\n      "value": 3\n    },\n    "GOV-01": {\n      "value": 1\n    },', 1)
files["23-duplicate-top-level-key.json"] = variant().replace('"format_version": 1,', '"format_version": 1,\n  "format": "cloudtriage-results",', 1)
files["28-note-too-long.json"] = answers({"GOV-01": {"value": 2, "note": "x" * 4001}})
files["29-control-character-in-note.json"] = answers({"GOV-01": {"value": 2, "note": "Escape \u001b[31m red"}})
files["35-note-is-a-number.json"] = answers({"GOV-01": {"value": 2, "note": 42}})
files["36-answer-is-a-bare-number.json"] = answers({"GOV-01": 3})
files["38-html-and-script-in-note.json"] = answers({"GOV-01": {"value": 2, "note": "<script>alert('x')</script><img src=x onerror=alert(1)> <b>bold</b>"}})
old = json.loads(variant())
old["questionnaire"]["version"] = "0.9.0"
old["answers"]["GOV-99"] = {"value": 2}
files["39-older-questionnaire-version.json"] = json.dumps(old, indent=2)
files["40-not-applicable-where-not-allowed.json"] = answers({"GOV-01": {"value": "na"}, "GOV-02": {"value": 2}})



def team(entries, **top):
    """A format version 2 file with team fields."""
    data = json.loads(variant(format_version=2))
    data["answers"] = entries
    data.update(top)
    return json.dumps(data, indent=2, ensure_ascii=False)


two_views = [{"respondent": "CISO", "value": 2, "note": "Only the EHR contract."}, {"respondent": "DPO", "value": 3}]
files["42-evidence-hash-not-hex.json"] = team({"GOV-01": {"value": 3, "evidence": [{"title": "ISMS policy", "file": {"name": "policy.pdf", "sha256": "not-a-checksum"}}]}})
files["43-resolution-not-among-answers.json"] = team({"GOV-01": {"value": 2, "conflict": {"answers": two_views, "resolution": {"by": "Coordinator", "chosen": "Procurement", "value": 2}}}})
files["44-respondent-label-10000-characters.json"] = team({"GOV-01": {"value": 3}}, respondent="R" * 10000)
files["45-conflict-on-unknown-question.json"] = team({"GOV-01": {"value": 3}, "GOV-99": {"value": 2, "conflict": {"answers": two_views}}})
files["46-conflict-without-disagreement.json"] = team({"GOV-01": {"value": 2, "conflict": {"answers": [{"respondent": "CISO", "value": 2}, {"respondent": "DPO", "value": 2}]}}})
files["47-review-date-that-does-not-exist.json"] = team({"GOV-01": {"value": 3, "evidence": [{"title": "Board minutes", "review_by": "2027-02-30"}]}})
files["48-unknown-assigned-domain.json"] = team({"GOV-01": {"value": 3}}, respondents=[{"label": "DPO", "domains": ["governance", "astrology"]}])
files["49-team-file-with-open-conflict.json"] = team({"GOV-01": {"value": 3, "conflict": {"answers": two_views}}, "GOV-02": {"value": 1, "respondent": "CISO", "evidence": [{"title": "Risk register", "location": "DMS-4711", "owner": "CISO", "review_by": "2027-03-31", "file": {"name": "register.xlsx", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}]}}, respondent="Coordinator", respondents=[{"label": "CISO", "domains": ["governance"]}, {"label": "DPO", "domains": []}])

BINARY = {"30-utf16le-with-bom.json", "31-utf16be-with-bom.json", "32-utf16le-without-bom.json", "34-binary.json", "37-utf8-with-bom.json"}
for name, text in files.items():
    if name in BINARY:
        continue
    assert text is not None, name
    (HERE / name).write_text(text, encoding="utf-8")

valid = variant().encode("utf-8")
(HERE / "30-utf16le-with-bom.json").write_bytes(b"\xff\xfe" + variant().encode("utf-16-le"))
(HERE / "31-utf16be-with-bom.json").write_bytes(b"\xfe\xff" + variant().encode("utf-16-be"))
(HERE / "32-utf16le-without-bom.json").write_bytes(variant().encode("utf-16-le"))
(HERE / "34-binary.json").write_bytes(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xC3, 0x28, 0xFF]))
(HERE / "37-utf8-with-bom.json").write_bytes(b"\xef\xbb\xbf" + valid)
