"""Train the patients'-names model (privacy/name_model.py) and measure it across authors.

    .venv/bin/python bench/train_name_model.py --evaluate   # leave one author out, once per author; prints figures
    .venv/bin/python bench/train_name_model.py --write      # fit on every author, write privacy/name_model.json

The labelled corpora were written by the authors in ``AUTHORS``: author 1 (every ``tune_*.jsonl`` but the
``tune_authorN.jsonl`` ones, and ``heldout.jsonl``), author N (``tune_authorN.jsonl``). The model is only ever
measured on an author it was not trained on: train on all the others, test on the one left out; the last lines
give each figure averaged over the authors left out, the one each change to the model is judged by. Its
threshold is chosen on the training authors alone, out of fold (train on all but one, score that one, in turn):
the lowest probability (0.5 at least) at which it adds at most ``CLEAN_BUDGET`` of their clean posts together, and
``AUTHOR_CAP`` of any one author's, to those the rules flag.

The rules' figures printed beside the model's are not clean estimates: the rules were tuned on the authors
(author 4's row, measured before any rule was tuned on author 4, is the one exception in bench/RESULTS.md).
Only the model's own columns, author left out, estimate what a new author's posts would give.

Deterministic: a fixed solver (liblinear, which is deterministic for a given input), features in a sorted
order, weights rounded in the file.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from privacy import name_model, public_roles  # noqa: E402
from privacy.base import Category, Hit, Text  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "privacy"
AUTHORS = {
    "author1": [
        "tune_handwritten.jsonl",
        "tune_generated.jsonl",
        "tune_pageposts.jsonl",
        "tune_long.jsonl",
        "tune_long2.jsonl",
        "heldout.jsonl",
    ],
    # Every other author's own file, read from the directory so that a new one is trained on the moment it lands.
    **{
        f"author{number}": [f"tune_author{number}.jsonl"]
        for number in sorted(int(path.stem.removeprefix("tune_author")) for path in CORPUS.glob("tune_author*.jsonl"))
    },
}
# The older short parts label one mention per name: a later mention of a labelled name is not a negative.
ONE_MENTION_PER_NAME = {"tune_handwritten.jsonl", "tune_generated.jsonl", "heldout.jsonl"}
CLEAN_BUDGET = 0.01  # of every training author's clean posts together, out of fold
AUTHOR_CAP = 0.05  # of any one author's
FLOOR = 0.5  # the lowest threshold allowed: below it the model says a word is more likely no name
SHOW_ERRORS = False
QUICK = False  # --quick: thresholds from one out-of-fold scoring of every author, not from each fold's own
DROPPED: tuple[str, ...] = ()  # feature prefixes left out, to try what each kind of feature brings
REGULARISATION = 0.5  # scikit-learn's C: smaller is smoother, fewer weights learnt from one author's words


@contextlib.contextmanager
def features_read_once():
    """Each post's candidates, the rules' names in it and the words the vetoes keep read once per run, not once per
    fold: a fold's model changes nothing in any (the leave-one-out run fits about a hundred models over the same
    posts)."""
    original_candidates, original_rules_spans = name_model.candidates, globals()["rules_spans"]
    read = cache(lambda value, language: original_candidates(Text(value, language)))
    name_model.candidates = lambda text: read(text.value, text.language)
    rules_read = cache(lambda value, language: original_rules_spans({"text": value, "language": language}))
    globals()["rules_spans"] = lambda post: rules_read(post["text"], post["language"])
    globals()["_WORDS_KEPT"] = cache(_words_kept)
    try:
        yield
    finally:
        name_model.candidates, globals()["rules_spans"] = original_candidates, original_rules_spans
        globals()["_WORDS_KEPT"] = _words_kept


def load(author: str) -> list[dict]:
    posts = []
    for name in AUTHORS[author]:
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                post = json.loads(line)
                post["one_mention"] = name in ONE_MENTION_PER_NAME
                posts.append(post)
    return posts


@cache
def posts_of(author: str) -> tuple[dict, ...]:
    """One author's labelled posts as they are stored, read once per run (the dates and places trainers' ``load``)."""
    posts = []
    for name in AUTHORS[author]:
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                posts.append(json.loads(line))
    return tuple(posts)


def name_labels(post: dict) -> list[tuple[int, int]]:
    return [(label["start"], label["end"]) for label in post["labels"] if label["category"] == Category.NAME]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def examples(posts: list[dict]) -> tuple[list[dict], list[int]]:
    rows, targets = [], []
    for post in posts:
        labels = name_labels(post)
        labelled_words = {post["text"][s:e].lower() for s, e in labels for s, e in [(s, e)]}
        labelled_tokens = {token for text in labelled_words for token in name_model.TOKEN.findall(text)}
        for start, end, features in name_model.candidates(Text(post["text"], post["language"])):
            positive = any(overlaps((start, end), label) for label in labels)
            if not positive and post["one_mention"] and post["text"][start:end].lower() in labelled_tokens:
                continue
            rows.append({name: value for name, value in features.items() if not name.startswith(DROPPED)})
            targets.append(int(positive))
    return rows, targets


def fit(posts: list[dict]) -> dict:
    return fit_logistic(*examples(posts), REGULARISATION)


_FITTED: dict[tuple, dict] = {}


def fit_authors(posts_by_author: dict[str, list[dict]], exclude: str, fitter=None) -> dict:
    """The model ``fitter`` (this module's ``fit`` unless given: the dates model's trainer passes its own) fitted on
    these authors but one, once per set of authors: leaving out A, then B to choose A's threshold, trains on the same
    authors as leaving out B, then A (the leave-one-out run halves its fits)."""
    fitter = fitter or fit
    authors = frozenset(posts_by_author) - {exclude}
    if (fitter, authors) not in _FITTED:
        _FITTED[fitter, authors] = fitter(
            [post for author, posts in posts_by_author.items() if author in authors for post in posts]
        )
    return _FITTED[fitter, authors]


def fit_logistic(rows: list[dict[str, float]], targets: list[int], regularisation: float) -> dict:
    """A logistic regression over the rows' features, as the table ``privacy.weights`` scores: the dates model's
    trainer fits with it too."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows).tocsr()
    # liblinear takes 32-bit indices only; DictVectorizer gives 64-bit ones with recent SciPy.
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")
    # Unweighted classes: the threshold is chosen afterwards anyway, and left out, balanced weights ranked names worse
    # (mean name recall over the four authors 0.647 balanced, 0.673 unweighted, the same 2 clean posts flagged).
    classifier = LogisticRegression(C=regularisation, solver="liblinear", class_weight=None, max_iter=1000)
    classifier.fit(matrix, targets)
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectorizer.feature_names_, classifier.coef_[0], strict=True)
        if abs(weight) >= 1e-3
    }
    return {"weights": weights, "intercept": round(float(classifier.intercept_[0]), 4), "threshold": 0.5}


def model_spans(post: dict, model: dict, threshold: float, *, vetoes: bool = True) -> list[tuple[int, int]]:
    """The model's names in a post; with ``vetoes``, less those the rules know are no patient's, as in a scan."""
    text = Text(post["text"], post["language"])
    found = name_model.spans(text, model, threshold)
    return name_model.vetted(text, found) if vetoes else [(start, end) for start, end, _ in found]


def choose_threshold(posts_by_author: dict[str, list[dict]]) -> float:
    """The threshold ``threshold_for`` chooses from each training author's clean posts, scored out of fold: those
    the rules do not flag already, each by the best score of a word the scan would keep."""
    scores_by_author = [
        clean_best_scores(posts, fit_authors(posts_by_author, exclude=held)) for held, posts in posts_by_author.items()
    ]
    return threshold_for(scores_by_author, CLEAN_BUDGET, cap=AUTHOR_CAP, floor=FLOOR)


def clean_best_scores(posts: list[dict], model: dict) -> list[float]:
    """Per clean post the rules do not flag, the best probability of any word of it the scan would keep."""
    best_scores = []
    for post in posts:
        # A clean post the rules already flag costs the guard nothing more if the model flags it too: the budget
        # is the clean posts the model adds. (Counting them let one author's tributes to colleagues, which the
        # rules flag anyway, set every threshold at 0.97 once author 9 joined.)
        if not post["labels"] and not rules_spans(post):
            text = Text(post["text"], post["language"])
            scored = {(start, end): p for start, end, p in name_model.scores(text, model)}
            kept = words_kept_by_the_vetoes(post["text"], post["language"])
            best_scores.append(max((scored[span] for span in kept), default=0.0))
    return best_scores


def words_kept_by_the_vetoes(value: str, language: str) -> list[tuple[int, int]]:
    """Each word of a post as the scan would take it: a word the rules' vetoes drop flags nothing, nor one the
    public-roles pass drops (it runs over every rule's hits, the model's included). The vetoes read the words' places
    only, never their scores, so a post's kept words are the same under every fold's model: read once per run."""
    return _WORDS_KEPT(value, language)


def _words_kept(value: str, language: str) -> list[tuple[int, int]]:
    text = Text(value, language)
    every_word = [(start, end, 0.0) for start, end, _ in name_model.candidates(text)]
    kept = name_model.vetted(text, every_word)
    return [(hit.start, hit.end) for hit in public_roles.vetoed(text, [_name_hit(span) for span in kept])]


_WORDS_KEPT = _words_kept


def threshold_for(scores_by_author: list[list[float]], budget: float, *, cap: float, floor: float = 0.5) -> float:
    """The lowest threshold (``floor`` at least) at which the model adds, out of fold, at most ``budget`` of every
    training author's clean posts together and at most ``cap`` of any one author's; given, per author, each clean
    post's best score. (A budget per author let one odd post decide: with 60 clean posts and 1 %, any author's
    single highest-scoring clean post set the threshold, at 0.97 for dates once the twelfth author joined.)"""
    total = sum(len(scores) for scores in scores_by_author)
    for threshold in sorted({score + 1e-4 for scores in scores_by_author for score in scores} | {floor}):
        if threshold < floor:
            continue
        flagged = [sum(score >= threshold for score in scores) for scores in scores_by_author]
        if sum(flagged) <= int(budget * total) and all(
            count <= int(cap * len(scores)) for count, scores in zip(flagged, scores_by_author, strict=True)
        ):
            return round(min(0.99, threshold), 4)
    return 0.99


def rules_spans(post: dict) -> list[tuple[int, int]]:
    """The rules' names alone, without the model (which ``privacy.text.RULES`` includes)."""
    from privacy.text import RULES, _resolve

    text = Text(post["text"], post["language"])
    hits = [hit for rule in RULES if rule not in name_model.RULES for hit in rule(text)]
    # As the scan resolves them: after the public-roles pass, so a colleague the rules vetoed is a clean post.
    return [(hit.start, hit.end) for hit in _resolve(public_roles.vetoed(text, hits)) if hit.category == Category.NAME]


def _name_hit(span: tuple[int, int]) -> Hit:
    return Hit(Category.NAME, span[0], span[1], "name_model")


def measure(posts: list[dict], found: dict[str, list[tuple[int, int]]]) -> dict[str, tuple]:
    figures = {}
    for language in ("en", "fr", "all"):
        chosen = [post for post in posts if language in (post["language"], "all")]
        labels = [(post["id"], label) for post in chosen for label in name_labels(post)]
        hit = sum(any(overlaps(label, span) for span in found[pid]) for pid, label in labels)
        spans = [(post["id"], span) for post in chosen for span in found[post["id"]]]
        right = sum(
            any(overlaps(span, label) for label in name_labels(by_id))
            for pid, span in spans
            for by_id in [next(p for p in chosen if p["id"] == pid)]
        )
        clean = [post for post in chosen if not post["labels"]]
        flagged = sum(bool(found[post["id"]]) for post in clean)
        figures[language] = (hit, len(labels), right, len(spans), flagged, len(clean))
    return figures


def union(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return first + [span for span in second if not any(overlaps(span, other) for other in first)]


def evaluate() -> None:
    posts_by_author = {author: load(author) for author in AUTHORS}
    print(f"clean budget for the threshold: {CLEAN_BUDGET:.0%} of the training authors' clean posts, out of fold")
    print(f"{'left out':<9}{'source':<14}{'lang':<5}{'recall':>16}{'precision':>18}{'clean flagged':>18}")
    summary: dict[str, list[tuple]] = {}
    if QUICK:
        # Each author's clean posts scored once, by the model that left that author out (and so saw the one held):
        # 20 fits a run, not 190; the held author leaks into the others' scores only, never into its own.
        out_of_fold = {
            author: clean_best_scores(posts, fit_authors(posts_by_author, exclude=author))
            for author, posts in posts_by_author.items()
        }
    for held, posts in posts_by_author.items():
        training = {author: author_posts for author, author_posts in posts_by_author.items() if author != held}
        if QUICK:
            scores = [out_of_fold[author] for author in training]
            threshold = threshold_for(scores, CLEAN_BUDGET, cap=AUTHOR_CAP, floor=FLOOR)
        else:
            threshold = choose_threshold(training)
        model = fit_authors(posts_by_author, exclude=held)
        model_found = {post["id"]: model_spans(post, model, threshold) for post in posts}
        bare_found = {post["id"]: model_spans(post, model, threshold, vetoes=False) for post in posts}
        rules_found = {post["id"]: rules_spans(post) for post in posts}
        both = {pid: union(rules_found[pid], model_found[pid]) for pid in rules_found}
        rules_missed = {
            pid: [label for label in name_labels(post) if not any(overlaps(label, s) for s in rules_found[pid])]
            for post in posts
            for pid in [post["id"]]
        }
        recovered = sum(
            any(overlaps(label, span) for span in model_found[pid])
            for pid, missed in rules_missed.items()
            for label in missed
        )
        sources = (
            ("model alone", bare_found),
            ("model+vetoes", model_found),
            ("rules*", rules_found),
            ("rules∪model", both),
        )
        for source, found in sources:
            figures = measure(posts, found)
            summary.setdefault(source, []).append(figures["all"])
            for language, (hit, labels, right, spans, flagged, clean) in figures.items():
                print(
                    f"{held:<9}{source:<14}{language:<5}"
                    f"{hit / max(labels, 1):>8.3f} ({hit:>3}/{labels:<3})"
                    f"{right / max(spans, 1):>9.3f} ({right:>3}/{spans:<3})"
                    f"{flagged / max(clean, 1):>9.3f} ({flagged:>3}/{clean:<3})"
                )
        if SHOW_ERRORS:
            by_id = {post["id"]: post for post in posts}
            for pid, found in model_found.items():
                post = by_id[pid]
                for span in found:
                    if not any(overlaps(span, label) for label in name_labels(post)):
                        where = "clean post" if not post["labels"] else "labelled post"
                        print(f"  false alarm ({where}) {pid}: {post['text'][span[0] : span[1]]!r}")
                for label in rules_missed[pid]:
                    status = "found" if any(overlaps(label, span) for span in found) else "missed"
                    print(f"  rules' miss {status} by the model {pid}: {post['text'][label[0] : label[1]]!r}")
        missed_total = sum(len(missed) for missed in rules_missed.values())
        print(f"{held:<9}threshold {threshold}; names the rules miss that the model finds: {recovered}/{missed_total}")
    # The figure each change is judged by: recall per author left out, averaged (each author counts once).
    for source, rows in summary.items():
        recall = sum(hit / max(labels, 1) for hit, labels, *_ in rows) / len(rows)
        flagged, clean = sum(row[4] for row in rows), sum(row[5] for row in rows)
        per_author = " ".join(f"{hit / max(labels, 1):.3f}/{row[4]}" for row in rows for hit, labels in [row[:2]])
        print(f"mean {source:<14} recall {recall:.3f}, clean posts flagged {flagged}/{clean}  [{per_author}]")
    print("rules*: tuned on every author, so not a clean estimate; the model alone's rows are.")
    print('Its vetoes are the rules\' own, so "model+vetoes" and "rules∪model" borrow some of that tuning.')


def build() -> dict:
    with features_read_once():
        return build_from_every_author(load, fit, choose_threshold, trainers=[Path(__file__)])


def build_from_every_author(load_author, fitter, threshold_chooser, *, trainers: list[Path]) -> dict:
    """A model fitted on every author's posts, its threshold chosen out of fold across them (the dates and places
    trainers build theirs with it too), and the digest of what it was built from (``inputs_digest``)."""
    posts_by_author = {author: load_author(author) for author in AUTHORS}
    model = fitter([post for posts in posts_by_author.values() for post in posts])
    model["threshold"] = threshold_chooser(posts_by_author)
    model["trained_on"] = sorted(name for names in AUTHORS.values() for name in names)
    model["inputs"] = inputs_digest(trainers)
    return model


def fit_on_every_author(load_author, fitter) -> dict:
    """The model's weights as ``build`` fits them, without choosing its threshold: one fit, where choosing the
    threshold takes one per author and reads every clean post with every rule (minutes, and more with each
    author). The tests compare the committed weights with these and trust the threshold to ``inputs_digest``."""
    model = fitter([post for author in AUTHORS for post in load_author(author)])
    model["trained_on"] = sorted(name for names in AUTHORS.values() for name in names)
    return model


def inputs_digest(trainers: list[Path]) -> str:
    """SHA-256 of every author's corpus files and the trainers' code: what a model's threshold was chosen from.
    A corpus or trainer changed since the model was written gives another digest, and the model's test fails
    until it is trained again. (A change to the rules' vetoes, which the threshold also reads, is not seen:
    ``--check`` builds the whole model again and compares.)"""
    digest = hashlib.sha256()
    for name in sorted(name for names in AUTHORS.values() for name in names):
        digest.update(name.encode() + b"\0" + (CORPUS / name).read_bytes())
    for trainer in trainers:
        digest.update(trainer.name.encode() + b"\0" + trainer.read_bytes())
    return digest.hexdigest()


def check(path: Path, built: dict) -> None:
    """Compare a committed model with one built afresh (``--check``): exits 1 where they differ."""
    committed = json.loads(path.read_text(encoding="utf-8"))
    differing = [key for key in ("threshold", "trained_on", "inputs") if committed.get(key) != built[key]]
    weights = committed["weights"].keys() ^ built["weights"].keys()
    weights |= {
        name for name in built["weights"] if abs(committed["weights"].get(name, 0) - built["weights"][name]) >= 1e-3
    }
    print(
        f"{path.name}: {'differs in ' + ', '.join(differing) if differing else 'threshold and inputs as committed'}; "
        f"{len(weights)} weights differ"
    )
    if differing or weights:
        raise SystemExit(1)


def write() -> None:
    write_table(name_model.MODEL_FILE, build())


def write_table(path: Path, model: dict) -> None:
    """Write a model's table as ``privacy.weights`` reads it (the dates model's trainer writes with it too)."""
    path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0) + "\n", "utf-8")
    print(f"wrote {path.name}: {len(model['weights'])} weights, threshold {model['threshold']}")


def training_arguments(
    description: str, *, regularisation: float, budget: float, cap: float, floor: float, errors_help: str
) -> argparse.ArgumentParser:
    """The options every model's trainer takes, with its defaults (the dates and places trainers build theirs here
    too)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--evaluate", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--check", action="store_true", help="build afresh and compare with the committed model")
    parser.add_argument("--c", type=float, default=regularisation, help="regularisation (scikit-learn's C)")
    parser.add_argument("--budget", type=float, default=budget, help="share of clean posts the threshold allows")
    parser.add_argument("--cap", type=float, default=cap, help="the share of any one author's clean posts allowed")
    parser.add_argument("--floor", type=float, default=floor, help="the lowest threshold allowed")
    parser.add_argument("--errors", action="store_true", help=errors_help)
    return parser


if __name__ == "__main__":
    parser = training_arguments(
        __doc__.splitlines()[0],
        regularisation=REGULARISATION,
        budget=CLEAN_BUDGET,
        cap=AUTHOR_CAP,
        floor=FLOOR,
        errors_help="list the model's false alarms and finds",
    )
    parser.add_argument("--drop", nargs="*", default=[], help="feature prefixes to leave out")
    parser.add_argument("--quick", action="store_true", help="thresholds from one out-of-fold scoring (20 fits)")
    arguments = parser.parse_args()
    REGULARISATION, CLEAN_BUDGET, DROPPED = arguments.c, arguments.budget, tuple(arguments.drop)
    AUTHOR_CAP, FLOOR = arguments.cap, arguments.floor
    SHOW_ERRORS, QUICK = arguments.errors, arguments.quick
    with features_read_once():
        if arguments.evaluate or not (arguments.write or arguments.check):
            evaluate()
        if arguments.write:
            write()
        if arguments.check:
            check(name_model.MODEL_FILE, build())
