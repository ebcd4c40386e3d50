"""Time the privacy guard's image reading, and check what it read, on the labelled test images.

    .venv/bin/python bench/privacy_images.py [--rounds 3] [--threads 1] [--images tests/data/privacy/images]

For every image in ``labels.json`` it runs ``privacy.images.read_image`` ``--rounds`` times
(after one warm-up read that loads the engines, timed apart) and prints:

* the wall time of one read, median and p95 over all reads (target: ≤ 3 s an image on two cores);
* the CPU this process spent per read (``time.process_time``: ONNX Runtime's threads included),
  whose ratio to the wall time says how many cores the read kept busy;
* the share of that time the face detector took (it runs on its own, once more, per image);
* **the floor**, measured in the same run on the same images: Pillow decoding the bytes and
  shrinking the picture to 960 pixels (what any image handling costs), median of 5; and **the
  ratio** of the read's median to it, which says more than seconds on a busy, shared machine;
* what was read: the share of the labels' expected snippets found in the text (ignoring case and
  spacing), per language, and the faces found against the labels;
* the worst case it knows, read once: a dense screenshot of a ward list (140 lines, about 7,700
  characters) drawn here. Recognition costs about the same per character, so time grows with the
  text in the image, not its size.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from bench.common import percentile  # noqa: E402
from privacy import images  # noqa: E402

DEFAULT_IMAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "privacy" / "images"


def squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def floor_once(data: bytes) -> float:
    """Pillow's decode and a shrink to 960 pixels: the least any reading of this image costs."""
    started = time.perf_counter()
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        image.thumbnail((960, 960), Image.Resampling.BILINEAR)
    return time.perf_counter() - started


def dense_screenshot() -> bytes:
    """A ward list as a screenshot: 70 rows of two columns in 18-pixel type (invented names)."""
    image = Image.new("RGB", (1400, 1900), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("DejaVuSans.ttf", 18)
    for row in range(70):
        top = 10 + row * 26
        draw.text(
            (20, top),
            f"{row:02d}  Patient Gagnon, Rémi  né le 1950-0{row % 9 + 1}-12  dossier 55{row:04d}  chambre {200 + row}",
            font=font,
            fill="black",
        )
        draw.text((760, top), f"Note: TA 120/80, FC {60 + row}, afebrile, ambulating well", font=font, fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--images", type=Path, default=DEFAULT_IMAGES)
    parser.add_argument(
        "--threads",
        type=int,
        default=images.OCR_THREADS,
        help="ONNX Runtime's threads per read (default: the module's)",
    )
    args = parser.parse_args()
    images.OCR_THREADS = args.threads
    labels = json.loads((args.images / "labels.json").read_text(encoding="utf-8"))
    payloads = {name: (args.images / name).read_bytes() for name in labels}

    print(f"{os.cpu_count()} CPUs, {args.threads} OCR thread(s), load average {os.getloadavg()[0]:.1f} at the start")
    started, cpu_started = time.perf_counter(), time.process_time()
    images.read_image(next(iter(payloads.values())))
    print(
        f"first read, loading the engines: {time.perf_counter() - started:.2f} s wall, "
        f"{time.process_time() - cpu_started:.2f} s CPU"
    )

    floors_before = {name: statistics.median(floor_once(data) for _ in range(5)) for name, data in payloads.items()}
    walls: dict[str, list[float]] = {name: [] for name in payloads}
    cpus: dict[str, list[float]] = {name: [] for name in payloads}
    readings: dict[str, images.ImageReading] = {}
    for _ in range(args.rounds):
        for name, data in payloads.items():
            wall, cpu = time.perf_counter(), time.process_time()
            readings[name] = images.read_image(data)
            walls[name].append(time.perf_counter() - wall)
            cpus[name].append(time.process_time() - cpu)
    face_times = {}
    for name, data in payloads.items():
        decoded = images._decode(data)
        wall = time.perf_counter()
        images._face_detector().find(decoded)
        face_times[name] = time.perf_counter() - wall
    floors_after = {name: statistics.median(floor_once(data) for _ in range(5)) for name, data in payloads.items()}
    floors = {name: (floors_before[name] + floors_after[name]) / 2 for name in payloads}

    print()
    print(f"{'image':32} {'wall':>6} {'CPU':>6} {'faces':>6} {'floor':>7} {'ratio':>6}  read")
    found_by_lang: dict[str, list[int]] = {}
    face_errors = []
    for name, label in labels.items():
        reading = readings[name]
        text = squeezed(reading.text)
        expected = label["expected_text"]
        found = [snippet for snippet in expected if squeezed(snippet) in text]
        tally = found_by_lang.setdefault(label["lang"] or "photo", [0, 0])
        tally[0] += len(found)
        tally[1] += len(expected)
        if reading.has_face != label["face"]:
            face_errors.append(name)
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(
            f"{name:32} {wall:6.2f} {cpu:6.2f} {face_times[name]:6.2f} {floors[name] * 1000:5.1f}ms "
            f"{wall / floors[name]:6.0f}  {len(found)}/{len(expected)} snippets, "
            f"{len(reading.lines)} lines, {len(reading.faces)} face(s)"
            + ("" if reading.read else f"  NOT READ: {reading.not_read_reason}")
        )

    all_walls = [value for values in walls.values() for value in values]
    all_cpus = [value for values in cpus.values() for value in values]
    median_floor = statistics.median(floors.values())
    print()
    print(f"{len(payloads)} images × {args.rounds} rounds")
    print(
        f"wall per image: median {statistics.median(all_walls):.2f} s, p95 {percentile(all_walls, 95):.2f} s, "
        f"max {max(all_walls):.2f} s (target ≤ 3 s)"
    )
    print(
        f"CPU per image: median {statistics.median(all_cpus):.2f} s, p95 {percentile(all_cpus, 95):.2f} s "
        f"(cores kept busy: {sum(all_cpus) / sum(all_walls):.2f})"
    )
    print(f"faces alone: median {statistics.median(face_times.values()):.2f} s")
    print(
        f"floor (Pillow decode + shrink): median {median_floor * 1000:.1f} ms; "
        f"ratio of the medians: {statistics.median(all_walls) / median_floor:.0f}"
    )
    for lang, (found, expected) in sorted(found_by_lang.items()):
        if expected:
            print(f"snippets read ({lang}): {found}/{expected} = {found / expected:.1%}")
    with_face = [name for name, label in labels.items() if label["face"]]
    print(
        f"faces: {sum(readings[name].has_face for name in with_face)}/{len(with_face)} images with a face found, "
        f"{sum(readings[name].has_face for name in labels if name not in with_face)}/"
        f"{len(labels) - len(with_face)} without a face wrongly flagged"
        + (f" ({', '.join(face_errors)})" if face_errors else "")
    )
    dense = dense_screenshot()
    wall, cpu = time.perf_counter(), time.process_time()
    reading = images.read_image(dense)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"dense screenshot (worst case): {wall:.2f} s wall, {cpu:.2f} s CPU, {len(reading.lines)} lines, "
        f"{len(reading.text)} characters ({cpu / max(1, len(reading.text)) * 1000:.1f} ms CPU per character)"
    )
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
