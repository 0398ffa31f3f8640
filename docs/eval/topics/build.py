"""Builds the topic sets' JSON Lines (openings in the import format, judged queries) from the
compact lists in heldout.py, heldout2.py, heldout3.py, heldout4.py and tune.py. Run from the
repository root:
    python3 docs/eval/topics/build.py
Each opening is written in one language only, so that a query in another language can find it
only across languages."""
import json, pathlib, sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE))

INSTITUTIONS = {
    "kaist": ({"en": "KAIST", "fr": "KAIST", "ko": "한국과학기술원"}, "KR", "Daejeon", "kaist.ac.kr"),
    "snu": ({"en": "Seoul National University", "fr": "Université nationale de Séoul", "ko": "서울대학교"}, "KR", "Seoul", "snu.ac.kr"),
    "kriss": ({"en": "Korea Research Institute of Standards and Science", "fr": "Institut coréen de recherche en normes et en science", "ko": "한국표준과학연구원"}, "KR", "Daejeon", "kriss.re.kr"),
    "yonsei": ({"en": "Yonsei University", "fr": "Université Yonsei", "ko": "연세대학교"}, "KR", "Seoul", "yonsei.ac.kr"),
    "usherbrooke": ({"en": "Université de Sherbrooke", "fr": "Université de Sherbrooke", "ko": "셔브룩대학교"}, "CA", "Sherbrooke", "usherbrooke.ca"),
    "ulaval": ({"en": "Université Laval", "fr": "Université Laval", "ko": "라발대학교"}, "CA", "Québec", "ulaval.ca"),
    "mcgill": ({"en": "McGill University", "fr": "Université McGill", "ko": "맥길대학교"}, "CA", "Montréal", "mcgill.ca"),
    "uqam": ({"en": "Université du Québec à Montréal", "fr": "Université du Québec à Montréal", "ko": "퀘벡대학교 몬트리올캠퍼스"}, "CA", "Montréal", "uqam.ca"),
}
KINDS = ["visiting_researcher", "internship", "phd_exchange", "postdoc", "joint_project", "summer_school"]
STAGES = {"visiting_researcher": ["R3", "R4"], "internship": ["R1"], "phd_exchange": ["R1"],
          "postdoc": ["R2"], "joint_project": ["R2", "R3"], "summer_school": ["R1", "R2"]}
LEVELS = {"en": "B2", "fr": "B2", "ko": "B1"}


def opening(n, row):
    external_id, lang, institution, fields, title, description, keywords = row
    names, country, city, domain = INSTITUTIONS[institution]
    kind = KINDS[n % len(KINDS)]
    return {
        "external_id": external_id,
        "institution": {"slug": institution, "name": names, "country": country, "city": city, "domain": domain},
        "kind": kind, "career_stages": STAGES[kind], "fields": fields,
        "title": {lang: title}, "description": {lang: description}, "original_language": lang,
        "keywords": keywords, "languages_required": [{"lang": lang, "level": LEVELS[lang]}],
        "location": {"country": country, "city": city},
        "start_date": "2028-09-01", "duration_months": 3 + n % 10, "deadline": f"2028-0{1 + n % 8}-15",
        "funding": {"stipend": {"amount": 2000, "currency": "CAD" if country == "CA" else "USD", "period": "month"} if n % 3 else None,
                    "travel_covered": n % 2 == 0, "housing_covered": n % 4 == 0},
        "positions": 1 + n % 3, "apply_url": f"https://{domain}/openings/{external_id}", "contact_email": f"exchange@{domain}",
    }


def write(name, openings, queries):
    with open(HERE / f"{name}-openings.jsonl", "w", encoding="utf-8") as out:
        for n, row in enumerate(openings):
            out.write(json.dumps(opening(n, row), ensure_ascii=False) + "\n")
    ids = {row[0] for row in openings}
    with open(HERE / f"{name}-queries.jsonl", "w", encoding="utf-8") as out:
        for lang, q, judgments in queries:
            assert set(judgments) <= ids, (q, set(judgments) - ids)
            out.write(json.dumps({"lang": lang, "q": q, "judgments": judgments}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    import heldout, heldout2, heldout3, heldout4, tune
    for topic_set in (heldout, heldout2, heldout3, heldout4, tune):
        write(topic_set.__name__, topic_set.OPENINGS, topic_set.QUERIES)
