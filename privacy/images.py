"""Read an image the way a stranger would: the text in it, and whether it shows a face.

``read_image(data)`` answers an :class:`ImageReading`: the lines of text found (wristbands,
whiteboards, monitors, screenshots of records) for the text scanner to check like any other
text, and the faces found, for which the author must confirm every identifiable person's
consent. It never pretends: when the OCR engine is missing or the bytes are not an image,
``read`` is False and ``not_read_reason`` says so in plain words.

The engine is RapidOCR on ONNX Runtime, with the PP-OCRv6 "small" detection and multilingual
recognition models that ship inside the ``rapidocr`` wheel (Apache-2.0, converted from
PaddleOCR's models): nothing is downloaded at run time, and English and French, accents
included, are read by the same model. Faces are found with OpenCV's Haar cascades, which ship
inside the ``opencv-python-headless`` wheel (frontal faces, and profiles facing either way).

Both engines load lazily, once per process, under a lock: importing this module costs nothing,
and a process that never reads an image never loads a model.
"""

from __future__ import annotations

import io
import threading
import unicodedata
import warnings
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

# OCR reads crops of the image the detector found, so keep enough pixels for small print;
# past this the work only grows. Detection itself runs on at most DETECTION_SIDE pixels.
OCR_MAX_SIDE = 2000
DETECTION_SIDE = 736
# ONNX Runtime's threads for one read. Each waiting thread spins, so on a busy machine a second
# thread costs more CPU than it saves time; a worker process reading images uses one core, and
# more images are read at once by more processes.
OCR_THREADS = 1
# Haar cascades need no more than this to see a face, and cost grows with the area.
FACE_MAX_SIDE = 640
# A face smaller than this share of the image's shorter side is a crowd in the distance.
FACE_MIN_SHARE = 0.06
FACE_MIN_PIXELS = 24
# Lines the recogniser is less sure of than this are mostly texture read as letters.
MIN_LINE_CONFIDENCE = 0.5
# Larger images are refused before they are decoded (Pillow's own bomb limit is higher): a phone's
# photo is about 12 megapixels, and decoding 50 takes 150 MB.
MAX_PIXELS = 50_000_000

ENGINE_MISSING = "engine_missing"
UNDECODABLE = "undecodable"
TOO_LARGE = "too_large"
ENGINE_FAILED = "engine_failed"


@dataclass(frozen=True)
class Box:
    """An upright rectangle in the pixels of the image as given (after EXIF rotation)."""

    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class TextLine:
    text: str
    box: Box
    confidence: float


@dataclass(frozen=True)
class ImageReading:
    """What was read from one image.

    ``read`` is True only when the OCR engine looked at the whole image; then ``text`` is
    every line it read, top to bottom, joined with newlines (empty: no text in the image).
    ``faces_checked`` says whether the face detector ran, which it can even when OCR could
    not: a missing OCR engine does not hide a face.
    """

    read: bool
    text: str = ""
    lines: tuple[TextLine, ...] = ()
    faces: tuple[Box, ...] = ()
    faces_checked: bool = False
    not_read_code: str = ""
    not_read_reason: str = ""
    width: int = 0
    height: int = 0

    @property
    def has_face(self) -> bool:
        return bool(self.faces)


class EngineUnavailable(Exception):
    """An engine's package is not installed (or would not load) in this process."""


def read_image(data: bytes) -> ImageReading:
    """Read the text in an image and find its faces. Never raises for bad input."""
    try:
        image = _decode(data)
    except _NotDecoded as not_decoded:
        return ImageReading(read=False, not_read_code=not_decoded.code, not_read_reason=not_decoded.reason)

    faces, faces_checked = _faces_or_unchecked(image)
    common = {"faces": faces, "faces_checked": faces_checked, "width": image.width, "height": image.height}
    try:
        ocr = _ocr_engine()
    except EngineUnavailable as missing:
        return ImageReading(
            read=False,
            not_read_code=ENGINE_MISSING,
            not_read_reason=f"The text in this image was not read: the OCR engine is not installed ({missing}).",
            **common,
        )
    try:
        lines = ocr.read_lines(image)
    except Exception as error:  # an engine's failure on one image must not stop the guard
        return ImageReading(
            read=False,
            not_read_code=ENGINE_FAILED,
            not_read_reason=f"The text in this image was not read: the OCR engine failed ({type(error).__name__}).",
            **common,
        )
    return ImageReading(read=True, text="\n".join(line.text for line in lines), lines=lines, **common)


class _NotDecoded(Exception):
    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def _decode(data: bytes) -> Image.Image:
    """The image upright, in RGB, fully loaded; animations give their first frame."""
    if not data:
        raise _NotDecoded(UNDECODABLE, "This file is empty, so there was no image to read.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                if opened.width * opened.height > MAX_PIXELS:
                    raise _NotDecoded(TOO_LARGE, _too_large(opened.width, opened.height))
                opened.load()
                upright = ImageOps.exif_transpose(opened)
                # Transparent pixels are black underneath; screenshots and logos mean them white.
                if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
                    rgba = upright.convert("RGBA")
                    flat = Image.new("RGB", rgba.size, "white")
                    flat.paste(rgba, mask=rgba.getchannel("A"))
                    return flat
                return upright.convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _NotDecoded(TOO_LARGE, _too_large(None, None)) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise _NotDecoded(
            UNDECODABLE, "This file could not be opened as an image, so nothing in it was read."
        ) from error


def _too_large(width: int | None, height: int | None) -> str:
    size = f" ({width} × {height} pixels)" if width and height else ""
    return f"This image is too large to read{size}; a smaller copy can be checked."


def _scaled(image: Image.Image, max_side: int) -> tuple[Image.Image, float]:
    """The image shrunk so its longer side is at most ``max_side``, and the factor back to the original."""
    longest = max(image.size)
    if longest <= max_side:
        return image, 1.0
    factor = max_side / longest
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0), 1 / factor


def _box_back(left: float, top: float, right: float, bottom: float, back: float, image: Image.Image) -> Box:
    left, top = max(0, round(left * back)), max(0, round(top * back))
    right, bottom = min(image.width, round(right * back)), min(image.height, round(bottom * back))
    return Box(left=left, top=top, width=max(0, right - left), height=max(0, bottom - top))


# --- OCR -------------------------------------------------------------------------------------


class _RapidOCR:
    """RapidOCR with the models of its wheel; one call at a time (ONNX Runtime already uses every core)."""

    def __init__(self, rapidocr_module: Any):
        import numpy

        self._numpy = numpy
        self._lock = threading.Lock()
        self._engine = rapidocr_module.RapidOCR(
            params={
                "Global.log_level": "error",
                "Global.text_score": MIN_LINE_CONFIDENCE,
                "Global.max_side_len": OCR_MAX_SIDE,
                # The default ("min", 736) enlarges every image to at least 736 pixels a side, which
                # made a 900 × 300 wristband take three seconds; capping the longer side at 736 is
                # several times faster and read the same text in our images.
                "Det.limit_type": "max",
                "Det.limit_side_len": DETECTION_SIDE,
                "EngineConfig.onnxruntime.intra_op_num_threads": OCR_THREADS,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )

    def read_lines(self, image: Image.Image) -> tuple[TextLine, ...]:
        scaled, back = _scaled(image, OCR_MAX_SIDE)
        with self._lock:
            result = self._engine(self._numpy.asarray(scaled))
        if result.boxes is None or result.txts is None:
            return ()
        lines = []
        for quad, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
            # NFKC: the recogniser sometimes answers a full-width comma or colon for ours.
            text = " ".join(unicodedata.normalize("NFKC", str(text)).split())
            if not text:
                continue
            xs, ys = [float(point[0]) for point in quad], [float(point[1]) for point in quad]
            box = _box_back(min(xs), min(ys), max(xs), max(ys), back, image)
            lines.append(TextLine(text=text, box=box, confidence=round(float(score), 3)))
        return tuple(lines)


def _import_rapidocr() -> Any:
    """The lazy loader's boundary with the installed package (tests make it fail to play a missing engine)."""
    try:
        import rapidocr
    except ImportError as error:
        raise EngineUnavailable(f"the rapidocr package: {error}") from error
    return rapidocr


_ocr_lock = threading.Lock()
_ocr: _RapidOCR | None = None


def _ocr_engine() -> _RapidOCR:
    global _ocr
    if _ocr is None:
        with _ocr_lock:
            if _ocr is None:
                module = _import_rapidocr()
                try:
                    _ocr = _RapidOCR(module)
                except ImportError as error:  # onnxruntime or numpy missing beneath rapidocr
                    raise EngineUnavailable(str(error)) from error
    return _ocr


# --- Faces -----------------------------------------------------------------------------------


class _HaarFaces:
    """OpenCV's frontal and profile cascades; the profile one sees left-facing faces, so it also reads the mirror."""

    def __init__(self, cv2: Any):
        import numpy

        self._cv2 = cv2
        self._numpy = numpy
        folder = cv2.data.haarcascades
        self._frontal = cv2.CascadeClassifier(folder + "haarcascade_frontalface_alt2.xml")
        self._profile = cv2.CascadeClassifier(folder + "haarcascade_profileface.xml")
        if self._frontal.empty() or self._profile.empty():
            raise EngineUnavailable("OpenCV's Haar cascades are not in this OpenCV build")
        # CascadeClassifier keeps scratch state per object: one image at a time.
        self._lock = threading.Lock()

    def find(self, image: Image.Image) -> tuple[Box, ...]:
        cv2 = self._cv2
        scaled, back = _scaled(image, FACE_MAX_SIDE)
        gray = cv2.equalizeHist(self._numpy.asarray(scaled.convert("L")))
        smallest = max(FACE_MIN_PIXELS, round(min(gray.shape) * FACE_MIN_SHARE))
        # Steps of 20 % between scales and 4 neighbours found every face in our images at half
        # the cost of the usual 10 % and 5.
        options = {"scaleFactor": 1.2, "minNeighbors": 4, "minSize": (smallest, smallest)}
        width = gray.shape[1]
        with self._lock:
            found = [tuple(box) for box in self._frontal.detectMultiScale(gray, **options)]
            found += [tuple(box) for box in self._profile.detectMultiScale(gray, **options)]
            for x, y, w, h in self._profile.detectMultiScale(cv2.flip(gray, 1), **options):
                found.append((width - x - w, y, w, h))
        kept: list[tuple[int, int, int, int]] = []
        for box in sorted(found, key=lambda b: -b[2] * b[3]):
            if not any(_overlap(box, other) > 0.3 for other in kept):
                kept.append(box)
        return tuple(
            _box_back(float(x), float(y), float(x + w), float(y + h), back, image)
            for x, y, w, h in sorted(kept, key=lambda b: (b[1], b[0]))
        )


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """The shared area over the smaller box's area: the same face seen by two cascades overlaps almost fully."""
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if right <= left or bottom <= top:
        return 0.0
    return (right - left) * (bottom - top) / min(a[2] * a[3], b[2] * b[3])


def _import_cv2() -> Any:
    try:
        import cv2
    except ImportError as error:
        raise EngineUnavailable(f"the opencv-python-headless package: {error}") from error
    return cv2


_faces_lock = threading.Lock()
_faces: _HaarFaces | None = None


def _face_detector() -> _HaarFaces:
    global _faces
    if _faces is None:
        with _faces_lock:
            if _faces is None:
                _faces = _HaarFaces(_import_cv2())
    return _faces


def _faces_or_unchecked(image: Image.Image) -> tuple[tuple[Box, ...], bool]:
    """The faces, and whether the detector ran: a detector missing or failing says so, never "no face"."""
    try:
        return _face_detector().find(image), True
    except EngineUnavailable:
        return (), False
    except Exception:  # OpenCV's errors on an odd image: unchecked, which the caller must not read as clean
        return (), False
