"""Arabic NER figures: quality on ANERcorp dev and test and on AQMAR, speed and memory.

Runs on the shared data sets (``$MARSAD_SHARED_DATA`` or ``../shared/data`` beside the
repository). ``python benchmarks/ner.py [--write-manifest]``; run it pinned to one core
(``taskset -c 0``). Tokens/s and the entities stage's articles/s are CPU time, after the model
is loaded; tokens/s is one run over ANERcorp test with a fresh model, and again (best of three)
once the model has seen the words and scores them from its cache. ``--write-manifest`` stores the figures
in the shipped model's manifest. ANERcorp test is scored here only, never used to choose anything.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from marsad.settings import shared_data_dir

REPO = Path(__file__).resolve().parent.parent

# The installed `marsad` command beside this interpreter, timed as a user would run it.
MARSAD = Path(sys.executable).parent / "marsad"


def shared() -> Path:
    return shared_data_dir(REPO)


def aqmar_tag(tag: str) -> str:
    """AQMAR's tags on ANERcorp's set: PER -> PERS, every MIS* -> MISC, noise -> O."""
    prefix, _, label = tag.partition("-")
    label = label.strip("-`")
    if prefix not in ("B", "I") or not label:
        return "O"
    if label.startswith("MIS"):
        return f"{prefix}-MISC"
    return {"PER": f"{prefix}-PERS", "LOC": f"{prefix}-LOC", "ORG": f"{prefix}-ORG"}.get(label, "O")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write-manifest", action="store_true")
    parser.add_argument("--articles", type=int, default=4000, help="ant_news_ar articles for the stage speed")
    args = parser.parse_args()

    started, started_cpu = time.perf_counter(), time.process_time()
    from marsad.nlp.ner import evaluate, format_scores, load_ner_model, read_conll
    from marsad.nlp.ner.model import MANIFEST_FILE, shipped_model_dir

    model = load_ner_model()
    load_seconds = time.perf_counter() - started
    load_cpu = time.process_time() - started_cpu
    figures: dict[str, object] = {}
    data = shared()
    for name, path, fix in (
        ("anercorp_dev", data / "anercorp" / "dev.conll", None),
        ("anercorp_test", data / "anercorp" / "test.conll", None),
        ("aqmar", data / "aqmar" / "aqmar.conll", aqmar_tag),
    ):
        sentences = read_conll(path)
        gold = [[fix(t) for t in s.tags] if fix else s.tags for s in sentences]
        scores = evaluate(gold, model.tag([s.tokens for s in sentences]))
        print(f"{name}\n{format_scores(scores)}\n")
        figures[name] = {label: {"p": s.precision, "r": s.recall, "f1": s.f1} for label, s in scores.items()}

    test = [s.tokens for s in read_conll(data / "anercorp" / "test.conll")]
    n_tokens = sum(map(len, test))
    cold = _timed(load_ner_model().tag, test)  # a fresh model: every word scored for the first time
    warm = min(_timed(model.tag, test) for _ in range(3))
    tag_file = data / "anercorp" / "test.conll"
    wall = min(_wall([str(MARSAD), "tag", str(tag_file)]) for _ in range(3))
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    speed = {
        "load_seconds": round(load_seconds, 2),
        "load_cpu_seconds": round(load_cpu, 2),
        "tokens_per_second": round(n_tokens / cold),
        "tokens_per_second_words_seen": round(n_tokens / warm),
        "tag_command_seconds_test_conll": round(wall, 2),
        "tag_command_cpu_seconds_test_conll": round((children.ru_utime + children.ru_stime) / 3, 2),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "model_mb": round(sum(f.stat().st_size for f in shipped_model_dir().iterdir()) / 2**20, 1),
    }
    print(json.dumps(speed, indent=2))
    stage = stage_speed(args.articles)
    print(json.dumps(stage, indent=2))
    speed["entities_stage"] = stage
    actors = actor_figures(model)
    print(json.dumps(actors, indent=2))
    if args.write_manifest:
        path = shipped_model_dir() / MANIFEST_FILE
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["figures"] = figures
        manifest["speed"] = {**speed, "measured_by": "taskset -c 0 python benchmarks/ner.py --write-manifest"}
        manifest["rule_layers"] = actors
        path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def stage_speed(n: int) -> dict[str, object]:
    """The entities stage on ``n`` ant_news_ar articles (the sample ``benchmarks/run.py`` takes),
    segmented first, with a freshly loaded model: CPU seconds, articles/s, tokens/s."""
    import random

    from marsad.article import Article
    from marsad.clean.article import make_article
    from marsad.ingest.read import read_paths
    from marsad.ingest.records import RawDocument
    from marsad.nlp.ner import load_ner_model, recognize_entities
    from marsad.nlp.segment import segment
    from marsad.nlp.tokens import Clitics
    from marsad.nlp.vocabulary import load_vocabulary
    from marsad.settings import Settings

    path = shared() / "ant_news_ar" / "ant_news_ar.jsonl.gz"
    docs = [d for d in read_paths([str(path)]) if isinstance(d, RawDocument)]
    random.Random(7).shuffle(docs)
    settings, clitics = Settings(), Clitics(load_vocabulary())
    articles = [make_article(d, settings=settings) for d in docs[:n]]
    articles = [segment(a, clitics=clitics) for a in articles if isinstance(a, Article)]
    model = load_ner_model()
    started = time.process_time()
    entities = sum(len(recognize_entities(a, model=model).entities) for a in articles)
    seconds = time.process_time() - started
    tokens = sum(len(a.tokens) for a in articles)
    return {
        "articles": len(articles),
        "entities": entities,
        "cpu_seconds": round(seconds, 2),
        "articles_per_second": round(len(articles) / seconds),
        "tokens_per_second": round(tokens / seconds),
    }


def stage_tags(sentences, model, lexicon) -> list[list[str]]:
    """Tags that the article stages give ANERcorp sentences (one article, a sentence per line)."""
    from datetime import date

    from marsad.article import Article, Sentence, Token
    from marsad.nlp.actors import link_actors
    from marsad.nlp.ner import recognize_entities

    text, tokens, bounds = "", [], []
    for sentence in sentences:
        start = len(text)
        for word in sentence:
            tokens.append(Token(len(text), len(text) + len(word), len(text), len(text) + len(word)))
            text += word + " "
        bounds.append(Sentence(start, len(text)))
        text = text[:-1] + "\n"
    article = Article(
        "bench", text, "bench", published=date(2007, 1, 1), tokens=tuple(tokens), sentences=tuple(bounds)
    )
    article = recognize_entities(article, model=model)
    if lexicon is not None:
        article = link_actors(article, lexicon=lexicon)
    labels = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
    flat = ["O"] * len(tokens)
    for entity in article.entities:
        if entity.type not in labels:
            continue
        inside = [i for i, t in enumerate(tokens) if t.start < entity.end and entity.start < t.end]
        for k, i in enumerate(inside):
            flat[i] = ("B-" if k == 0 else "I-") + labels[entity.type]
    out, pos = [], 0
    for sentence in sentences:
        out.append(flat[pos : pos + len(sentence)])
        pos += len(sentence)
    return out


def actor_figures(model) -> dict[str, object]:
    """The rule and lexicon layers: variant-spelling accuracy and their effect on ANERcorp dev."""
    from marsad.nlp.actors import default_lexicon_path, load_actor_lexicon
    from marsad.nlp.ner import evaluate, read_conll

    lexicon = load_actor_lexicon()
    rows = [
        line.split("\t")
        for line in (default_lexicon_path().parent / "variants.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    wrong = []
    for form, actor in rows:
        found = lexicon.find(form)
        if not (len(found) == 1 and found[0].actor.id == actor and found[0].end == len(form)):
            wrong.append((form, actor, [m.actor.id for m in found]))
    dev = read_conll(shared() / "anercorp" / "dev.conll")
    gold = [s.tags for s in dev]
    words = [s.tokens for s in dev]
    figures = {
        "variants": len(rows),
        "variant_accuracy": round(100 * (1 - len(wrong) / len(rows)), 2),
        "dev_micro_f1_tagger": evaluate(gold, model.tag(words))["micro"].f1,
        "dev_micro_f1_stage_with_titles": evaluate(gold, stage_tags(words, model, None))["micro"].f1,
        "dev_micro_f1_stage_with_actors": evaluate(gold, stage_tags(words, model, lexicon))["micro"].f1,
    }
    for form, actor, got in wrong:
        print(f"variant missed: {form} -> {actor}, got {got}")
    return figures


def _timed(tag, sentences) -> float:
    """CPU seconds of one call: other work on a shared machine skews it less than wall time."""
    started = time.process_time()
    tag(sentences)
    return time.process_time() - started


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
