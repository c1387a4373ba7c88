"""python -m provenance mark IN OUT --payload HEX [--keys DIR] | detect FILE [--json] | init-keys DIR | rotate-keys DIR | read FILE

mark: watermark IN's frames with a 48-bit payload, encode H.264, sign with C2PA (no --keys:
development keys under .data/). detect: C2PA, watermark and fingerprint, and a verdict.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from provenance.c2pa import DEV_ANCHORS, InvalidMediaError, SigningError, read
from provenance.keys import KeyStore, KeyStoreError, init_keys, rotate_signing_key
from provenance.media import MediaError
from provenance.watermark import WatermarkError


def _describe(store: KeyStore) -> str:
    identity = store.signing_identity()
    return (f"signing certificate {identity.serial:04d} ({identity.subject}), valid until "
            f"{identity.not_after:%Y-%m-%d}\ntrust anchor: {store.directory / 'root-ca.pem'}")


def _watermark_key() -> bytes:
    """The watermark key: HALLMARK_WATERMARK_KEY (the platform's secret) or the public development key."""
    from provenance.watermark import DEFAULT_KEY
    return os.environ.get("HALLMARK_WATERMARK_KEY", "").encode() or DEFAULT_KEY


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m provenance", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    marking = commands.add_parser("mark", help="watermark a clip and sign it with C2PA")
    marking.add_argument("input")
    marking.add_argument("output")
    marking.add_argument("--payload", required=True, help="up to 12 hex digits (48 bits), usually the generation id")
    marking.add_argument("--keys", help="key folder made by init-keys (default: development keys under .data/)")
    detecting = commands.add_parser("detect", help="is this clip ours? C2PA, watermark, fingerprint")
    detecting.add_argument("file")
    detecting.add_argument("--keys", help="key folder whose root is the trust anchor (default: development keys)")
    detecting.add_argument("--json", action="store_true")
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
        if args.command == "mark":
            from provenance.mark import mark
            out = mark(args.input, args.output, payload=args.payload, keys=args.keys, key=_watermark_key())
            print(f"wrote {out}: watermark payload {args.payload.lower().removeprefix('0x').zfill(12)}, C2PA-signed")
        elif args.command == "detect":
            from provenance.detect import detect
            report = detect(args.file, anchors=KeyStore(args.keys) if args.keys else DEV_ANCHORS, key=_watermark_key())
            if args.json:
                print(json.dumps(report.to_dict(), indent=2, sort_keys=True))
            else:
                print(f"{report.verdict}: {report.explanation}")
        elif args.command == "init-keys":
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
    except (KeyStoreError, InvalidMediaError, MediaError, WatermarkError, SigningError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
