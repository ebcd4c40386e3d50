"""Make the privacy guard's test images and their labels (labels.json) in this folder.

    .venv/bin/python tests/data/privacy/images/make_images.py --photos DIR

Every text image is drawn here with Pillow in the DejaVu and Liberation fonts (Debian's
``fonts-dejavu-core`` and ``fonts-liberation``), then tilted, blurred, noised and compressed so
it is not trivially clean. Every name, date and number in them is invented. The photographs come
from scikit-image's sample data, which ships inside its wheel: ``DIR`` is the ``skimage/data``
folder of an unpacked ``scikit_image-0.26.0`` wheel (``pip download --no-deps scikit-image==0.26.0``,
then unzip); scikit-image itself need not be installed. README.md gives each image's source and
licence. The output is fixed for a given Pillow and font version (the noise is seeded).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
LABELS: dict[str, dict] = {}
PHOTOS: Path = HERE


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    # By file name: Pillow looks in the system's font folders.
    return ImageFont.truetype(name, size)


def noisy(image: Image.Image, *, amount: int, seed: int) -> Image.Image:
    """Sensor-like noise: each pixel moved by up to ``amount`` levels, the same way in every channel."""
    values = random.Random(seed).randbytes(image.width * image.height)
    noise = Image.frombytes("L", image.size, values).point(lambda v: 128 + (v - 128) * amount // 128)
    return ImageChops.add(image, Image.merge("RGB", [noise] * 3), scale=1.0, offset=-128)


def finish(
    image: Image.Image, *, rotate: float = 0.0, blur: float = 0.0, noise: int = 0, seed: int = 0, fill="white"
) -> Image.Image:
    if rotate:
        image = image.rotate(rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        image = noisy(image, amount=noise, seed=seed)
    return image


def save(
    image: Image.Image,
    name: str,
    *,
    lang: str,
    kind: str,
    identifiers: bool,
    expected: list[str],
    face: bool,
    source: str,
    quality: int = 85,
) -> None:
    path = HERE / name
    if name.endswith(".jpg"):
        # Noise is expensive to compress: lower the quality until the file is small enough.
        while True:
            image.convert("RGB").save(path, "JPEG", quality=quality, optimize=True)
            if path.stat().st_size <= 200_000 or quality <= 40:
                break
            quality -= 5
    else:
        image.save(path, "PNG", optimize=True)
    assert path.stat().st_size <= 200_000, (name, path.stat().st_size)
    LABELS[name] = {
        "kind": kind,
        "lang": lang,
        "identifiers": identifiers,
        "expected_text": expected,
        "face": face,
        "source": source,
    }


DRAWN = "drawn by make_images.py"


def text_block(draw: ImageDraw.ImageDraw, xy: tuple[int, int], lines: list[str], f, fill, spacing: int = 10):
    x, y = xy
    for line in lines:
        draw.text((x, y), line, font=f, fill=fill)
        y += f.size + spacing
    return y


def barcode(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], seed: int) -> None:
    rng = random.Random(seed)
    x, top, right, bottom = box
    while x < right:
        width = rng.choice((1, 2, 2, 3, 4))
        if rng.random() < 0.55:
            draw.rectangle((x, top, x + width - 1, bottom), fill="black")
        x += width


def wristband(lines: list[str], *, face: str, band: str, size: int, seed: int) -> Image.Image:
    image = Image.new("RGB", (980, 250), band)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((30, 30, 770, 220), radius=18, fill="white", outline="#999999", width=2)
    text_block(draw, (50, 45), lines, font(face, size), "#111111", spacing=8)
    barcode(draw, (790, 50, 950, 200), seed)
    return image


def wristbands() -> None:
    image = wristband(
        ["SMITH, John A", "DOB: 04/12/1961   M   63y", "MRN 00482913   Adm 2026-11-28"],
        face="DejaVuSans-Bold.ttf",
        size=34,
        band="#dbe8f5",
        seed=1,
    )
    save(
        finish(image, rotate=-4, blur=0.8, noise=24, seed=1, fill="#c7d3de"),
        "wristband_en.jpg",
        lang="en",
        kind="wristband",
        identifiers=True,
        expected=["SMITH", "John", "04/12/1961", "00482913"],
        face=False,
        source=DRAWN,
    )
    image = wristband(
        ["TREMBLAY, Hélène", "Née le 1957-03-12   F", "Dossier 7734521  RAMQ TREH 5703 1215"],
        face="LiberationSans-Bold.ttf",
        size=34,
        band="#f7d9e3",
        seed=2,
    )
    save(
        finish(image, rotate=6, blur=1.0, noise=30, seed=2, fill="#e8c8d2"),
        "wristband_fr.jpg",
        lang="fr",
        kind="wristband",
        identifiers=True,
        expected=["TREMBLAY", "Hélène", "1957-03-12", "7734521", "TREH 5703 1215"],
        face=False,
        source=DRAWN,
    )
    image = wristband(
        ["CÔTÉ, François", "DDN 22/02/1950  H", "NAM COTF 5002 2219"],
        face="DejaVuSansCondensed-Bold.ttf",
        size=36,
        band="#fff3b0",
        seed=3,
    )
    save(
        finish(image, rotate=180 - 3, blur=0.6, noise=20, seed=3, fill="#e6dc9e"),
        "wristband_upside_down_fr.jpg",
        lang="fr",
        kind="wristband",
        identifiers=True,
        expected=["CÔTÉ", "François", "22/02/1950", "COTF 5002 2219"],
        face=False,
        source=DRAWN,
    )


def whiteboards() -> None:
    for name, lang, rows, expected, face, seed in (
        (
            "whiteboard_en.jpg",
            "en",
            [
                ("ROOM 412  BED B", "#1f3a93"),
                ("Pt: Mr. K. Patel", "#b22222"),
                ("RN: Josh   MD: Dr. Ito", "#1f3a93"),
                ("NPO after midnight", "#111111"),
                ("Goal: walk to window x3", "#2e7d32"),
            ],
            ["ROOM 412", "Patel", "NPO after midnight"],
            "DejaVuSans-Oblique.ttf",
            4,
        ),
        (
            "whiteboard_fr.jpg",
            "fr",
            [
                ("Chambre 207 - lit 2", "#1f3a93"),
                ("Patiente : Mme Gagnon", "#b22222"),
                ("Inf. : Julie  Md : Dre Roy", "#1f3a93"),
                ("Jeûne à partir de minuit", "#111111"),
                ("Congé prévu : jeudi", "#2e7d32"),
            ],
            ["Chambre 207", "Gagnon", "Jeûne à partir de minuit"],
            "LiberationSans-Italic.ttf",
            5,
        ),
    ):
        image = Image.new("RGB", (1100, 700), "#f4f4f0")
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, 1099, 699), outline="#8a8a8a", width=18)
        y = 60
        for text, colour in rows:
            draw.text((70, y), text, font=font(face, 52), fill=colour)
            y += 110
        # Glare: a brighter band across the board.
        glare = Image.new("L", image.size, 0)
        ImageDraw.Draw(glare).polygon([(600, 0), (760, 0), (420, 700), (260, 700)], fill=70)
        image.paste(Image.new("RGB", image.size, "white"), mask=glare.filter(ImageFilter.GaussianBlur(40)))
        save(
            finish(image, rotate=3 if lang == "en" else -2, blur=1.2, noise=28, seed=seed, fill="#777777"),
            name,
            lang=lang,
            kind="whiteboard",
            identifiers=True,
            expected=expected,
            face=False,
            source=DRAWN,
        )


def monitors() -> None:
    for name, lang, header, rows, expected, seed in (
        (
            "monitor_en.jpg",
            "en",
            "DOE, JANE   MRN 5520193   DOB 1948-11-02   BED 14",
            [
                ("HR", "88", "#39ff14"),
                ("SpO2", "97 %", "#00e5ff"),
                ("NIBP", "132/78", "#ffffff"),
                ("RR", "18", "#ffd600"),
            ],
            ["DOE, JANE", "5520193", "1948-11-02"],
            6,
        ),
        (
            "monitor_fr.jpg",
            "fr",
            "LEFÈBVRE, André   Dossier 3318207   Né le 03/07/1939   Lit 6",
            [
                ("FC", "72", "#39ff14"),
                ("SpO2", "95 %", "#00e5ff"),
                ("PNI", "118/64", "#ffffff"),
                ("FR", "16", "#ffd600"),
            ],
            ["LEFÈBVRE", "André", "3318207", "03/07/1939"],
            7,
        ),
    ):
        image = Image.new("RGB", (1000, 560), "#050a10")
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, 999, 60), fill="#1b2a3a")
        draw.text((16, 14), header, font=font("DejaVuSansMono-Bold.ttf", 26), fill="#e0e0e0")
        rng = random.Random(seed)
        for index, (label, value, colour) in enumerate(rows):
            top = 90 + index * 115
            draw.text((30, top), label, font=font("DejaVuSans.ttf", 28), fill=colour)
            draw.text((170, top - 10), value, font=font("DejaVuSans-Bold.ttf", 64), fill=colour)
            points = [(420 + x * 6, top + 50 + rng.randint(-25, 25)) for x in range(90)]
            draw.line(points, fill=colour, width=2)
        save(
            finish(image, blur=0.5, noise=12, seed=seed),
            name,
            lang=lang,
            kind="photo of a monitor",
            identifiers=True,
            expected=expected,
            face=False,
            source=DRAWN,
        )


def records() -> None:
    for name, lang, title, fields, expected, face in (
        (
            "record_en.png",
            "en",
            "Patient Chart - Summary",
            [
                ("Name", "Whitfield, Margaret R."),
                ("Date of birth", "March 14, 1952"),
                ("OHIP", "1234-567-890-AB"),
                ("Address", "48 Queen St W, Toronto ON M5H 2N2"),
                ("Phone", "(416) 555-0173"),
                ("Diagnosis", "Type 2 diabetes, CKD stage 3"),
            ],
            ["Whitfield", "March 14, 1952", "1234-567-890-AB", "48 Queen St W", "555-0173"],
            "LiberationSans-Regular.ttf",
        ),
        (
            "record_fr.png",
            "fr",
            "Dossier médical - Sommaire",
            [
                ("Nom", "Côté, Élise"),
                ("Date de naissance", "22 février 1950"),
                ("RAMQ", "COTE 5002 2219"),
                ("Adresse", "1234, rue Saint-Denis, Montréal H2X 3K1"),
                ("Téléphone", "514 555-0148"),
                ("Diagnostic", "Insuffisance cardiaque, FEVG 35 %"),
            ],
            ["Côté", "Élise", "22 février 1950", "COTE 5002 2219", "rue Saint-Denis", "H2X 3K1"],
            "DejaVuSans.ttf",
        ),
    ):
        image = Image.new("RGB", (1100, 640), "#ffffff")
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, 1099, 56), fill="#2b5797")
        draw.text((20, 12), title, font=font("DejaVuSans-Bold.ttf", 28), fill="white")
        draw.rectangle((0, 56, 220, 639), fill="#eef1f5")
        for index, item in enumerate(
            ("Summary", "Labs", "Notes", "Orders") if lang == "en" else ("Sommaire", "Labos", "Notes", "Ordonnances")
        ):
            draw.text((20, 90 + index * 50), item, font=font("DejaVuSans.ttf", 20), fill="#333333")
        label_font, value_font = font(face, 22), font(face, 26)
        for index, (label, value) in enumerate(fields):
            top = 90 + index * 85
            draw.text((250, top), label, font=label_font, fill="#666666")
            draw.text((250, top + 28), value, font=value_font, fill="#111111")
            draw.line((250, top + 70, 1070, top + 70), fill="#dddddd")
        save(
            finish(image, blur=0.3),
            name,
            lang=lang,
            kind="record screenshot",
            identifiers=True,
            expected=expected,
            face=False,
            source=DRAWN,
        )


def labels() -> None:
    image = Image.new("RGB", (760, 300), "#ffffff")
    draw = ImageDraw.Draw(image)
    text_block(
        draw,
        (24, 20),
        ["BROWN, MICHAEL T", "DOB 09/30/1975  Acc# 23-118842", "SST  Collected 11/27 07:42", "CBC / BMP / HbA1c"],
        font("LiberationMono-Bold.ttf", 34),
        "#111111",
    )
    barcode(draw, (24, 240, 736, 290), 8)
    save(
        finish(image, rotate=-8, blur=0.7, noise=18, seed=8, fill="#d0d0d0"),
        "specimen_label_en.jpg",
        lang="en",
        kind="specimen label",
        identifiers=True,
        expected=["BROWN", "09/30/1975", "23-118842"],
        face=False,
        source=DRAWN,
    )
    image = Image.new("RGB", (900, 380), "#fffdf5")
    draw = ImageDraw.Draw(image)
    draw.text((24, 16), "Pharmacie du Quartier", font=font("DejaVuSerif-Bold.ttf", 30), fill="#0b5394")
    text_block(
        draw,
        (24, 80),
        [
            "Rx 4471923   Dre M. Lavoie",
            "Mme Nathalie Bouchard",
            "88, boulevard René-Lévesque, Québec G1R 2B5",
            "Metformine 500 mg : 1 comprimé deux fois par jour",
        ],
        font("DejaVuSerif.ttf", 26),
        "#111111",
        spacing=16,
    )
    save(
        finish(image, rotate=2, blur=0.6, noise=16, seed=9, fill="#bbbbbb"),
        "pharmacy_label_fr.jpg",
        lang="fr",
        kind="pharmacy label",
        identifiers=True,
        expected=["Bouchard", "René-Lévesque", "G1R 2B5", "4471923"],
        face=False,
        source=DRAWN,
    )


def clean_text_images() -> None:
    slides = (
        (
            "slide_en.png",
            "en",
            "Hypertension in 2026: what changed",
            [
                "Target below 130/80 for most adults",
                "Home readings beat office readings",
                "Start two drugs when far above target",
            ],
            ["Hypertension in 2026", "Home readings"],
            ("#0b3d91", "#ffffff"),
            "LiberationSans-Bold.ttf",
        ),
        (
            "slide_fr.png",
            "fr",
            "Journée de la santé cardiaque",
            [
                "Québec, 14 février - entrée libre",
                "Dépistage gratuit de la pression",
                "Conférence : l'activité physique après 65 ans",
            ],
            ["Journée de la santé cardiaque", "Dépistage gratuit"],
            ("#ffffff", "#7a1f1f"),
            "DejaVuSans-Bold.ttf",
        ),
    )
    for name, lang, title, bullets, expected, (background, colour), face in slides:
        image = Image.new("RGB", (1280, 720), background)
        draw = ImageDraw.Draw(image)
        draw.text((70, 70), title, font=font(face, 56), fill=colour)
        draw.line((70, 160, 1210, 160), fill=colour, width=4)
        for index, bullet in enumerate(bullets):
            draw.text((90, 230 + index * 110), "• " + bullet, font=font("DejaVuSans.ttf", 40), fill=colour)
        save(
            finish(image, blur=0.4),
            name,
            lang=lang,
            kind="conference slide",
            identifiers=False,
            expected=expected,
            face=False,
            source=DRAWN,
        )
    for name, lang, lines, expected, seed in (
        (
            "clinic_sign_en.jpg",
            "en",
            ["Riverside Family Clinic", "Walk-in: Mon-Fri 8 am - 6 pm", "Appointments 1-800-555-0199"],
            ["Riverside Family Clinic", "1-800-555-0199"],
            11,
        ),
        (
            "clinic_sign_fr.jpg",
            "fr",
            ["Clinique médicale Saint-Laurent", "Sans rendez-vous : lun. au ven.", "Rendez-vous : 514 555-0100"],
            ["Clinique médicale Saint-Laurent", "514 555-0100"],
            12,
        ),
    ):
        image = Image.new("RGB", (1000, 420), "#6d8f6d")
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle((30, 30, 970, 390), radius=24, fill="#0f5132", outline="#e8e8e8", width=6)
        draw.text((70, 70), lines[0], font=font("LiberationSerif-Bold.ttf", 54), fill="#ffffff")
        text_block(draw, (70, 180), lines[1:], font("LiberationSans-Regular.ttf", 40), "#f1f1d0", spacing=30)
        save(
            finish(image, rotate=-5, blur=1.1, noise=26, seed=seed, fill="#6d8f6d"),
            name,
            lang=lang,
            kind="clinic sign",
            identifiers=False,
            expected=expected,
            face=False,
            source=DRAWN,
        )
    for name, lang, title, bars, expected in (
        (
            "chart_stats_en.png",
            "en",
            "Flu vaccination, adults 65+, 2025 (%)",
            [("ON", 71), ("QC", 64), ("BC", 69), ("AB", 58), ("MB", 61)],
            ["Flu vaccination", "2025"],
        ),
        (
            "chart_stats_fr.png",
            "fr",
            "Vaccination contre la grippe, 65 ans et plus (%)",
            [("Mauricie", 66), ("Estrie", 70), ("Outaouais", 59), ("Laval", 63)],
            ["Vaccination contre la grippe", "Estrie"],
        ),
    ):
        image = Image.new("RGB", (1000, 600), "#ffffff")
        draw = ImageDraw.Draw(image)
        draw.text((40, 24), title, font=font("DejaVuSans-Bold.ttf", 30), fill="#222222")
        draw.line((120, 520, 960, 520), fill="#444444", width=2)
        draw.line((120, 100, 120, 520), fill="#444444", width=2)
        step = 820 // len(bars)
        for index, (label, value) in enumerate(bars):
            left = 140 + index * step
            top = 520 - value * 5
            draw.rectangle(
                (left, top, left + step - 40, 520), fill=("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2")[index]
            )
            draw.text((left, top - 34), f"{value}", font=font("DejaVuSans.ttf", 24), fill="#222222")
            draw.text((left, 532), label, font=font("DejaVuSansCondensed.ttf", 24), fill="#222222")
        save(
            image,
            name,
            lang=lang,
            kind="chart of public statistics",
            identifiers=False,
            expected=expected,
            face=False,
            source=DRAWN,
        )


def photos() -> None:
    astronaut = Image.open(PHOTOS / "astronaut.png").convert("RGB")
    save(
        astronaut,
        "astronaut.jpg",
        lang="",
        kind="portrait",
        identifiers=False,
        expected=[],
        face=True,
        source="scikit-image astronaut.png",
    )
    # A bedside photo: a face, and a wristband in the frame.
    photo = astronaut.resize((768, 768), Image.Resampling.LANCZOS)
    band = wristband(
        ["MARTIN, Claire", "DOB 1971-06-09", "MRN 66120458"],
        face="DejaVuSans-Bold.ttf",
        size=30,
        band="#dbe8f5",
        seed=13,
    ).resize((588, 150), Image.Resampling.LANCZOS)
    band = band.rotate(-7, expand=True, resample=Image.Resampling.BICUBIC, fillcolor="#c7d3de")
    photo.paste(band, (120, 560))
    save(
        finish(photo, blur=0.5, noise=10, seed=13),
        "bedside_face_wristband_en.jpg",
        lang="en",
        kind="photo with wristband",
        identifiers=True,
        expected=["MARTIN", "Claire", "1971-06-09", "66120458"],
        face=True,
        source="scikit-image astronaut.png, with a drawn wristband",
    )
    camera = Image.open(PHOTOS / "camera.png").convert("RGB")
    save(
        camera,
        "cameraman.jpg",
        lang="",
        kind="photo of a person in profile",
        identifiers=False,
        expected=[],
        face=True,
        source="scikit-image camera.png",
    )
    for file, name, kind in (
        ("rocket.jpg", "rocket_landscape.jpg", "landscape"),
        ("coffee.png", "coffee.jpg", "still life"),
        ("chelsea.png", "cat.jpg", "a cat (no human face)"),
    ):
        save(
            Image.open(PHOTOS / file).convert("RGB"),
            name,
            lang="",
            kind=kind,
            identifiers=False,
            expected=[],
            face=False,
            source=f"scikit-image {file}",
        )


def main() -> None:
    global PHOTOS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=Path, required=True, help="the skimage/data folder of scikit-image's wheel")
    PHOTOS = parser.parse_args().photos
    wristbands()
    whiteboards()
    monitors()
    records()
    labels()
    clean_text_images()
    photos()
    (HERE / "labels.json").write_text(json.dumps(LABELS, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(LABELS)} images")


if __name__ == "__main__":
    main()
