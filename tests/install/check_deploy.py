#!/usr/bin/python3
"""deploy/ against the rest of the project (no Docker daemon or cluster here, so neither the
image nor the Job is run; what can be checked without them is):
  - deploy/Dockerfile: two stages FROM debian:bookworm-slim; the build stage installs only
    packages scripts/setup.sh installs and builds the .deb with CPack; the runtime stage
    installs that .deb with apt (so the templates, fonts and libraries come from its Depends)
    and runs as a non-root user whose uid the Job's securityContext uses;
  - deploy/kubernetes-indexed-job.yaml: an Indexed Job whose JOB_COMPLETIONS equals its
    completions, the same text as the example in docs/scheduling.md, and whose container args
    run: the real binary with those args (paths mapped to a sample and a temp folder) and
    JOB_COMPLETION_INDEX set renders exactly that shard.
    check_deploy.py SOURCE_DIR BOARDPACK
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

import yaml

root, boardpack = pathlib.Path(sys.argv[1]).resolve(), str(pathlib.Path(sys.argv[2]).resolve())
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


docker = (root / "deploy/Dockerfile").read_text()
lines = re.sub(r"\\\n", " ", docker).splitlines()
froms = [l.split() for l in lines if l.startswith("FROM ")]
check(len(froms) == 2 and all(f[1] == "debian:bookworm-slim" for f in froms), "two stages FROM debian:bookworm-slim")
check(froms and froms[0][-2:] == ["AS", "build"], "the first stage is named build")
stages = re.split(r"^FROM .*$", re.sub(r"\\\n", " ", docker), flags=re.M)[1:]
setup = (root / "scripts/setup.sh").read_text()
listed = set(re.search(r"packages=\((.*?)\)", setup, re.S).group(1).split())


def apt_packages(stage):
    out = []
    for m in re.finditer(r"apt-get install ([^&]*)", stage):
        out += [w for w in m.group(1).split() if not w.startswith("-")]
    return out


build_pkgs = apt_packages(stages[0]) if stages else []
check(build_pkgs and set(build_pkgs) <= listed,
      f"the build stage installs only setup.sh's packages (extra: {sorted(set(build_pkgs) - listed)})")
check("cpack -G DEB" in stages[0] if stages else False, "the build stage builds the .deb with cpack -G DEB")
runtime = stages[1] if len(stages) > 1 else ""
check(apt_packages(runtime) == ["/tmp/boardpack_*.deb"], "the runtime stage installs the .deb and nothing else")
check("COPY --from=build /src/build/boardpack_*.deb" in runtime, "the runtime stage copies the .deb from the build stage")
user = re.search(r"^USER (\S+)", runtime, re.M)
uid = user.group(1).split(":")[0] if user else ""
check(uid.isdigit() and int(uid) != 0, f"the image runs as a non-root uid ({uid or 'no USER'})")
check(re.search(rf"useradd [^\n]*--uid {uid}\b", runtime) is not None, "the user is created with that uid")
check(re.search(r'^ENTRYPOINT \["boardpack"\]', runtime, re.M) is not None, "the entry point is boardpack")

job_text = (root / "deploy/kubernetes-indexed-job.yaml").read_text()
job = yaml.safe_load(job_text)
spec = job["spec"]
pod = spec["template"]["spec"]
container = pod["containers"][0]
env = {e["name"]: e["value"] for e in container.get("env", [])}
check(job["kind"] == "Job" and spec["completionMode"] == "Indexed", "an Indexed Job")
check(env.get("JOB_COMPLETIONS") == str(spec["completions"]), "JOB_COMPLETIONS equals completions")
check(pod["securityContext"].get("runAsNonRoot") is True and str(pod["securityContext"].get("runAsUser")) == uid,
      "the pod runs as the image's non-root uid")
doc = (root / "docs/scheduling.md").read_text()
body = "\n".join(l for l in job_text.splitlines() if not l.startswith("#")) + "\n"
check(f"```yaml\n{body}```" in doc, "docs/scheduling.md shows the manifest as it is")

# The container's args, run by the real binary: /data/batch.yaml -> a sample, /out -> a temp folder.
sample = root / "samples/tracking-for-success/batch.yaml"
with tempfile.TemporaryDirectory() as tmp:
    args = [str(sample) if a == "/data/batch.yaml" else (tmp if a == "/out" else a) for a in container["args"]]
    index = 2
    # The pod's environment only, but the sanitizer build's options kept (ctest sets them;
    # without them its boardpack reports fontconfig's allocation as a leak).
    sanitizers = {k: v for k, v in os.environ.items() if k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")}
    r = subprocess.run([boardpack, *args], capture_output=True, text=True,
                       env={**sanitizers, "LC_ALL": "C", "TZ": "UTC", "JOB_COMPLETION_INDEX": str(index), **env})
    n = spec["completions"]
    manifest = pathlib.Path(tmp) / f"manifest-shard-{index + 1}-of-{n}.json"
    check(r.returncode == 0, f"the container's args run (exit {r.returncode}) {r.stderr.strip()[:200]}")
    check(manifest.exists(), f"pod {index} writes {manifest.name}")
    if manifest.exists():
        m = json.loads(manifest.read_text())
        listed_keys = subprocess.run([boardpack, "list", str(sample), "--json", "--shard", f"{index + 1}/{n}"],
                                     capture_output=True, text=True, check=True).stdout
        want = sorted(x["key"] for x in json.loads(listed_keys)["reports"])
        check(sorted(u["key"] for u in m["reports"]) == want and want, f"pod {index} renders exactly shard {index + 1}/{n}")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
