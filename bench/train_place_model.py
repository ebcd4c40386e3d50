"""Train the rooms-and-places model (privacy/place_model.py) and measure it across authors.

    .venv/bin/python bench/train_place_model.py --evaluate   # leave one author out, once per author; prints figures
    .venv/bin/python bench/train_place_model.py --write      # fit on every author, write privacy/place_model.json

The authors are the names model's (``bench/train_name_model.py``). A candidate (every room-like or street-like span
``place_model.candidates`` finds) is positive when a labelled ``room`` or ``address`` span overlaps it. The model is
only measured on an author it was not trained on (leave one author out); its threshold is chosen on the training
authors alone, out of fold, by ``train_name_model.threshold_for``: the lowest probability (0.5 at least) at which it
adds at most ``CLEAN_BUDGET`` of their clean posts together, and ``AUTHOR_CAP`` of any one author's, to those the
rules already flag, each span as a scan keeps it (after the public-roles vetoes).

Printed per author left out: room and address recall of the rules alone and of the rules with the model (a label
counts when a finding of its own category overlaps it, as ``bench/privacy.py`` counts), and the clean posts flagged
(for anything) by the rules alone and with the model. The rules were tuned on every author, so their figures flatter
them; the gain the model brings on an author left out is what a new author's posts would see.

Deterministic: liblinear, features in a sorted order, weights rounded in the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import train_name_model  # noqa: E402
from privacy import place_model, weights  # noqa: E402
from privacy.base import Category, Hit, Text  # noqa: E402

AUTHORS = train_name_model.AUTHORS
# The code its threshold is chosen by, for the digest of its inputs (``train_name_model.inputs_digest``).
TRAINERS = [Path(train_name_model.__file__), Path(__file__)]
PLACES = (Category.ROOM, Category.ADDRESS)
# One of the training authors' clean posts together, out of fold (0.1 % of about 1,750): with none, the single
# highest-scoring clean post of twenty-two authors set the threshold at 0.91 and address recall fell to 0.06 on a
# new author; 1 % added 8 of 1,278 left out.
CLEAN_BUDGET = 0.001
AUTHOR_CAP = 0.05  # of any one author's
FLOOR = 0.5  # the lowest threshold allowed: below it the model says a span is more likely no patient's place
REGULARISATION = 0.1  # scikit-learn's C: smoother, fewer weights from one author's words (0.5 added a clean post)
DROPPED: tuple[str, ...] = ()  # feature prefixes left out, to try what each kind of feature brings
SHOW_ERRORS = False


load = train_name_model.posts_of


def place_labels(post: dict, categories: tuple[str, ...] = PLACES) -> list[tuple[int, int]]:
    return [(label["start"], label["end"]) for label in post["labels"] if label["category"] in categories]


overlaps = train_name_model.overlaps
_CANDIDATES: dict[str, list] = {}


def candidates(post: dict) -> list[tuple[int, int, dict[str, float]]]:
    """The post's candidates a scan would keep after the public-roles vetoes (which apply to every rule's hits)."""
    if post["id"] not in _CANDIDATES:
        from privacy import public_roles

        text = Text(post["text"], post["language"])
        kept = []
        for start, end, features in place_model.candidates(text):
            hit = Hit(place_model.category(text, start), start, end, "room")
            if public_roles.vetoed(text, [hit]):
                kept.append((start, end, features))
        _CANDIDATES[post["id"]] = kept
    return _CANDIDATES[post["id"]]


def _features(features: dict[str, float]) -> dict[str, float]:
    return {name: value for name, value in features.items() if not name.startswith(DROPPED)} if DROPPED else features


def fit(posts: list[dict]) -> dict:
    rows, targets = [], []
    for post in posts:
        labels = place_labels(post)
        for start, end, features in candidates(post):
            rows.append(_features(features))
            targets.append(int(any(overlaps((start, end), label) for label in labels)))
    return train_name_model.fit_logistic(rows, targets, REGULARISATION)


_KEPT: dict[str, list] = {}


def scored(post: dict, model: dict) -> list[tuple[int, int, float]]:
    """The candidates the scan would keep (after the model's own vetoes), with the model's probability."""
    if post["id"] not in _KEPT:
        text = Text(post["text"], post["language"])
        _KEPT[post["id"]] = [(s, e, f) for s, e, f in candidates(post) if not place_model.vetoed(text, s, e)]
    return weights.logistic_scores(((s, e, _features(f)) for s, e, f in _KEPT[post["id"]]), model)


_RULES: dict[str, tuple[dict[str, list[tuple[int, int]]], bool]] = {}


def rules(post: dict) -> tuple[dict[str, list[tuple[int, int]]], bool]:
    """The rules' rooms and addresses alone (without this model), and whether the rules flag the post at all."""
    if post["id"] not in _RULES:
        from privacy import public_roles
        from privacy.text import RULES, _resolve

        text = Text(post["text"], post["language"])
        hits = [hit for rule in RULES if rule not in place_model.RULES for hit in rule(text)]
        kept = _resolve(public_roles.vetoed(text, hits))
        found = {category: [(hit.start, hit.end) for hit in kept if hit.category == category] for category in PLACES}
        _RULES[post["id"]] = (found, bool(kept))
    return _RULES[post["id"]]


def choose_threshold(posts_by_author: dict[str, tuple[dict, ...]]) -> float:
    scores_by_author = []
    for held, posts in posts_by_author.items():
        others = [post for author, author_posts in posts_by_author.items() if author != held for post in author_posts]
        model = fit(others)
        scores_by_author.append(
            [
                max((p for _, _, p in scored(post, model)), default=0.0)
                for post in posts
                if not post["labels"] and not rules(post)[1]
            ]
        )
    return train_name_model.threshold_for(scores_by_author, CLEAN_BUDGET, cap=AUTHOR_CAP, floor=FLOOR)


def model_found(post: dict, model: dict, threshold: float) -> dict[str, list[tuple[int, int]]]:
    text = Text(post["text"], post["language"])
    found: dict[str, list[tuple[int, int]]] = {category: [] for category in PLACES}
    for start, end, p in scored(post, model):
        if p >= threshold:
            found[place_model.category(text, start)].append((start, end))
    return found


def measure(posts: tuple[dict, ...], found: dict, flagged: dict[str, bool]) -> dict[str, tuple[int, int]]:
    figures = {}
    for category in PLACES:
        labels = [(post["id"], label) for post in posts for label in place_labels(post, (category,))]
        hit = sum(any(overlaps(label, span) for span in found[pid][category]) for pid, label in labels)
        figures[category] = (hit, len(labels))
    clean = [post for post in posts if not post["labels"]]
    figures["clean"] = (sum(flagged[post["id"]] for post in clean), len(clean))
    return figures


def evaluate() -> None:
    posts_by_author = {author: load(author) for author in AUTHORS}
    print(f"clean budget for the threshold: {CLEAN_BUDGET:.0%} of the training authors' clean posts, out of fold")
    print(f"{'left out':<10}{'source':<13}{'room recall':>16}{'address recall':>18}{'clean flagged':>16}{'':>4}")
    summary: dict[str, list[dict]] = {}
    for held, posts in posts_by_author.items():
        training = {author: author_posts for author, author_posts in posts_by_author.items() if author != held}
        threshold = choose_threshold(training)
        model = fit([post for author_posts in training.values() for post in author_posts])
        by_model = {post["id"]: model_found(post, model, threshold) for post in posts}
        by_rules = {post["id"]: rules(post)[0] for post in posts}
        both = {
            pid: {
                category: train_name_model.union(by_rules[pid][category], by_model[pid][category])
                for category in PLACES
            }
            for pid in by_rules
        }
        rules_flagged = {post["id"]: rules(post)[1] for post in posts}
        both_flagged = {pid: rules_flagged[pid] or any(by_model[pid].values()) for pid in by_rules}
        for source, found, flagged in (("rules*", by_rules, rules_flagged), ("rules+model", both, both_flagged)):
            figures = measure(posts, found, flagged)
            summary.setdefault(source, []).append(figures)
            (room, rooms), (address, addresses), (flagged_clean, clean) = (
                figures[Category.ROOM],
                figures[Category.ADDRESS],
                figures["clean"],
            )
            print(
                f"{held:<10}{source:<13}{room / max(rooms, 1):>8.3f} ({room:>3}/{rooms:<3})"
                f"{address / max(addresses, 1):>10.3f} ({address:>3}/{addresses:<3})"
                f"{flagged_clean / max(clean, 1):>8.3f} ({flagged_clean:>3}/{clean:<3})"
            )
        print(f"{held:<10}threshold {threshold}")
        if SHOW_ERRORS:
            _show_errors(posts, by_model, both)
    # The figures each change is judged by: recall per author left out, averaged (each author counts once).
    for source, rows in summary.items():
        line = [f"mean {source:<12}"]
        for category in PLACES:
            recall = sum(row[category][0] / max(row[category][1], 1) for row in rows) / len(rows)
            pooled = sum(row[category][0] for row in rows), sum(row[category][1] for row in rows)
            line.append(f"{category.value} recall {recall:.3f} ({pooled[0]}/{pooled[1]})")
        flagged, clean = sum(row["clean"][0] for row in rows), sum(row["clean"][1] for row in rows)
        line.append(f"clean posts flagged {flagged}/{clean}")
        print(", ".join(line))
    print("rules*: tuned on every author, so not a clean estimate; the model's gain on the author left out is.")


def _show_errors(posts: tuple[dict, ...], by_model: dict, both: dict) -> None:
    for post in posts:
        pid, value = post["id"], post["text"]
        for category, spans in by_model[pid].items():
            for span in spans:
                if not any(overlaps(span, label) for label in place_labels(post, (category,))):
                    where = "clean post" if not post["labels"] else "labelled post"
                    excerpt = value[max(0, span[0] - 50) : span[1] + 30].replace("\n", " ")
                    print(f"  false alarm ({where}) {pid}: {value[span[0] : span[1]]!r} | {excerpt}")
        for category in PLACES:
            for label in place_labels(post, (category,)):
                status = "found" if any(overlaps(label, span) for span in both[pid][category]) else "missed"
                if status == "missed" or any(overlaps(label, span) for span in by_model[pid][category]):
                    excerpt = value[max(0, label[0] - 50) : label[1] + 30].replace("\n", " ")
                    print(f"  {status} {category.value} {pid}: {value[label[0] : label[1]]!r} | {excerpt}")


def build() -> dict:
    return train_name_model.build_from_every_author(load, fit, choose_threshold, trainers=TRAINERS)


def write() -> None:
    train_name_model.write_table(place_model.MODEL_FILE, build())


if __name__ == "__main__":
    parser = train_name_model.training_arguments(
        __doc__.splitlines()[0],
        regularisation=REGULARISATION,
        budget=CLEAN_BUDGET,
        cap=AUTHOR_CAP,
        floor=FLOOR,
        errors_help="list the model's false alarms and finds, and misses",
    )
    parser.add_argument("--drop", nargs="*", default=[], help="feature prefixes to leave out")
    arguments = parser.parse_args()
    REGULARISATION, CLEAN_BUDGET, SHOW_ERRORS = arguments.c, arguments.budget, arguments.errors
    AUTHOR_CAP, FLOOR, DROPPED = arguments.cap, arguments.floor, tuple(arguments.drop)
    if arguments.evaluate or not (arguments.write or arguments.check):
        evaluate()
    if arguments.write:
        write()
    if arguments.check:
        train_name_model.check(place_model.MODEL_FILE, build())
