"""Check an audit export folder against its signed checkpoints, trusting nothing of the operator's.

    python -m audit.verifier EXPORT_DIR --public-key FILE [--public-key FILE …]
                             [--trusted-checkpoint FILE …] [--json]
    python -m audit.verifier ARCHIVE.jsonl --public-key FILE …   (an archive of removed events)

Imports neither Django nor the database: only this package's plain modules (chain, merkle,
signed_checkpoint) and `cryptography`. It walks every exported event once, in order:
sequence numbers must run on without gaps or repeats, each event must link to the one
before and hash to its recorded hash, and at each checkpoint's size the RFC 6962 root of
the events so far must equal the root the checkpoint signs. The first event that breaks any
of these is named. A checkpoint you kept from an earlier check (--trusted-checkpoint) pins
history: an export rewritten and re-signed since cannot contain it. Exit status 0 when
everything verifies, 1 when something does not, 2 when the folder or a key cannot be read.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from audit.chain import GENESIS_HASH, HASHED_FIELDS, canonical_json, event_hash
from audit.merkle import TreeBuilder, leaf_hash, verify_inclusion
from audit.signed_checkpoint import (
    Checkpoint, CheckpointKeyError, checkpoint_signature_ok, key_id, load_public_key,
)


@dataclass
class VerifyReport:
    events_checked: int = 0
    checkpoints_checked: int = 0
    last_seq: int = 0
    last_root: str = ""
    uncovered_events: int = 0  # after the last checkpoint: chained, not yet signed
    first_bad_seq: int | None = None
    problem: str | None = None
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problem is None


class _Broken(Exception):
    def __init__(self, seq: int | None, message: str):
        super().__init__(message)
        self.seq, self.message = seq, message


MAX_LINE_BYTES = 1 << 20  # an audit event is a few hundred bytes; a longer line is not one of ours


def verify_export(folder: Path, public_keys: dict, trusted: list[Checkpoint] = ()) -> VerifyReport:
    """Verify an export folder (see audit.checkpoints for its layout) with the given public keys.

    `trusted` are checkpoints the auditor kept from earlier: the export must contain the
    history they sign, so a re-signed, rewritten export cannot pass.
    """
    report = VerifyReport()
    try:
        checkpoints = _merge(_read_checkpoints(Path(folder), public_keys), trusted, public_keys)
        _walk_events(Path(folder), checkpoints, report)
    except _Broken as broken:
        report.first_bad_seq, report.problem = broken.seq, broken.message
    except OSError as exc:
        report.problem = f"cannot read the export: {exc}"
    return report


def _lines(path: Path):
    """(line number, text) of a file, refusing lines that are too long or not UTF-8."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(iter(lambda: handle.readline(MAX_LINE_BYTES + 1), b""), 1):
            if len(raw) > MAX_LINE_BYTES:
                raise _Broken(None, f"{path.name} line {number} is longer than {MAX_LINE_BYTES} bytes: not an export")
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                raise _Broken(None, f"{path.name} line {number} is not UTF-8: not an export") from None


def verify_archive(path: Path, public_keys: dict) -> VerifyReport:
    """Verify an archive file (audit.retention): each event's hash, its link, and its proof into a signed root."""
    report = VerifyReport(files=[Path(path).name])
    try:
        lines = _lines(Path(path))
        try:
            header = json.loads(next(lines)[1])
            checkpoint = Checkpoint.from_dict(header["checkpoint"])
            first_seq, last_seq = int(header["first_seq"]), int(header["last_seq"])
        except (StopIteration, ValueError, KeyError, TypeError, RecursionError) as exc:
            raise _Broken(None, f"{Path(path).name} does not start with a signed checkpoint: {exc}") from None
        why_not = checkpoint_signature_ok(checkpoint, public_keys)
        if why_not:
            raise _Broken(None, f"the archive's checkpoint (size {checkpoint.tree_size}): {why_not}")
        root, expected_seq, expected_prev = bytes.fromhex(checkpoint.root_hash), first_seq, None
        for line_number, line in lines:
            try:
                entry = json.loads(line)
                proof = [bytes.fromhex(h) for h in entry["inclusion_proof"]]
                event_line = canonical_json(entry["event"]) + "\n"
            except (ValueError, KeyError, TypeError, RecursionError) as exc:
                raise _Broken(expected_seq, f"line {line_number} is not an archived event: {exc}") from None
            event = _parse(event_line, Path(path), line_number, expected_seq)
            seq = event["seq"]
            if seq != expected_seq or (expected_prev is not None and event["prev_hash"] != expected_prev):
                raise _Broken(expected_seq, f"event #{expected_seq} is missing or out of order in the archive")
            if event_hash(event["prev_hash"], event) != event["hash"]:
                raise _Broken(seq, f"event #{seq} was altered: its content does not match its hash")
            if not verify_inclusion(seq - 1, checkpoint.tree_size, leaf_hash(bytes.fromhex(event["hash"])),
                                    proof, root):
                raise _Broken(seq, f"event #{seq} is not in the log the checkpoint at "
                                   f"{checkpoint.tree_size} events signs: its inclusion proof fails")
            report.events_checked += 1
            report.last_seq, expected_seq, expected_prev = seq, seq + 1, event["hash"]
        if report.last_seq != last_seq:
            raise _Broken(expected_seq, f"the archive says it holds events #{first_seq}–#{last_seq} but ends at "
                                        f"#{report.last_seq}: events were cut off")
        report.checkpoints_checked, report.last_root = 1, checkpoint.root_hash
    except _Broken as broken:
        report.first_bad_seq, report.problem = broken.seq, broken.message
    except OSError as exc:
        report.problem = f"cannot read {path}: {exc.strerror}"
    return report


def _read_checkpoints(folder: Path, public_keys: dict) -> list[Checkpoint]:
    files = sorted((folder / "checkpoints").glob("*.json"))
    checkpoints = []
    for path in files:
        try:
            checkpoint = Checkpoint.from_dict(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise _Broken(None, f"checkpoint file {path.name} cannot be read: {exc}") from None
        why_not = checkpoint_signature_ok(checkpoint, public_keys)
        if why_not:
            raise _Broken(None, f"checkpoint {path.name} (size {checkpoint.tree_size}): {why_not}")
        checkpoints.append(checkpoint)
    if not checkpoints:
        raise _Broken(None, f"no signed checkpoints in {folder / 'checkpoints'}: nothing to verify against")
    return checkpoints


def _merge(exported: list[Checkpoint], trusted, public_keys: dict) -> list[Checkpoint]:
    """One checkpoint per size, in order; two signed roots for one size mean two signed histories."""
    for checkpoint in trusted:
        why_not = checkpoint_signature_ok(checkpoint, public_keys)
        if why_not:
            raise _Broken(None, f"the trusted checkpoint at {checkpoint.tree_size} events: {why_not}")
    by_size: dict[int, Checkpoint] = {}
    for checkpoint in [*trusted, *exported]:
        if checkpoint.tree_size < 1:
            raise _Broken(None, f"a checkpoint signs an empty log (size {checkpoint.tree_size}): not one of ours")
        seen = by_size.setdefault(checkpoint.tree_size, checkpoint)
        if seen.root_hash != checkpoint.root_hash:
            origin = "the trusted checkpoint you gave" if seen in trusted else "another signed checkpoint"
            raise _Broken(None, (
                f"two signed checkpoints at {checkpoint.tree_size} events disagree (roots {seen.root_hash[:16]}… "
                f"and {checkpoint.root_hash[:16]}…, the first from {origin}): the log was rewritten and re-signed"))
    return [by_size[size] for size in sorted(by_size)]


def _walk_events(folder: Path, checkpoints: list[Checkpoint], report: VerifyReport) -> None:
    tree, pending = TreeBuilder(), list(checkpoints)
    expected_seq, expected_prev, last_checked_size = 1, GENESIS_HASH, 0
    for path in sorted((folder / "events").glob("*.jsonl")):
        report.files.append(path.name)
        for line_number, line in _lines(path):
            event = _parse(line, path, line_number, expected_seq)
            seq = event["seq"]
            if seq != expected_seq:
                raise _Broken(expected_seq, (
                    f"event #{expected_seq} is missing or out of order: #{seq} follows #{expected_seq - 1} "
                    f"({path.name} line {line_number})"
                    if seq > expected_seq else
                    f"event #{seq} appears again or out of order after #{expected_seq - 1} "
                    f"({path.name} line {line_number})"))
            if event["prev_hash"] != expected_prev:
                raise _Broken(seq, f"event #{seq} does not link to event #{seq - 1}: its previous-hash differs")
            if event_hash(expected_prev, event) != event["hash"]:
                raise _Broken(seq, f"event #{seq} was altered: its content does not match its hash")
            tree.append(leaf_hash(bytes.fromhex(event["hash"])))
            report.events_checked, report.last_seq = seq, seq
            expected_seq, expected_prev = seq + 1, event["hash"]
            while pending and pending[0].tree_size == tree.size:
                checkpoint = pending.pop(0)
                root = tree.root().hex()
                if root != checkpoint.root_hash:
                    raise _Broken(last_checked_size + 1, (
                        f"events #{last_checked_size + 1}–#{checkpoint.tree_size} do not match the signed "
                        f"checkpoint at {checkpoint.tree_size} events (root {root[:16]}… instead of "
                        f"{checkpoint.root_hash[:16]}…): one of them was altered, removed or reordered and "
                        f"the hash chain rewritten to hide it; the first event of that range is named"))
                report.checkpoints_checked += 1
                report.last_root, last_checked_size = root, checkpoint.tree_size
    if pending:
        raise _Broken(tree.size + 1, (
            f"the export ends at event #{tree.size} but a signed checkpoint covers {pending[0].tree_size} "
            f"events: events #{tree.size + 1}–#{pending[0].tree_size} were removed"))
    report.uncovered_events = tree.size - last_checked_size


EVENT_FIELDS = frozenset((*HASHED_FIELDS, "prev_hash", "hash"))


def _parse(line: str, path: Path, line_number: int, expected_seq: int) -> dict:
    where = f"{path.name} line {line_number}"
    if not line.strip():
        raise _Broken(None, f"{where} is empty: an export has one event per line")
    try:
        event = json.loads(line)
        if not isinstance(event, dict):
            raise ValueError("not a JSON object")
        if set(event) != EVENT_FIELDS:
            missing, extra = sorted(EVENT_FIELDS - set(event)), sorted(set(event) - EVENT_FIELDS)
            raise ValueError(", ".join([*(f"{m} missing" for m in missing), *(f"{e} is not ours" for e in extra)]))
        if not isinstance(event["seq"], int):
            raise ValueError("seq is not an integer")
        bytes.fromhex(event["hash"])
    except (ValueError, TypeError, RecursionError) as exc:
        raise _Broken(expected_seq, f"{where} is not an audit event: {exc}") from None
    # The platform writes canonical JSON: a re-spelled line (a repeated key, other spacing) is not its line.
    if canonical_json(event) + "\n" != (line if line.endswith("\n") else line + "\n"):
        raise _Broken(event["seq"], f"{where} (event #{event['seq']}) is not the canonical JSON the platform "
                                    f"wrote: a key repeated or the line rewritten")
    return event


def _summary(report: VerifyReport, is_archive: bool = False) -> str:
    if not report.ok:
        return (f"FAILED: {report.problem}\n{report.events_checked} events and {report.checkpoints_checked} "
                f"checkpoints verified before it.")
    if is_archive:
        return (f"OK: {report.events_checked} archived events (through #{report.last_seq}) are in the log the "
                f"signed checkpoint with root {report.last_root[:16]}… covers.")
    tail = (f"; {report.uncovered_events} later events are chained but not yet covered by a checkpoint"
            if report.uncovered_events else "")
    return (f"OK: {report.events_checked} events in {len(report.files)} files match "
            f"{report.checkpoints_checked} signed checkpoints (root {report.last_root[:16]}… at "
            f"#{report.last_seq - report.uncovered_events}){tail}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m audit.verifier", description=__doc__.split("\n\n")[0])
    parser.add_argument("export_dir", type=Path, help="the audit export folder, or an archive file of removed events")
    parser.add_argument("--public-key", action="append", required=True, type=Path,
                        help="PEM public key the checkpoints are signed with (repeat for rotated keys)")
    parser.add_argument("--trusted-checkpoint", action="append", default=[], type=Path,
                        help="a checkpoint JSON you kept from an earlier check: the export must extend it")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    args = parser.parse_args(argv)
    is_archive = args.export_dir.is_file()
    if not is_archive and not (args.export_dir / "events").is_dir():
        print(f"error: {args.export_dir} is not an audit export folder (it has no events/ folder) "
              f"nor an archive file", file=sys.stderr)
        return 2
    try:
        keys = {key_id(k): k for k in map(load_public_key, args.public_key)}
    except CheckpointKeyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        trusted = [Checkpoint.from_dict(json.loads(path.read_text("utf-8"))) for path in args.trusted_checkpoint]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"error: cannot read a trusted checkpoint: {exc}", file=sys.stderr)
        return 2
    report = verify_archive(args.export_dir, keys) if is_archive else verify_export(args.export_dir, keys, trusted)
    print(json.dumps({**asdict(report), "ok": report.ok}) if args.json else _summary(report, is_archive))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
