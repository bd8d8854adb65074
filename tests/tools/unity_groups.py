#!/usr/bin/env python3
"""Prints unity groups for tests/test_build.cmake: the given test files split into N groups of
about equal size, no two files of a group declaring the same name at file scope (in or out of
an anonymous namespace), since a group is compiled as one translation unit.

    python3 tests/tools/unity_groups.py N tests/e2e/*.cpp
"""
import os
import re
import sys


def file_scope_names(path):
    names, depth = set(), 0
    for line in open(path, encoding="utf-8"):
        s = line.rstrip("\n")
        if depth == 0 and s and not s[0].isspace() and not s.startswith(
                ("//", "#", "}", "namespace", "TEST_CASE", "SCENARIO", "TEMPLATE", "using namespace")):
            m = (re.match(r"^(?:struct|class|enum(?: class)?)\s+(\w+)", s)
                 or re.match(r"^using\s+(\w+)\s*=", s)
                 or re.match(r"^[^(=]*?(\w+)\s*[(={\[]", s))
            if m and m.group(1) not in ("return", "if", "for", "while", "operator"):
                names.add(m.group(1))
        depth += s.count("{") - s.count("}")
        if s.startswith("namespace") and "{" in s:
            depth -= 1  # a namespace's body is file scope
        if re.match(r"^}\s*//\s*namespace", s):
            depth += 1
    return names


def main():
    n, files = int(sys.argv[1]), sys.argv[2:]
    groups = [{"names": set(), "size": 0, "files": []} for _ in range(n)]
    for f in sorted(files, key=lambda f: -os.path.getsize(f)):
        names = file_scope_names(f)
        free = [g for g in groups if not g["names"] & names]
        if not free:
            sys.exit(f"{f}: shares a file-scope name with a file of every group; use more groups")
        g = min(free, key=lambda g: g["size"])
        g["names"] |= names
        g["size"] += os.path.getsize(f)
        g["files"].append(os.path.basename(f))
    for g in groups:
        print('  "' + " ".join(sorted(g["files"])) + '"')


if __name__ == "__main__":
    main()
