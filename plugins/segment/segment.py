#!/usr/bin/env python3
"""segment: a pardot-clean command plugin that puts prospects on static lists.

Each `segment` rule names a list and a test on one field; a prospect that passes the test is put
on the list (its field `list_<id>` is set to "1"), and with `remove_others` one that does not is
taken off it. pardot-clean reads the list's members before the run (the list must be named in
`source.pardot.lists`), so only real changes are written: v3/v4 send `list_<id>=1|0` with the
prospect's update, v5 goes through the list-membership object, and `undo` reverses them.

    plugins:
      - command: [python3, ../plugins/segment/segment.py]
    rules:
      - segment: { list: 1201, field: country, in: [DE, AT, CH] }
      - segment: { list: 1202, field: score, at_least: "100", remove_others: true }
      - segment: { list: 1203, field: job_title, matches: "\\b(cto|cio|vp)\\b" }

The protocol (JSON Lines on stdin/stdout, a hello, then one request per batch) is described in
rules/command_plugin.h; this file uses nothing but Python's standard library.
"""

import json
import re
import sys

PROTOCOL = 1

RULE = {
    "name": "segment",
    "version": 1,
    "summary": "puts prospects that pass a test on a static list",
    "details": "Sets list_<list> to 1 for a prospect whose field passes the test (one of in, "
               "matches or at_least); with remove_others, clears it for one that does not. "
               "Name the list in source.pardot.lists so that its members are read first.",
    "writes": ["list_{list}"],
    "options": [
        {"key": "list", "type": "int", "required": True, "doc": "the static list's Pardot id"},
        {"key": "field", "type": "field", "required": True, "doc": "the field tested"},
        {"key": "in", "type": "strings", "doc": "values that qualify (case and spaces ignored)"},
        {"key": "matches", "type": "string", "doc": "a regular expression the value must contain"
                                                    " (case ignored)"},
        {"key": "at_least", "type": "string", "doc": "a number the value must reach"},
        {"key": "remove_others", "type": "bool", "default": "false",
         "doc": "take prospects that do not qualify off the list"},
    ],
}

TESTS = ("in", "matches", "at_least")


def number(text):
    try:
        return float(str(text).strip().replace(",", ""))
    except ValueError:
        return None


class Segment:
    """One rule's options, checked once and kept for the batches that share them."""

    def __init__(self, options):
        given = [t for t in TESTS if t in options]
        if len(given) != 1:
            raise ValueError("give exactly one of in, matches or at_least (got %s)"
                             % (", ".join(given) or "none"))
        self.field = options["field"]
        self.target = "list_%d" % int(options["list"])
        self.remove_others = bool(options.get("remove_others", False))
        self.values = None
        self.pattern = None
        self.least = None
        if "in" in options:
            self.values = {v.strip().casefold() for v in options["in"]}
        elif "matches" in options:
            try:
                self.pattern = re.compile(options["matches"], re.IGNORECASE)
            except re.error as e:
                raise ValueError("matches: not a regular expression: %s" % e)
        else:
            self.least = number(options["at_least"])
            if self.least is None:
                raise ValueError("at_least: %r is not a number" % options["at_least"])

    def qualifies(self, value):
        if value is None or value == "":
            return False
        if self.values is not None:
            return str(value).strip().casefold() in self.values
        if self.pattern is not None:
            return self.pattern.search(str(value)) is not None
        n = number(value)
        return n is not None and n >= self.least

    def answer(self, record):
        if self.qualifies(record["fields"].get(self.field)):
            return {"key": record["key"], "set": {self.target: "1"}}
        if self.remove_others:
            return {"key": record["key"], "set": {self.target: None}}
        return {"key": record["key"], "set": {}}


def batch(message, cache):
    key = json.dumps(message["options"], sort_keys=True)
    try:
        if key not in cache:
            cache[key] = Segment(message["options"])
        segment = cache[key]
    except (ValueError, KeyError) as e:
        error = "segment: %s" % e
        return [{"key": r["key"], "error": error} for r in message["records"]]
    return [segment.answer(r) for r in message["records"]]


def main():
    cache = {}
    for line in sys.stdin:
        message = json.loads(line)
        if message.get("type") == "hello":
            reply = {"type": "hello", "protocol": PROTOCOL, "rules": [RULE]}
        else:
            reply = {"type": "result", "id": message["id"], "records": batch(message, cache)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
