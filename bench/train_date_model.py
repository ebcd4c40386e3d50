"""Train the patients'-dates model (privacy/date_model.py) and measure it across authors.

    .venv/bin/python bench/train_date_model.py --evaluate   # leave one author out, once per author; prints figures
    .venv/bin/python bench/train_date_model.py --write      # fit on every author, write privacy/date_model.json

The authors are the names model's (``bench/train_name_model.py``): author 1 (every
``tune_*.jsonl`` but the ``tune_authorN.jsonl`` ones, and ``heldout.jsonl``), author N (``tune_authorN.jsonl``).
A candidate (every date expression ``date_model.CANDIDATE`` finds) is positive when a labelled ``date`` span
overlaps it. The model is only measured on an author it was not trained on (leave one author out); its threshold
is chosen on the training authors alone, out of fold: the lowest probability (0.5 at least) at which it adds at
most ``CLEAN_BUDGET`` of their clean posts together, and ``AUTHOR_CAP`` of any one author's, to those the rules
already flag.

Printed per author left out: date recall of the rules alone and of the rules with the model, and the clean posts
flagged (for anything) by the rules alone and with the model. The rules were tuned on every author, so their
figures flatter them; the gain the model brings on an author left out is what a new author's posts would see.

Deterministic: liblinear, features in a sorted order, weights rounded in the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import train_name_model  # noqa: E402
from privacy import date_model, weights  # noqa: E402
from privacy.base import Category, Text  # noqa: E402

AUTHORS = train_name_model.AUTHORS
# The code its threshold is chosen by, for the digest of its inputs (``train_name_model.inputs_digest``).
TRAINERS = [Path(train_name_model.__file__), Path(__file__)]
CLEAN_BUDGET = 0.01  # of every training author's clean posts together, out of fold
AUTHOR_CAP = 0.05  # of any one author's
FLOOR = 0.5  # the lowest threshold allowed: below it the model says a span is more likely no date
REGULARISATION = 3.0  # scikit-learn's C: smaller is smoother, fewer weights learnt from one author's words
SHOW_ERRORS = False


load = train_name_model.posts_of


def date_labels(post: dict) -> list[tuple[int, int]]:
    return [(label["start"], label["end"]) for label in post["labels"] if label["category"] == Category.DATE]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_CANDIDATES: dict[str, list] = {}


def candidates(post: dict) -> list[tuple[int, int, dict[str, float]]]:
    if post["id"] not in _CANDIDATES:
        _CANDIDATES[post["id"]] = date_model.candidates(Text(post["text"], post["language"]))
    return _CANDIDATES[post["id"]]


def fit_authors(posts_by_author: dict[str, tuple[dict, ...]], exclude: str) -> dict:
    """The model fitted on these authors but one, once per set of authors (see ``train_name_model.fit_authors``)."""
    return train_name_model.fit_authors(posts_by_author, exclude, fitter=fit)


def fit(posts: list[dict]) -> dict:
    rows, targets = [], []
    for post in posts:
        labels = date_labels(post)
        for start, end, features in candidates(post):
            rows.append(features)
            targets.append(int(any(overlaps((start, end), label) for label in labels)))
    return train_name_model.fit_logistic(rows, targets, REGULARISATION)


def scored(post: dict, model: dict) -> list[tuple[int, int, float]]:
    """The candidates the scan would keep, with the model's probability: as ``date_model.spans`` reads them."""
    text = Text(post["text"], post["language"])
    kept = [candidate for candidate in candidates(post) if not date_model.vetoed(text, *candidate[:2])]
    return weights.logistic_scores(kept, model)


_RULES: dict[str, tuple[list[tuple[int, int]], bool]] = {}


def rules(post: dict) -> tuple[list[tuple[int, int]], bool]:
    """The rules' dates alone (without this model) and whether the rules flag the post at all, as a scan would."""
    if post["id"] not in _RULES:
        from privacy import public_roles
        from privacy.text import RULES, _resolve

        text = Text(post["text"], post["language"])
        hits = [hit for rule in RULES if rule not in date_model.RULES for hit in rule(text)]
        kept = _resolve(public_roles.vetoed(text, hits))
        dates = [(hit.start, hit.end) for hit in kept if hit.category == Category.DATE]
        _RULES[post["id"]] = (dates, bool(kept))
    return _RULES[post["id"]]


def choose_threshold(posts_by_author: dict[str, tuple[dict, ...]]) -> float:
    """The lowest threshold at which the model, out of fold, adds at most CLEAN_BUDGET of the training authors' clean
    posts together to those the rules flag (a clean post the rules flag anyway costs nothing more); see
    ``train_name_model.threshold_for``."""
    scores_by_author = []
    for held, posts in posts_by_author.items():
        model = fit_authors(posts_by_author, exclude=held)
        scores_by_author.append(
            [
                max((p for _, _, p in scored(post, model)), default=0.0)
                for post in posts
                if not post["labels"] and not rules(post)[1]
            ]
        )
    return train_name_model.threshold_for(scores_by_author, CLEAN_BUDGET, cap=AUTHOR_CAP, floor=FLOOR)


def measure(posts: tuple[dict, ...], found: dict[str, list[tuple[int, int]]], flagged: dict[str, bool]) -> tuple:
    labels = [(post["id"], label) for post in posts for label in date_labels(post)]
    hit = sum(any(overlaps(label, span) for span in found[pid]) for pid, label in labels)
    spans = [(post, span) for post in posts for span in found[post["id"]]]
    right = sum(any(overlaps(span, label) for label in date_labels(post)) for post, span in spans)
    clean = [post for post in posts if not post["labels"]]
    return hit, len(labels), right, len(spans), sum(flagged[post["id"]] for post in clean), len(clean)


def evaluate() -> None:
    posts_by_author = {author: load(author) for author in AUTHORS}
    print(f"clean budget for the threshold: {CLEAN_BUDGET:.0%} of the training authors' clean posts, out of fold")
    print(f"{'left out':<10}{'source':<13}{'date recall':>16}{'precision':>18}{'clean flagged':>18}")
    summary: dict[str, list[tuple]] = {}
    for held, posts in posts_by_author.items():
        training = {author: author_posts for author, author_posts in posts_by_author.items() if author != held}
        threshold = choose_threshold(training)
        model = fit_authors(posts_by_author, exclude=held)
        model_found = {post["id"]: [(s, e) for s, e, p in scored(post, model) if p >= threshold] for post in posts}
        rules_found = {post["id"]: rules(post)[0] for post in posts}
        rules_flagged = {post["id"]: rules(post)[1] for post in posts}
        both = {pid: train_name_model.union(rules_found[pid], model_found[pid]) for pid in rules_found}
        both_flagged = {pid: rules_flagged[pid] or bool(model_found[pid]) for pid in rules_found}
        for source, found, flagged in (
            ("model alone", model_found, {pid: bool(spans) for pid, spans in model_found.items()}),
            ("rules*", rules_found, rules_flagged),
            ("rules+model", both, both_flagged),
        ):
            hit, labels, right, spans, flagged_clean, clean = figures = measure(posts, found, flagged)
            summary.setdefault(source, []).append(figures)
            print(
                f"{held:<10}{source:<13}{hit / max(labels, 1):>8.3f} ({hit:>3}/{labels:<3})"
                f"{right / max(spans, 1):>9.3f} ({right:>3}/{spans:<3})"
                f"{flagged_clean / max(clean, 1):>9.3f} ({flagged_clean:>3}/{clean:<3})"
            )
        print(f"{held:<10}threshold {threshold}")
        if SHOW_ERRORS:
            for post in posts:
                for span in model_found[post["id"]]:
                    if not any(overlaps(span, label) for label in date_labels(post)):
                        where = "clean post" if not post["labels"] else "labelled post"
                        excerpt = post["text"][max(0, span[0] - 50) : span[1] + 30].replace("\n", " ")
                        print(f"  false alarm ({where}) {post['id']}: {post['text'][span[0] : span[1]]!r} | {excerpt}")
                for label in date_labels(post):
                    if not any(overlaps(label, span) for span in both[post["id"]]):
                        excerpt = post["text"][max(0, label[0] - 50) : label[1] + 30].replace("\n", " ")
                        print(f"  missed {post['id']}: {post['text'][label[0] : label[1]]!r} | {excerpt}")
    # The figure each change is judged by: recall per author left out, averaged (each author counts once).
    for source, rows in summary.items():
        recall = sum(hit / max(labels, 1) for hit, labels, *_ in rows) / len(rows)
        flagged, clean = sum(row[4] for row in rows), sum(row[5] for row in rows)
        per_author = " ".join(f"{row[0] / max(row[1], 1):.3f}/{row[4]}" for row in rows)
        print(f"mean {source:<13} date recall {recall:.3f}, clean posts flagged {flagged}/{clean}  [{per_author}]")
    print("rules*: tuned on every author, so not a clean estimate; the model alone's rows are.")


def build() -> dict:
    return train_name_model.build_from_every_author(load, fit, choose_threshold, trainers=TRAINERS)


def write() -> None:
    train_name_model.write_table(date_model.MODEL_FILE, build())


if __name__ == "__main__":
    parser = train_name_model.training_arguments(
        __doc__.splitlines()[0],
        regularisation=REGULARISATION,
        budget=CLEAN_BUDGET,
        cap=AUTHOR_CAP,
        floor=FLOOR,
        errors_help="list the model's false alarms and the misses left",
    )
    arguments = parser.parse_args()
    REGULARISATION, CLEAN_BUDGET, SHOW_ERRORS = arguments.c, arguments.budget, arguments.errors
    AUTHOR_CAP, FLOOR = arguments.cap, arguments.floor
    if arguments.evaluate or not (arguments.write or arguments.check):
        evaluate()
    if arguments.write:
        write()
    if arguments.check:
        train_name_model.check(date_model.MODEL_FILE, build())
