"""Find text the repository quotes from the training corpus or the second paper.

The corpus (``../shared/corpus``) is for training and evaluation only: no headline, dateline,
name or sentence of it may be copied into the code, the tests or the docs. This scan reads every
run of Chinese characters in the repository's tracked text files and reports each stretch of
``--length`` characters or more that also appears, character for character, in a page of the
corpus or of the second paper. Common phrases that any paper prints (slogans, place names) are
listed in ``ALLOWED``; anything else it reports is to be rewritten as made-up text of the same
shape. CI runs it when the corpus is beside the clone:

    python tools/corpus_quotes.py ../shared/corpus

Exit status 0 when nothing is found, 1 when something is, 2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
CORPUS_FILES = ("pages.jsonl.gz", "crosspaper.jsonl.gz")
# Files that are ours or not text: the seed pages and their key are the app's own bundled library.
SKIPPED = re.compile(r"^(seeds/|tests/data/seeds\.gold\.json$)|\.(crfsuite|db|png|svg|gz|ico)$")
# Stretches any Chinese paper prints, found by the scan and judged common, not quoted.
ALLOWED = frozenset(
    {
        "中国人民政治协商会议第十",
        "丰富群众精神文化生活",
        "云南省大理白族自治州",
        "会议还研究了其他事项",
        "全县蔬菜种植面积稳定在",
        "全国政协常委会工作报告和提案工作情况报告",
        "全市地区生产总值同比增长",
        "内蒙古鄂尔多斯市准格尔旗",
        "农业农村局负责人介绍",
        "农业农村部有关负责人表示",
        "创新摆在更加突出的位置",
        "因地制宜发展新质生产力",
        "在奋斗中创造美好未来",
        "坚持以人民为中心的发展思想",
        "城市治理是国家治理体系",
        "基层是社会治理的基础和重心",
        "大学公共管理学院教授",
        "大理白族自治州洱源县",
        "届全国委员会第二次会议",
        "德治相结合的城乡基层治理体系",
        "把制度优势转化为治理效能",
        "把稳就业放在突出位置",
        "持续巩固拓展脱贫攻坚成果",
        "推动经济社会高质量发展",
        "提升城市治理精细化水平",
        "日下午在人民大会堂开幕",
        "污水治理和村容村貌提升",
        "田间地头一派忙碌景象",
        "社会消费品零售总额增",
        "粤港澳大湾区高质量发展",
        "粮食和物资储备局获悉",
        "要以时不我待的紧迫感",
        "要把思想和行动统一到",
        "规模以上工业增加值增长",
        "践行绿水青山就是金山银山理念",
        "高质量发展的内在要求",
    }
)


def corpus_texts(corpus: Path) -> Iterator[str]:
    """Every page text of the corpus and of the second paper."""
    for name in CORPUS_FILES:
        with gzip.open(corpus / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                yield str(json.loads(line)["text"])


def tracked_files(repo: Path) -> list[Path]:
    """The repository's tracked files the scan reads."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=repo, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [repo / name for name in listed.split("\0") if name and not SKIPPED.search(name)]


def han_runs(path: Path, length: int) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    return [run for run in HAN_RUN.findall(text) if len(run) >= length]


def quoted_stretches(runs: set[str], corpus_pages: list[str], length: int) -> dict[str, set[str]]:
    """For each run, its longest stretches of at least ``length`` characters found in a page.

    The runs' ``length``-grams make a set that one pass over the corpus looks each of its grams up
    in; the stretches the found grams cover are then checked whole against the corpus text (cut
    from the end until they are), as two overlapping grams found need not come from one place."""
    wanted = {run[start : start + length] for run in runs for start in range(len(run) - length + 1)}
    found: set[str] = set()
    for page in corpus_pages:
        for run in HAN_RUN.findall(page):
            for start in range(len(run) - length + 1):
                gram = run[start : start + length]
                if gram in wanted:
                    found.add(gram)
    whole = "\n".join(corpus_pages)
    stretches: dict[str, set[str]] = {}
    for run in runs:
        covered = [run[start : start + length] in found for start in range(len(run) - length + 1)]
        start = 0
        while start < len(covered):
            if not covered[start]:
                start += 1
                continue
            end = start
            while end + 1 < len(covered) and covered[end + 1]:
                end += 1
            stretch = run[start : end + length]
            while len(stretch) > length and stretch not in whole:
                stretch = stretch[:-1]
            if not any(stretch in allowed for allowed in ALLOWED):  # an allowed phrase or a part of one
                stretches.setdefault(run, set()).add(stretch)
            start = end + 1
    return stretches


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="the corpus folder (pages.jsonl.gz, crosspaper.jsonl.gz)")
    parser.add_argument("--length", type=int, default=10, help="shortest stretch reported (default 10)")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    if not all((args.corpus / name).is_file() for name in CORPUS_FILES):
        print(f"corpus_quotes: no {' and '.join(CORPUS_FILES)} in {args.corpus}", file=sys.stderr)
        return 2
    runs_by_file = {path: han_runs(path, args.length) for path in tracked_files(args.repo)}
    every_run = {run for runs in runs_by_file.values() for run in runs}
    stretches = quoted_stretches(every_run, list(corpus_texts(args.corpus)), args.length)
    reported = 0
    for path, runs in runs_by_file.items():
        for stretch in sorted({s for run in runs for s in stretches.get(run, ())}):
            print(f"{path.relative_to(args.repo)}: {stretch}")
            reported += 1
    print(f"corpus_quotes: {reported} stretch(es) of {args.length}+ characters found in the corpus")
    return 1 if reported else 0


if __name__ == "__main__":
    sys.exit(main())
