"""Scores `POST /api/v1/recommendations` on a judged profile set.
    python3 docs/eval/profiles/evaluate.py URL SET OPENINGS.jsonl…
SET is `tune` or `heldout` (the module of this folder). Prints, per profile with VERBOSE=1, the
list it got; then nDCG@10 (gain 2^grade - 1), recall@10 of every judged opening, the share of
profiles with a strong fit (grade 2) in their top 3, and whether every hit had a reason."""

import importlib
import json
import math
import os
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
url, set_name, *opening_files = sys.argv[1:]
profiles = importlib.import_module(set_name).PROFILES
language = {}
for path in opening_files:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            language[record["external_id"]] = record["original_language"]


def recommend(entry):
    request = urllib.request.Request(
        f"{url}/api/v1/recommendations?lang={entry['lang']}&per_page=10",
        data=json.dumps(entry["profile"]).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)["hits"]


def dcg(grades):
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


ndcgs, recalls, top3, reasons_ok, crossing = [], [], [], True, 0
for entry in profiles:
    judged = entry["judgments"]
    hits = recommend(entry)
    ranked = [hit["external_id"] for hit in hits]
    grades = [judged.get(external_id, 0) for external_id in ranked]
    ideal = dcg(sorted(judged.values(), reverse=True)[:10])
    ndcgs.append(dcg(grades) / ideal if ideal else 0.0)
    recalls.append(sum(1 for e in ranked if e in judged) / len(judged))
    strong = [e for e, g in judged.items() if g == 2]
    if strong:
        top3.append(any(judged.get(e) == 2 for e in ranked[:3]))
    crossing += any(language.get(e) not in (None, entry["lang"]) for e in strong)
    reasons_ok &= all(hit["reasons"] for hit in hits)
    if os.environ.get("VERBOSE"):
        print(f"{entry['id']} ({entry['lang']}) nDCG {ndcgs[-1]:.3f}")
        for hit, grade in zip(hits, grades):
            print(f"   {grade} {hit['score']:7.3f} {hit['external_id']:34} {hit['reasons'][0]['text'] if hit['reasons'] else '-'}")
n = len(profiles)
print(
    f"{set_name}: {n} profiles ({crossing} seeking openings in another language): "
    f"nDCG@10 {sum(ndcgs) / n:.3f}, recall@10 {sum(recalls) / n:.3f}, "
    f"strong fit in top 3 {sum(top3)}/{len(top3)} ({sum(top3) / max(len(top3), 1):.0%}), "
    f"every hit with a reason: {'yes' if reasons_ok else 'NO'}"
)
