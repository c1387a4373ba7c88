"""python -m provenance init-keys DIR | rotate-keys DIR | read FILE [--keys DIR] [--json]

`mark` and `detect` (watermark + C2PA, see issue 5) are not built yet and are not listed.
"""
from __future__ import annotations

import argparse
import json
import sys

from provenance.c2pa import DEV_ANCHORS, InvalidMediaError, read
from provenance.keys import KeyStore, KeyStoreError, init_keys, rotate_signing_key


def _describe(store: KeyStore) -> str:
    identity = store.signing_identity()
    return (f"signing certificate {identity.serial:04d} ({identity.subject}), valid until "
            f"{identity.not_after:%Y-%m-%d}\ntrust anchor: {store.directory / 'root-ca.pem'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m provenance", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init-keys", help="create a root CA, an intermediate and a signing certificate")
    init.add_argument("dir")
    rotate = commands.add_parser("rotate-keys", help="issue a new signing certificate; old clips keep validating")
    rotate.add_argument("dir")
    show = commands.add_parser("read", help="validate a clip's C2PA manifest")
    show.add_argument("file")
    show.add_argument("--keys", help="key folder whose root is the trust anchor (default: development keys)")
    show.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.command == "init-keys":
            store = init_keys(args.dir)
            print(f"created keys in {store.directory}\n{_describe(store)}\n"
                  f"move root-ca.key offline; it is needed only to issue a new intermediate")
        elif args.command == "rotate-keys":
            store = rotate_signing_key(args.dir)
            print(f"rotated: {_describe(store)}")
        else:
            report = read(args.file, anchors=KeyStore(args.keys) if args.keys else DEV_ANCHORS)
            if args.json:
                print(json.dumps(report.to_dict(), indent=2, sort_keys=True))
            else:
                print(f"{report.state}" + (f" ({', '.join(report.failure_codes)})" if report.failure_codes else ""))
                if report.state != "absent":
                    print(f"signer: {report.signer} ({report.issuer})\ngeneration: {report.generation_id} "
                          f"model: {report.model} {report.model_version}")
    except (KeyStoreError, InvalidMediaError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
