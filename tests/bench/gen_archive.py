#!/usr/bin/env python3
"""Writes a synthetic Daily Papers archive for benchmarks.

One digest a day, ~15 papers and ~27 KB a day, Korean bullet text, and the
format variants of digest-format.md in rough real-world proportions (labelled
bullets, list-form authors, `Vote: -`, no vote line, videos, `+` and repeated
authors, continuation lines). The output is deterministic for a given seed.

  gen_archive.py OUT_DIR [--days 357] [--scale 1] [--seed 1]

--scale multiplies the number of days: 1 is ~10 MB, 10 ~100 MB, 100 ~1 GB.
Files are laid out as OUT_DIR/YYYY/YYYY-MM-DD.md.
"""
import argparse
import datetime
import os
import random

FIRST = ["Heng-Tze", "Quoc V.", "Pei", "Denny", "Swaroop", "Jay", "Ed H.", "Xiang",
         "Xinyun", "Jongho", "Nayoung", "Kangwook", "Samet", "Matthieu", "Neil",
         "Zalán", "Léonard", "Yufeng", "Fan", "Xinlong", "Sergei", "Sanmi", "Kai",
         "Yunhe", "Yuandong", "Amy", "Ali", "Daniel", "Peter C", "Chunhua", "Lan",
         "Jingyi", "Andrew J.", "Yuxiao", "Jie", "Ming", "Balázs", "Matthias",
         "José", "Zejun", "Joshua M.", "Wei", "Li", "Hao", "Yi", "Jun", "Min"]
LAST = ["Cheng", "Le", "Zhou", "Mishra", "Pujara", "Chi", "Ren", "Chen", "Park",
        "Lee", "Oymak", "Geist", "Zeghidour", "Borsos", "Hussenot", "Cui", "Zhang",
        "Wang", "Vassilvitskii", "Koyejo", "Han", "Tian", "Tayyebi", "Shen", "Xu",
        "Yu", "Davison", "Dong", "Tang", "Ding", "Kégl", "Nießner", "Hernández",
        "Ma", "Susskind", "Liu", "Li", "Sun", "Wu", "Zhao", "Huang", "Kim"]
TOPICS = ["Diffusion", "Language Models", "Vision Transformers", "Reinforcement Learning",
          "Speech Synthesis", "Video Generation", "Code Generation", "Mixture of Experts",
          "Retrieval-Augmented Generation", "3D Reconstruction", "Agents", "Alignment",
          "State Space Models", "Quantization", "Multimodal Reasoning"]
VERBS = ["Scaling", "Improving", "Rethinking", "Understanding", "Accelerating",
         "Aligning", "Teaching", "Evaluating", "Compressing", "Learning"]
KOREAN = ["이 논문은", "새로운 방법을 제안합니다", "대규모 언어 모델", "실험 결과",
          "기존 방법보다", "성능이 크게 향상되었습니다", "데이터셋", "벤치마크에서",
          "효율적인", "학습 과정", "추론 속도", "모델의 크기", "확산 모델", "강화 학습",
          "제로샷 정확도", "멀티모달", "인간 평가", "오픈소스로 공개됩니다"]
LABELS = ["What's New", "Technical Details", "Performance Highlights"]


def sentence(rng, words):
    parts = [rng.choice(KOREAN) for _ in range(words)]
    if rng.random() < 0.5:
        parts.insert(rng.randrange(len(parts)), rng.choice(TOPICS))
    if rng.random() < 0.15:
        parts.insert(rng.randrange(len(parts)), "**" + rng.choice(TOPICS) + "**")
    return " ".join(parts) + "."


def paper(rng, date, day_index, n, style):
    # A valid new-style id of the digest's month (years wrap within 15..99
    # at large scales); some numbers recur on later days, as re-featured
    # papers do.
    yymm = f"{15 + (date.year - 2015) % 85:02d}{date.month:02d}"
    pid = f"{yymm}.{(day_index * 37 + n) % 100000:05d}"
    title = f"{rng.choice(VERBS)} {rng.choice(TOPICS)} with {rng.choice(TOPICS)}"
    if rng.random() < 0.1:
        title += ": A `Study` of [IDK] & M$^{2}$"
    lines = [f"### [{title}](https://arxiv.org/abs/{pid})", ""]
    r = rng.random()
    if r < 0.03:
        url = f"https://cdn.example.org/v/{pid}.mp4"
        lines += [f"[Watch Video]({url})",
                  f'<div><video controls src="{url}" muted="false"></video></div>', ""]
    elif r < 0.97:
        lines += [f"![](https://cdn.example.org/thumbs/{pid}.png)", ""]
    if style["votes"]:
        votes = "-" if rng.random() < 0.05 else str(int(rng.paretovariate(1.3)) + rng.randrange(3))
        lines += [f"Vote: {votes}", ""]
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randrange(3, 14))]
    if (day_index * 31 + n) % 97 == 0:
        names.insert(rng.randrange(len(names)), "Quoc V. Le")  # the benchmark's NAME
    if rng.random() < 0.03:
        names = ["+"] + names + names[:3]
    if style["list_authors"]:
        lines += ["Authors: [" + ", ".join(repr(x) for x in names) + "]", ""]
    else:
        lines += ["Authors: " + ", ".join(names), ""]
    for b in range(rng.randrange(4, 8)):
        text = sentence(rng, rng.randrange(10, 20))
        if style["labels"]:
            label = LABELS[b % 3]
            lines.append(f"- ***{label}***: {text}" if style["stars3"] else f"- **{label}**: {text}")
        else:
            lines.append(f"- {text}")
        if rng.random() < 0.04:
            lines.append(f"  1) {sentence(rng, 6)}")
    lines.append("")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--days", type=int, default=357)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    days = max(1, int(args.days * args.scale))
    start = datetime.date(2023, 1, 1)
    total = 0
    for i in range(days):
        date = start + datetime.timedelta(days=i)
        # Generator versions: old days have no votes, later ones label bullets.
        phase = (i % 357) / 357
        style = {"votes": phase > 0.05, "labels": phase > 0.6, "stars3": phase > 0.85,
                 "list_authors": 0.3 < phase < 0.45}
        lines = [f"## Daily Papers ({date.isoformat()})", ""]
        for n in range(rng.randrange(10, 21)):
            lines += paper(rng, date, i, n, style)
        folder = os.path.join(args.out, str(date.year))
        os.makedirs(folder, exist_ok=True)
        data = "\n".join(lines).encode()
        with open(os.path.join(folder, date.isoformat() + ".md"), "wb") as f:
            f.write(data)
        total += len(data)
    print(f"{days} files, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
