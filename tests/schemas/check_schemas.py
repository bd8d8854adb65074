#!/usr/bin/python3
"""The JSON Schemas of schemas/ against the real files (Debian's python3-jsonschema, python3-yaml).

  check_schemas.py valid  ROOT            every sample and starter batch, every template validates
  check_schemas.py agree  ROOT BOARDPACK  every bad-input fixture of tests/fixtures/bad/ with its own
                                          batch.yaml or template.yaml: the engine rejects it
                                          (`boardpack validate` exits 2) and so does the schema,
                                          unless the fixture is listed in SEMANTIC with the reason
                                          the schema cannot see it (then the schema must accept it,
                                          so the list stays true)
  check_schemas.py generated ROOT         schemas/template.schema.json is what
                                          schemas/generate_template_schema.py writes

YAML is read as YAML 1.2 reads it (as editors do): true/false are booleans, dates stay text,
yes/no/on/off are text, and a duplicate key is an error.
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

# Bad inputs the engine rejects for what the file names or holds, not for its structure.
SEMANTIC = {
    "15-obs-missing-file": "the observations file does not exist",
    "60-targets-comparator-no-rows": "the targets' comparator has no rows in the data",
    "62-batch-icc-profile-missing": "the ICC profile file does not exist",
    "63-batch-icc-profile-not-an-icc-file": "the ICC profile file is not an ICC profile",
    "68-batch-observations-device": "the observations path is a device, not a file",
    "69-batch-observations-folder": "the observations path is a folder, not a file",
    "77-obs-value-absurd-for-unit": "a value in the data is absurd for its unit",
    "79-template-link-file-scheme": "a link inside narrative text has a refused scheme",
    "80-template-link-relative": "a link inside narrative text has a refused scheme",
    "84-batch-template-missing": "the template file does not exist",
    "85-batch-settings-missing": "the settings file does not exist",
    "86-obs-filters-match-nothing": "no row of the data matches the filters",
    "92-batch-template-not-yaml": "the template path names a CSV file",
}


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema scalars and duplicate keys refused."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, regexp) for tag, regexp in v if tag not in (
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


Yaml12Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def validator(root, name):
    schema = json.loads((root / "schemas" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def expanded_size(node, memo, open_ids):
    """Values in `node` with every alias repeated (None when an alias contains itself)."""
    if not isinstance(node, (list, dict)):
        return 1
    if id(node) in open_ids:
        return None
    if id(node) not in memo:
        open_ids.add(id(node))
        total = 1
        for child in (node.values() if isinstance(node, dict) else node):
            n = expanded_size(child, memo, open_ids)
            if n is None:
                return None
            total += n
        open_ids.discard(id(node))
        memo[id(node)] = total
    return memo[id(node)]


def problems(v, path):
    """The schema's complaints about one file, or the YAML reader's (as the engine's, a file
    nested too deep, not UTF-8, or expanding past 200,000 values is refused before the schema)."""
    try:
        doc = load(path)
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as e:
        return [f"YAML: {type(e).__name__}: {str(e)[:200]}".replace("\n", " ")]
    size = expanded_size(doc, {}, set())
    if size is None or size > 200000:
        return ["YAML: an alias contains itself" if size is None else "YAML: expands to more than 200000 values"]
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in v.iter_errors(doc)]


def check_valid(root):
    batch, template = validator(root, "batch.schema.json"), validator(root, "template.schema.json")
    files = [(batch, p) for p in sorted(root.glob("samples/*/batch.yaml"))]
    files += [(batch, p) for p in sorted(root.glob("starters/*/batch.yaml"))]
    files += [(batch, root / "tests/fixtures/bad/_base/batch.yaml")]
    files += [(template, p) for p in sorted(root.glob("templates/*.yaml"))]
    files += [(template, root / "tests/fixtures/bad/_base/template.yaml")]
    assert len(files) >= 10, f"only {len(files)} files found under {root}"
    failed = 0
    for v, p in files:
        found = problems(v, p)
        print(f"{'ok  ' if not found else 'FAIL'} {p.relative_to(root)}")
        for m in found:
            print(f"       {m}")
        failed += bool(found)
    print(f"{len(files) - failed} of {len(files)} files valid")
    return failed == 0


def check_agree(root, boardpack):
    bad = root / "tests/fixtures/bad"
    batch, template = validator(root, "batch.schema.json"), validator(root, "template.schema.json")
    cases = sorted(c for c in bad.iterdir() if c.is_dir() and c.name != "_base"
                   and ((c / "batch.yaml").exists() or (c / "template.yaml").exists()))
    assert len(cases) >= 5, "too few config and template fixtures"
    for name in SEMANTIC:
        assert (bad / name).is_dir(), f"SEMANTIC names {name}, which is not a fixture"
    ok = True
    for case in cases:
        with tempfile.TemporaryDirectory() as tmp:
            work = pathlib.Path(tmp) / "case"
            shutil.copytree(bad / "_base", work)
            shutil.copytree(case, work, dirs_exist_ok=True)
            engine = subprocess.run([boardpack, "validate", "batch.yaml"], cwd=work,
                                    capture_output=True, text=True, env={"LC_ALL": "C", "TZ": "UTC"})
            found = problems(batch, work / "batch.yaml") + problems(template, work / "template.yaml")
        first = next((l for l in engine.stderr.splitlines() if ": error: " in l), "(no error)")
        if engine.returncode != 2:
            print(f"FAIL {case.name}: the engine exits {engine.returncode}, not 2")
            ok = False
        elif case.name in SEMANTIC:
            status = "ok  " if not found else "FAIL"
            ok &= not found
            print(f"{status} {case.name}: engine rejects ({first}); schema accepts, as listed: "
                  f"{SEMANTIC[case.name]}" + (f"; but the schema says {found[0]}" if found else ""))
        else:
            status = "ok  " if found else "FAIL"
            ok &= bool(found)
            print(f"{status} {case.name}: engine rejects ({first}); schema "
                  + (f"rejects ({found[0]})" if found else "ACCEPTS it"))
    return ok


def check_generated(root):
    script = root / "schemas/generate_template_schema.py"
    made = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    same = made == (root / "schemas/template.schema.json").read_text(encoding="utf-8")
    print("template.schema.json is " + ("up to date" if same else
          "NOT what generate_template_schema.py writes: run it > schemas/template.schema.json"))
    return same


def main(argv):
    mode, root = argv[1], pathlib.Path(argv[2]).resolve()
    if mode == "valid":
        return 0 if check_valid(root) else 1
    if mode == "agree":
        return 0 if check_agree(root, str(pathlib.Path(argv[3]).resolve())) else 1
    if mode == "generated":
        return 0 if check_generated(root) else 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
