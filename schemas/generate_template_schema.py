#!/usr/bin/python3
"""Writes the JSON Schema of the template file (draft 2020-12) to standard output:
    schemas/generate_template_schema.py > schemas/template.schema.json
The block kinds, table presets and chart kinds with their options mirror
engine/templating/template_loader.cpp and chart_builder.cpp; tests/schemas/check_schemas.py
checks that the committed file is this script's output and that the schema agrees with the
engine on the bad-input fixtures."""
import json
import sys

text = {"$ref": "#/$defs/text"}
num = {"type": "number"}
boolean = {"type": "boolean"}
color = {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$"}
common_block = {"for_each": text, "if": text, "unless": text}


def block(key, value, extra=None, required_extra=()):
    props = {key: value}
    props.update(common_block)
    props.update(extra or {})
    return {"type": "object", "additionalProperties": False, "required": [key, *required_extra],
            "properties": props}


TARGET_COLUMNS = ["measure", "measure_label", "group", "comparator", "period", "value", "comparator_value",
                  "gap", "previous_gap", "change", "change_since_baseline", "baseline_gap", "target_value",
                  "direction", "target", "status", "reason"]
ACTION_COLUMNS = ["id", "action", "objective", "owner", "start", "due", "status", "progress", "last_updated"]


def column(presets):
    obj = {"type": "object", "additionalProperties": False, "properties": {
        "header": text, "value": text, "align": {"enum": ["left", "right", "centre"]},
        "weight": {"type": "number", "exclusiveMinimum": 0}, "status": boolean, "bold": boolean,
        "nowrap": boolean}}
    if presets:
        obj["properties"]["preset"] = {"enum": presets}
        obj["anyOf"] = [{"required": ["preset"]}, {"required": ["header", "value"]}]
        return {"anyOf": [{"enum": presets}, obj]}
    obj["required"] = ["header", "value"]
    return obj


def table(presets, rows_required):
    t = {"type": "object", "additionalProperties": False, "properties": {
        "id": text, "rows": text, "caption": text, "note": text, "source": text, "empty": text,
        "columns": {"type": "array", "items": column(presets)}}}
    if rows_required:
        t["required"] = ["rows", "columns"]
    return t


CHART_KINDS = {
    "gap_trend": ["measure", "group", "comparator", "national", "subtitle"],
    "gap_bars": ["group", "measures", "subtitle"],
    "grouped_bars": ["measures", "groups", "period", "periods", "subtitle"],
    "status_bars": ["status", "subtitle"],
    "action_status": ["subtitle", "rows"],
    "distribution": ["measure", "group", "comparator", "level", "highlight", "period", "subtitle"],
    "line": ["measure", "group", "areas", "level", "national", "target", "subtitle"],
}
CHART_COMMON = ["kind", "id", "title", "source", "note", "alt", "table", "data_table", "height", "min_height",
                "caption"]
SERIES_SHOW = ["value", "comparator_value", "gap", "change", "value_change"]


def series_table():
    row = {"type": "object", "additionalProperties": False, "required": ["figure"],
           "properties": {"figure": text, "label": text, "show": {"enum": SERIES_SHOW}}}
    return {"type": "object", "additionalProperties": False, "required": ["rows"], "properties": {
        "id": text, "caption": text, "note": text, "source": text, "empty": text, "header": text, "change": boolean,
        "periods": {"anyOf": [text, {"type": "array", "items": text}]},
        "rows": {"type": "array", "items": row}}}


def chart():
    keys = sorted(set(CHART_COMMON) | {k for v in CHART_KINDS.values() for k in v})
    c = {"type": "object", "required": ["kind"], "additionalProperties": False,
         "properties": {k: text for k in keys},
         "allOf": [{"if": {"properties": {"kind": {"const": k}}, "required": ["kind"]},
                    "then": {"propertyNames": {"enum": CHART_COMMON + v}}} for k, v in CHART_KINDS.items()]}
    c["properties"]["kind"] = {"anyOf": [{"enum": list(CHART_KINDS)}, {"type": "string", "pattern": "\\{\\{"}],
                               "description": "The chart kind, or a placeholder that gives it."}
    c["properties"]["height"] = num
    c["properties"]["min_height"] = num
    return c


def schema():
    items_or_path = {"anyOf": [text, {"type": "array", "items": text}]}
    blocks = [
        block("heading", text, {"numbered": boolean}),
        block("paragraph", text, {"numbered": boolean}),
        block("note", text, {"numbered": boolean}),
        block("paragraphs", text, {"numbered": boolean}),
        block("bullets", items_or_path, {"intro": text, "numbered": boolean}),
        block("lettered", items_or_path, {"intro": text, "numbered": boolean}),
        block("quote", text, {"attribution": text}),
        block("callout", text, {"items": items_or_path}, ["items"]),
        block("page_break", {}),
        block("contents", {}),
        block("spacer", num),
        block("table", table([], True)),
        block("status_table", {"oneOf": [{"type": "null"}, table(TARGET_COLUMNS, False)]}),
        block("action_table", {"oneOf": [{"type": "null"}, table(ACTION_COLUMNS, False)]}),
        block("sources_table", {"oneOf": [{"type": "null"}, table([], False)]}),
        block("chart", chart()),
        block("series_table", series_table()),
    ]
    style = {"type": "object", "additionalProperties": False, "properties": {
        "page_size": {"enum": ["A4", "Letter"]},
        "margins": {"type": "object", "additionalProperties": False,
                    "properties": {k: num for k in ["top", "right", "bottom", "left"]}},
        "body_size": {"type": "number", "minimum": 6, "maximum": 18}, "line_spacing": num,
        "uppercase_sections": boolean,
        "colors": {"type": "object", "additionalProperties": False,
                   "properties": {k: color for k in ["accent", "text", "muted", "rule", "table_header"]}},
        "header_left": text, "header_right": text, "footer_left": text, "classification": text, "logo": text,
        "logo_height": num, "title_size": num, "header_size": num, "header_bold": boolean,
        "header_rule_width": num, "header_rule_color": color}}
    front = {"type": "object", "additionalProperties": False, "required": ["kind"], "properties": {
        "kind": {"enum": ["board_paper", "title_page", "none"]}, "title": text, "subtitle": text,
        "fields": {"type": "array", "items": {"type": "object", "additionalProperties": False,
                                              "required": ["label", "value"],
                                              "properties": {"label": text, "value": text}}}}}
    section = {"type": "object", "additionalProperties": False, "properties": {
        "title": text, "numbered": boolean,
        "page_break_before": {"anyOf": [{"type": "boolean"}, {"enum": ["when_needed"]}],
                              "description": "true: start on a new page; when_needed: only when the page before is at least three quarters full"},
        "for_each": text, "if": text,
        "blocks": {"type": "array", "items": {"$ref": "#/$defs/block"}}}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://boardpack.example.org/schemas/template.schema.json",
        "title": "boardpack report template",
        "description": "A report template: docs/templates.md. Installed as "
                       "/usr/share/boardpack/schemas/template.schema.json. Structure and types only; "
                       "placeholders, chart options against the data and files are checked by "
                       "'boardpack validate'.",
        "type": "object", "additionalProperties": False, "required": ["template", "sections"],
        "properties": {
            "template": text, "description": text, "style": style,
            "metadata": {"type": "object", "additionalProperties": False,
                         "properties": {"title": text, "subject": text, "keywords": text}},
            "front": front,
            "sections": {"type": "array", "items": section}},
        "$defs": {
            "text": {"type": ["string", "number", "boolean"],
                     "description": "A scalar, read as text; may hold {{ placeholders }}."},
            "block": {"description": "One block: exactly one block key (heading, paragraph, table, chart, …).",
                      "oneOf": blocks}},
    }


json.dump(schema(), sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write("\n")
