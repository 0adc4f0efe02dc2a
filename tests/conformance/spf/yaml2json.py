#!/usr/bin/python3
"""Prints every YAML document of a file as one JSON array, for tst_spf_rfc7208.

Usage: yaml2json.py FILE.yml

Run with Debian's /usr/bin/python3 (it needs python3-yaml). The file is read as
bytes; the "\\x.." escapes of the SPF suite come out as code points U+0000 to
U+00FF, which the test turns back into the octets they stand for.
"""

import json
import sys

import yaml


def main():
    if len(sys.argv) != 2:
        print("usage: yaml2json.py FILE.yml", file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as handle:
        documents = list(yaml.safe_load_all(handle))
    json.dump(documents, sys.stdout, ensure_ascii=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
