#!/usr/bin/env python3
"""Compare two CycloneDX SBOMs by (ecosystem, name, version) triples taken from their purls.

Usage: compare_sboms.py VIGIL.json TRIVY.json LABEL
Prints coverage of Trivy's triples by Vigil, the triples Vigil misses and the ones only Vigil finds.
"""
import json
import re
import sys
from urllib.parse import unquote


def triples(path):
    with open(path) as f:
        bom = json.load(f)
    found = set()
    stack = list(bom.get("components", []))
    while stack:
        c = stack.pop()
        stack.extend(c.get("components", []))
        purl = c.get("purl")
        if not purl:
            continue
        t = triple(purl)
        if t:
            found.add(t)
    return found


def triple(purl):
    m = re.match(r"pkg:([^/]+)/([^@?#]+)(?:@([^?#]*))?(?:\?([^#]*))?", purl)
    if not m:
        return None
    ptype, path, version, qualifiers = m.group(1).lower(), unquote(m.group(2)), unquote(m.group(3) or ""), m.group(4) or ""
    quals = dict(q.split("=", 1) for q in qualifiers.split("&") if "=" in q)
    name = path
    if ptype == "none":
        # Trivy writes pkg:none/... for OS packages when it cannot name the distribution (no etc/debian_version).
        ptype = "deb"
    if ptype in ("deb", "rpm", "apk"):
        # Distro vendor namespace differs between tools only in spelling; the name is what counts.
        name = path.split("/")[-1]
        epoch = quals.get("epoch")
        if epoch and epoch != "0" and ":" not in version:
            version = f"{epoch}:{version}"
    if ptype == "pypi":
        name = re.sub(r"[-_.]+", "-", name).lower()
    if ptype == "golang":
        # Trivy lower-cases module paths and drops the "v" of some versions; Go itself keeps both.
        name = name.lower()
        version = version[1:] if version.startswith("v") else version
    if ptype == "maven":
        name = name.replace("/", ":")
    return (ptype, name, version)


def main():
    vigil, trivy, label = triples(sys.argv[1]), triples(sys.argv[2]), sys.argv[3]
    common = vigil & trivy
    coverage = 100.0 * len(common) / len(trivy) if trivy else 100.0
    missing = sorted(trivy - vigil)
    only = sorted(vigil - trivy)
    print(f"[{label}] trivy {len(trivy)} triples, vigil {len(vigil)}, common {len(common)}, coverage {coverage:.2f}%")
    print(f"[{label}] missed by vigil ({len(missing)}):")
    for t in missing[:40]:
        print(f"    {t[0]} {t[1]} {t[2]}")
    if len(missing) > 40:
        print(f"    ... {len(missing) - 40} more")
    print(f"[{label}] found only by vigil ({len(only)}), by type: " +
          ", ".join(f"{k}={sum(1 for t in only if t[0] == k)}" for k in sorted({t[0] for t in only})))
    for t in only[:15]:
        print(f"    {t[0]} {t[1]} {t[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
