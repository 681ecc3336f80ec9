#!/usr/bin/python3
"""A check over the sources: the engine library (engine/ and models/) includes nothing of cli/ or
viz/, and writes to no standard stream (no stderr, stdout, printf, puts, perror): it returns
numbers and codes, and progress goes to the caller's sink. Prints each offence as FILE:LINE."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
include = re.compile(r'#\s*include\s*[<"](cli|viz)/')
writes = re.compile(r'\b(stderr|stdout|std::cerr|std::cout|std::clog|printf|puts|perror|'
                    r'fputs|putchar)\b')
offences = []
for folder in ("engine", "models"):
    for path in sorted((root / folder).rglob("*")):
        if path.suffix not in (".hpp", ".cpp", ".h", ".cc"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("//", 1)[0]
            if include.search(code):
                offences.append(f"{path.relative_to(root)}:{number}: includes cli/ or viz/")
            if writes.search(code) and "snprintf" not in code:
                offences.append(f"{path.relative_to(root)}:{number}: writes to a stream: "
                                f"{line.strip()}")
for offence in offences:
    print(offence)
sys.exit(1 if offences else 0)
