"""crfsuite model files read into weights, written back and averaged (liaocheng_tui.parse.crf_model)."""

from __future__ import annotations

import struct

import pycrfsuite
import pytest

from liaocheng_tui.parse import labeller
from liaocheng_tui.parse.crf_model import ModelFormatError, average, hashlittle, read_model, write_model
from liaocheng_tui.parse.train import train_model
from tests.test_labeller import synthetic_page


def _pycrfsuite_weights(model: bytes) -> dict[tuple[bool, str, str], float]:
    """The weights as crfsuite itself reads them from the file (its dump prints six decimals)."""
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    info = tagger.info()
    weights = {(False, attribute, label): w for (attribute, label), w in info.state_features.items()}
    weights |= {(True, source, target): w for (source, target), w in info.transitions.items()}
    return weights


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder = tmp_path_factory.mktemp("crf")
    first, second = folder / "first.crfsuite", folder / "second.crfsuite"
    options = {"max_iterations": 40, "feature.minfreq": 1}
    train_model([synthetic_page(order) for order in ([0, 1, 2, 3], [3, 2, 1, 0])], first, options)
    train_model([synthetic_page(order) for order in ([1, 3, 0, 2], [2, 0, 3, 1], [0, 2])], second, options)
    return first.read_bytes(), second.read_bytes()


def test_hashlittle_gives_the_values_lookup3_documents() -> None:
    # From Bob Jenkins' lookup3.c self-test (driver5).
    assert hashlittle(b"") == 0xDEADBEEF
    assert hashlittle(b"", 0xDEADBEEF) == 0xBD5B7DDE
    assert hashlittle(b"Four score and seven years ago") == 0x17770551
    assert hashlittle(b"Four score and seven years ago", 1) == 0xCD628161


@pytest.mark.parametrize("name", [labeller.MODEL_NAME, labeller.UNPUNCTUATED_MODEL_NAME])
def test_a_packaged_model_is_written_back_byte_for_byte(name: str) -> None:
    packaged = labeller.load_model_bytes(name)
    assert write_model(read_model(packaged)) == packaged


def test_a_trained_model_reads_as_crfsuite_reads_it_and_is_written_back_byte_for_byte(
    tiny_models: tuple[bytes, bytes],
) -> None:
    model = tiny_models[0]
    read = read_model(model)
    by_crfsuite = _pycrfsuite_weights(model)
    assert read.weights().keys() == by_crfsuite.keys()
    for key, weight in read.weights().items():
        assert weight == pytest.approx(by_crfsuite[key], abs=5e-7)
    assert any(feature.is_transition for feature in read.features)
    assert write_model(read) == model


def test_averaged_weights_are_the_mean_of_each_models_with_zero_where_one_lacks_it(
    tiny_models: tuple[bytes, bytes],
) -> None:
    first, second = (_pycrfsuite_weights(model) for model in tiny_models)
    assert set(first) != set(second)  # each has weights the other lacks
    averaged = write_model(average([read_model(model) for model in tiny_models]))
    got = _pycrfsuite_weights(averaged)
    expected = {key: (first.get(key, 0.0) + second.get(key, 0.0)) / 2 for key in first.keys() | second.keys()}
    assert got.keys() == {key for key, weight in expected.items() if weight}
    for key, weight in got.items():
        assert weight == pytest.approx(expected[key], abs=1e-6)


def test_a_model_averaged_with_itself_labels_as_it_does(tiny_models: tuple[bytes, bytes]) -> None:
    model = read_model(tiny_models[1])
    itself = average([model, model])
    assert itself.weights() == model.weights()
    page = synthetic_page([3, 0, 2, 1])
    assert labeller.Labeller(write_model(itself)).label(page.lines) == page.roles


def test_bytes_that_are_no_crfsuite_model_raise_a_format_error(tiny_models: tuple[bytes, bytes]) -> None:
    model = tiny_models[0]
    off_labels_at = 32  # the header's offset of the label table
    (first_feature_at,) = struct.unpack_from("<I", model, 28)  # the features' offset
    first_feature_at += 12  # past the features' chunk header
    labels_past_the_end = bytearray(model)
    struct.pack_into("<I", labels_past_the_end, off_labels_at, len(model) + 100)
    target_past_the_labels = bytearray(model)
    struct.pack_into("<I", target_past_the_labels, first_feature_at + 8, 10_000)
    for junk in (
        b"",
        b"not a model at all, not even close to one" * 2,
        model[:-8],
        bytes(labels_past_the_end),
        bytes(target_past_the_labels),
    ):
        with pytest.raises(ModelFormatError):
            read_model(junk)
    with pytest.raises(ValueError):
        average([])
