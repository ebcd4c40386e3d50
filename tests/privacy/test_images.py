"""The privacy guard reads the text in an image and finds its faces, and says so plainly when it could not.

The images are in tests/data/privacy/images (README.md there says how they were made); each is
read once per run, since a read takes about a second.
"""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from privacy import images
from privacy.images import ImageReading, read_image

IMAGES = Path(__file__).resolve().parents[1] / "data" / "privacy" / "images"
REPOSITORY = Path(__file__).resolve().parents[2]


@cache
def reading(name: str) -> ImageReading:
    return read_image((IMAGES / name).read_bytes())


def squeezed(text: str) -> str:
    """Case and spacing set aside: OCR may read "DOE,JANE" for "DOE, JANE"."""
    return "".join(text.split()).casefold()


def reads(name: str, *snippets: str) -> list[str]:
    """The snippets the image's text does NOT contain."""
    text = squeezed(reading(name).text)
    return [snippet for snippet in snippets if squeezed(snippet) not in text]


def test_it_reads_the_name_date_of_birth_and_record_number_on_a_wristband():
    assert reading("wristband_en.jpg").read
    assert reads("wristband_en.jpg", "Smith", "John", "04/12/1961", "00482913") == []


def test_it_reads_french_accents_as_written():
    assert reads("wristband_fr.jpg", "TREMBLAY, Hélène", "Née le 1957-03-12", "TREH 5703 1215") == []
    assert reads("record_fr.png", "Côté, Élise", "22 février 1950", "Téléphone", "rue Saint-Denis") == []


def test_it_reads_a_wristband_photographed_upside_down():
    assert reads("wristband_upside_down_fr.jpg", "CÔTÉ, François", "22/02/1950") == []


def test_each_line_read_says_where_it_is_and_how_sure_the_engine_is():
    result = reading("record_fr.png")
    assert result.text.split("\n") == [line.text for line in result.lines]
    name = next(line for line in result.lines if "Côté" in line.text)
    # The name is drawn at x=250, y=118 in an image of 1100 × 640.
    assert abs(name.box.left - 250) < 25 and abs(name.box.top - 118) < 25
    assert 0.5 <= name.confidence <= 1
    assert (result.width, result.height) == (1100, 640)


def test_it_finds_a_face_turned_to_the_camera_and_one_in_profile():
    for name in ("astronaut.jpg", "cameraman.jpg"):
        result = reading(name)
        assert result.faces_checked and result.has_face, name
    face = reading("astronaut.jpg").faces[0]
    # Eileen Collins' face is about 180–270 px across, 70–160 px down, in the 512 × 512 photo.
    assert 150 < face.left + face.width / 2 < 300 and 60 < face.top + face.height / 2 < 180


def test_a_bedside_photo_gives_both_the_face_and_the_wristband_text():
    result = reading("bedside_face_wristband_en.jpg")
    assert result.has_face
    assert reads("bedside_face_wristband_en.jpg", "MARTIN, Claire", "1971-06-09", "66120458") == []


@pytest.mark.parametrize("name", ["cat.jpg", "whiteboard_en.jpg", "slide_fr.png"])
def test_it_finds_no_face_where_there_is_none(name):
    result = reading(name)
    assert result.faces_checked
    assert result.faces == ()


def test_a_clean_image_is_read_too():
    result = reading("slide_fr.png")
    assert result.read and result.not_read_reason == ""
    assert reads("slide_fr.png", "Journée de la santé cardiaque") == []


def test_bytes_that_are_not_an_image_are_not_read_and_it_says_why():
    result = read_image(b"%PDF-1.7 this is not a picture")
    assert result.read is False
    assert result.not_read_code == images.UNDECODABLE
    assert "could not be opened as an image" in result.not_read_reason
    assert (result.text, result.lines, result.faces, result.faces_checked) == ("", (), (), False)


def test_an_empty_or_truncated_file_is_not_read():
    assert read_image(b"").not_read_code == images.UNDECODABLE
    truncated = (IMAGES / "wristband_en.jpg").read_bytes()[:2000]
    result = read_image(truncated)
    assert result.read is False and result.not_read_code == images.UNDECODABLE


def test_an_image_too_large_to_read_is_refused_before_it_is_decoded():
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, "PNG")  # 81 megapixels in a few kilobytes
    result = read_image(buffer.getvalue())
    assert result.read is False
    assert result.not_read_code == images.TOO_LARGE
    assert "9000 × 9000" in result.not_read_reason


def test_transparent_screenshots_are_read_as_if_on_white():
    canvas = Image.new("RGBA", (420, 90), (0, 0, 0, 0))
    ImageDraw.Draw(canvas).text((10, 20), "Bed 12 Lavoie", font=ImageFont.truetype("DejaVuSans.ttf", 40), fill="black")
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    result = read_image(buffer.getvalue())
    assert result.read
    assert "bed12lavoie" in squeezed(result.text)


def test_without_the_ocr_engine_the_image_is_not_read_and_faces_are_still_checked(monkeypatch):
    def missing_engine():
        raise images.EngineUnavailable("the rapidocr package: No module named 'rapidocr'")

    monkeypatch.setattr(images, "_import_rapidocr", missing_engine)
    monkeypatch.setattr(images, "_ocr", None)
    result = read_image((IMAGES / "bedside_face_wristband_en.jpg").read_bytes())
    assert result.read is False
    assert result.not_read_code == images.ENGINE_MISSING
    assert result.not_read_reason.startswith("The text in this image was not read: the OCR engine is not installed")
    assert result.text == "" and result.lines == ()
    assert result.faces_checked and result.has_face


def test_the_engines_load_without_the_network(monkeypatch):
    """Nothing downloads a model at run time: the models ship inside the wheels."""

    def no_network(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(images, "_ocr", None)
    monkeypatch.setattr(images, "_faces", None)
    result = read_image((IMAGES / "wristband_en.jpg").read_bytes())
    assert result.read and "00482913" in result.text


def test_the_package_imports_neither_django_nor_an_engine_until_an_image_is_read():
    probe = (
        "import sys, privacy, privacy.images; "
        "print(sorted(m for m in ('django', 'rapidocr', 'cv2', 'onnxruntime', 'numpy') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPOSITORY, capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


def test_the_labelled_images_are_enough_and_each_is_labelled():
    labels = json.loads((IMAGES / "labels.json").read_text(encoding="utf-8"))
    on_disk = {path.name for path in IMAGES.iterdir() if path.suffix in (".jpg", ".png")}
    assert set(labels) == on_disk
    assert len(labels) >= 20
    assert sum(label["face"] for label in labels.values()) >= 2
    assert {label["lang"] for label in labels.values() if label["identifiers"]} == {"en", "fr"}
    assert all(path.stat().st_size <= 200_000 for path in IMAGES.iterdir())
