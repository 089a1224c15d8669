"""A crfsuite model file read into its weights and written back, so that models can be averaged.

python-crfsuite trains and tags but cannot build a model from weights. Training several models on
different damage draws and averaging their weights gives one model that varies less with the
draw than each of them (a model averaged so tags exactly as the sum of its members' scores, as a
first-order CRF's score is linear in its weights), and tagging with it costs what one model costs.
The format is crfsuite's own (``lib/crf/src/crf1d_model.c``, ``lib/cqdb/src/cqdb.c``): a header,
the features, the label and attribute string tables (constant quark databases, hashed with Bob
Jenkins' lookup3 ``hashlittle``), and per label and per attribute the features that start there.
:func:`write_model` writes a model :func:`read_model` read byte for byte as crfsuite wrote it.
Pure functions of bytes: no I/O.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

_MAGIC = b"lCRF"
_MODEL_TYPE = b"FOMC"
_VERSION = 100
_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")
_STATE, _TRANSITION = 0, 1
_TABLES = 256
_CQDB_HEADER = struct.Struct("<4sIIIII")
_BYTE_ORDER = 0x62445371
_CQDB_DATA = _CQDB_HEADER.size + 8 * _TABLES
# crfsuite reserves two label references beyond the labels (for begin and end of sequence
# features, which a first-order model of this kind never writes).
_EXTRA_LABEL_REFS = 2
_MASK = 0xFFFFFFFF


class ModelFormatError(ValueError):
    """The bytes are not a crfsuite first-order model."""


@dataclass(frozen=True, slots=True)
class Feature:
    """One weight: a state feature (attribute ``source`` with label ``target``) or a transition
    (label ``source`` to label ``target``)."""

    kind: int
    source: int
    target: int
    weight: float

    @property
    def is_transition(self) -> bool:
        return self.kind == _TRANSITION


@dataclass(frozen=True, slots=True)
class CrfModel:
    """A model's labels and attributes (their ids are their places) and its features in file order."""

    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    features: tuple[Feature, ...]
    # The flag word of the two string tables, kept so a model is written back as it was read
    # (crfsuite leaves it as it finds it in memory).
    table_flags: tuple[int, int] = (0, 0)

    def weights(self) -> dict[tuple[bool, str, str], float]:
        """Every weight by (is a transition, attribute or label it starts from, label it ends on)."""
        names = (self.attributes, self.labels)
        return {
            (f.is_transition, names[f.kind][f.source], self.labels[f.target]): f.weight for f in self.features
        }


def _rot(value: int, bits: int) -> int:
    return ((value << bits) | (value >> (32 - bits))) & _MASK


# lookup3's mix and final: each step updates one of the three words from another and the roles
# then move on to the next word, round the three (its source spells the steps out one by one).
_MIX_ROTATIONS = (4, 6, 8, 16, 19, 4)
_FINAL_ROTATIONS = (14, 11, 25, 16, 4, 14, 24)


def _mix(a: int, b: int, c: int) -> tuple[int, int, int]:
    for bits in _MIX_ROTATIONS:
        a = ((a - c) & _MASK) ^ _rot(c, bits)
        c = (c + b) & _MASK
        a, b, c = b, c, a
    return a, b, c  # six steps bring the roles back round


def _final(a: int, b: int, c: int) -> int:
    x, y, z = c, b, a
    for bits in _FINAL_ROTATIONS:
        x = ((x ^ y) - _rot(y, bits)) & _MASK
        x, y, z = z, x, y
    return y  # the last step updated c, which the turn moved to y


def hashlittle(key: bytes, initval: int = 0) -> int:
    """Bob Jenkins' lookup3 ``hashlittle`` (public domain), as crfsuite hashes its string tables."""
    a = b = c = (0xDEADBEEF + len(key) + initval) & _MASK
    if not key:
        return c
    # Every block but the last is mixed; the last (one to twelve bytes, zero-padded) is finalised.
    last = (len(key) - 1) // 12 * 12
    for start in range(0, last, 12):
        x, y, z = struct.unpack_from("<III", key, start)
        a, b, c = _mix((a + x) & _MASK, (b + y) & _MASK, (c + z) & _MASK)
    x, y, z = struct.unpack("<III", key[last:].ljust(12, b"\0"))
    return _final((a + x) & _MASK, (b + y) & _MASK, (c + z) & _MASK)


def _read_table(data: bytes, offset: int, count: int) -> tuple[list[str], int]:
    """The strings of a constant quark database at ``offset``, by id, and its flag word."""
    chunk, _size, flag, order, backward_size, backward_offset = _CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB" or order != _BYTE_ORDER:
        raise ModelFormatError("a string table is not a CQDB")
    if count > backward_size:
        raise ModelFormatError("a string table lacks ids")
    strings = []
    for at in struct.unpack_from(f"<{count}I", data, offset + backward_offset):
        (length,) = struct.unpack_from("<I", data, offset + at + 4)
        raw = data[offset + at + 8 : offset + at + 8 + length - 1]
        strings.append(raw.decode("utf-8"))
    return strings, flag


def read_model(data: bytes) -> CrfModel:
    """The labels, attributes and features of a crfsuite first-order model file's bytes."""
    try:
        return _read_model(data)
    except (struct.error, UnicodeDecodeError) as error:
        # an offset or a length that points outside the file, or a string table's bytes cut
        raise ModelFormatError(f"a damaged crfsuite model: {error}") from error


def _read_model(data: bytes) -> CrfModel:
    magic, size, model_type, version, _, label_count, attribute_count, *offsets = _HEADER.unpack_from(data)
    off_features, off_labels, off_attributes = offsets[:3]
    if magic != _MAGIC or model_type != _MODEL_TYPE or version != _VERSION or size != len(data):
        raise ModelFormatError("not a crfsuite first-order model")
    chunk, _, count = _CHUNK.unpack_from(data, off_features)
    if chunk != b"FEAT":
        raise ModelFormatError("the features are missing")
    features = tuple(
        Feature(*_FEATURE.unpack_from(data, off_features + _CHUNK.size + i * _FEATURE.size))
        for i in range(count)
    )
    labels, label_flag = _read_table(data, off_labels, label_count)
    attributes, attribute_flag = _read_table(data, off_attributes, attribute_count)
    if any(
        f.kind not in (_STATE, _TRANSITION)
        or f.source >= len(labels if f.is_transition else attributes)
        or f.target >= len(labels)
        for f in features
    ):
        raise ModelFormatError("a feature names a label or attribute the model lacks")
    return CrfModel(tuple(labels), tuple(attributes), features, (label_flag, attribute_flag))


def _table(strings: Sequence[str], flag: int) -> bytes:
    """A constant quark database of the strings, each with its place as its id, as cqdb.c writes it."""
    records = bytearray()
    buckets: list[list[tuple[int, int]]] = [[] for _ in range(_TABLES)]
    backward = []
    for string_id, string in enumerate(strings):
        key = string.encode("utf-8") + b"\0"
        hashed = hashlittle(key)
        at = _CQDB_DATA + len(records)
        buckets[hashed % _TABLES].append((hashed, at))
        backward.append(at)
        records += struct.pack("<iI", string_id, len(key)) + key
    refs = bytearray()
    tables = bytearray()
    at = _CQDB_DATA + len(records)
    for bucket in buckets:
        size = 2 * len(bucket)
        # Open addressing in a table twice the size of its entries, as the reader probes it.
        slots = [(0, 0)] * size
        for hashed, offset in bucket:
            slot = (hashed >> 8) % size
            while slots[slot][1]:
                slot = (slot + 1) % size
            slots[slot] = (hashed, offset)
        refs += struct.pack("<II", at if bucket else 0, size)
        for hashed, offset in slots:
            tables += struct.pack("<II", hashed, offset)
        at += 8 * size
    backward_offset = _CQDB_DATA + len(records) + len(tables)
    backward_bytes = struct.pack(f"<{len(backward)}I", *backward)
    total = backward_offset + len(backward_bytes)
    header = _CQDB_HEADER.pack(b"CQDB", total, flag, _BYTE_ORDER, len(strings), backward_offset)
    return header + bytes(refs) + bytes(records) + bytes(tables) + backward_bytes


def _refs(chunk: bytes, start: int, lists: Sequence[Sequence[int]], slots: int) -> bytes:
    """A chunk of feature references at file offset ``start``: an offset per slot, then each list."""
    body = bytearray()
    offsets = []
    first = start + _CHUNK.size + 4 * slots
    for ids in lists:
        offsets.append(first + len(body))
        body += struct.pack(f"<I{len(ids)}I", len(ids), *ids)
    offsets += [0] * (slots - len(lists))
    size = _CHUNK.size + 4 * slots + len(body)
    return _CHUNK.pack(chunk, size, slots) + struct.pack(f"<{slots}I", *offsets) + bytes(body)


def _aligned(buffer: bytearray) -> None:
    buffer += b"\0" * (-len(buffer) % 4)


def write_model(model: CrfModel) -> bytes:
    """The model as crfsuite writes a model file, which ``pycrfsuite.Tagger`` reads."""
    out = bytearray(_HEADER.size)
    off_features = len(out)
    out += _CHUNK.pack(b"FEAT", _CHUNK.size + _FEATURE.size * len(model.features), len(model.features))
    for feature in model.features:
        out += _FEATURE.pack(feature.kind, feature.source, feature.target, feature.weight)
    off_labels = len(out)
    out += _table(model.labels, model.table_flags[0])
    off_attributes = len(out)
    out += _table(model.attributes, model.table_flags[1])
    by_label: list[list[int]] = [[] for _ in model.labels]
    by_attribute: list[list[int]] = [[] for _ in model.attributes]
    for feature_id, feature in enumerate(model.features):
        (by_label if feature.is_transition else by_attribute)[feature.source].append(feature_id)
    _aligned(out)
    off_label_refs = len(out)
    out += _refs(b"LFRF", off_label_refs, by_label, len(model.labels) + _EXTRA_LABEL_REFS)
    _aligned(out)
    off_attribute_refs = len(out)
    out += _refs(b"AFRF", off_attribute_refs, by_attribute, len(model.attributes))
    out[: _HEADER.size] = _HEADER.pack(
        _MAGIC, len(out), _MODEL_TYPE, _VERSION, 0, len(model.labels), len(model.attributes),
        off_features, off_labels, off_attributes, off_label_refs, off_attribute_refs,
    )  # fmt: skip
    return bytes(out)


def average(models: Sequence[CrfModel]) -> CrfModel:
    """One model whose every weight is the mean of the models' (zero where a model lacks it): it
    tags as the sum of their scores does. Labels keep the first model's order; attributes and
    features are sorted by name, as crfsuite sorts what it writes by id."""
    if not models:
        raise ValueError("no models to average")
    labels = list(models[0].labels)
    for model in models[1:]:
        labels += [label for label in model.labels if label not in labels]
    totals: dict[tuple[bool, str, str], float] = {}
    for model in models:
        for key, weight in model.weights().items():
            totals[key] = totals.get(key, 0.0) + weight
    attributes = sorted(
        {source for (transition, source, _), weight in totals.items() if not transition and weight}
    )
    label_ids = {label: i for i, label in enumerate(labels)}
    attribute_ids = {attribute: i for i, attribute in enumerate(attributes)}
    features = []
    for (transition, source, target), total in totals.items():
        if not total:
            continue
        kind, source_id = (_TRANSITION, label_ids[source]) if transition else (_STATE, attribute_ids[source])
        features.append(Feature(kind, source_id, label_ids[target], total / len(models)))
    features.sort(key=lambda f: (f.kind, f.source, f.target))
    return CrfModel(tuple(labels), tuple(attributes), tuple(features))
