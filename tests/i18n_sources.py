"""Small sources in other languages (issue 20): each has every part a fixed
word goes with (table, similarities, sections by subject, a timeline with a
day, a month, a BC date, an approximate date and a span, conclusion, sources,
questions, a blank row), so every output kind shows its words."""

from __future__ import annotations

from pathlib import Path

import yaml

# language -> (title, subjects, row labels, cell words, section heading, sentence, question)
TEXTS: dict[str, dict] = {
    "es": dict(
        title="Atenas y Esparta",
        subjects=["Atenas", "Esparta"],
        rows=["Gobierno", "Ejército", "Economía"],
        cells=[
            ["Democracia directa", "Dos reyes y un consejo"],
            ["Flota poderosa", "Infantería disciplinada"],
            ["Comercio marítimo", "Agricultura con ilotas"],
        ],
        heading="Vida cotidiana",
        sentence="Los ciudadanos debatían en la asamblea y votaban las leyes.",
        question="¿Por qué chocaron las dos ciudades?",
    ),
    "ru": dict(
        title="Ленин и Сталин",
        subjects=["Ленин", "Сталин"],
        rows=["Годы у власти", "Экономика", "Стиль"],
        cells=[
            ["С 1917 по 1924 год", "С 1924 по 1953 год"],
            ["Новая экономическая политика", "Пятилетние планы"],
            ["Теоретик и оратор", "Администратор и организатор"],
        ],
        heading="Руководство партией",
        sentence="Партия принимала решения на съездах и пленумах.",
        question="Почему Сталин отказался от нэпа?",
    ),
    "de": dict(
        title="Bismarck und Metternich",
        subjects=["Bismarck", "Metternich"],
        rows=["Amtszeit", "Außenpolitik", "Innenpolitik"],
        cells=[
            ["Reichskanzler bis 1890", "Staatskanzler bis 1848"],
            ["Bündnissysteme", "Gleichgewicht der Mächte"],
            ["Sozialversicherung", "Zensur und Polizei"],
        ],
        heading="Diplomatie",
        sentence="Beide Staatsmänner verhandelten lieber, als Kriege zu führen.",
        question="Warum scheiterte das Bündnissystem nach 1890?",
    ),
    "fr": dict(
        title="Louis XIV et Napoléon",
        subjects=["Louis XIV", "Napoléon"],
        rows=["Règne", "Armée", "Héritage"],
        cells=[
            ["Monarchie absolue", "Empire autoritaire"],
            ["Guerres de frontières", "Grande Armée"],
            ["Versailles", "Code civil"],
        ],
        heading="Gouvernement",
        sentence="Le roi gouvernait avec ses ministres et ses intendants.",
        question="Pourquoi Napoléon a-t-il perdu en 1815 ?",
    ),
    "ar": dict(
        title="بغداد وقرطبة",
        subjects=["بغداد", "قرطبة"],
        rows=["الحكم", "العلوم", "العمارة"],
        cells=[
            ["الخلافة العباسية", "الخلافة الأموية"],
            ["بيت الحكمة", "المكتبات والجامعات"],
            ["المدينة المدورة", "المسجد الجامع"],
        ],
        heading="الحياة الثقافية",
        sentence="ازدهرت الترجمة والعلوم في المدينتين.",
        question="لماذا ازدهرت العلوم في بغداد؟",
    ),
    "zh": dict(
        title="秦朝与汉朝",
        subjects=["秦朝", "汉朝"],
        rows=["政治制度", "经济", "文化"],
        cells=[["中央集权的郡县制", "郡国并行制"], ["统一度量衡", "丝绸之路贸易"], ["焚书坑儒", "独尊儒术"]],
        heading="社会生活",
        sentence="两个朝代都修建了长城和道路。",
        question="为什么秦朝很快灭亡了？",
    ),
}


def source_data(language: str) -> dict:
    """A source in ``language`` (its dates in the one language-neutral syntax)."""
    t = TEXTS[language]
    a, b = t["subjects"]
    return {
        "title": t["title"],
        "language": language,
        "subjects": [{"id": "a", "name": a}, {"id": "b", "name": b}],
        "table": [{"label": label, "values": cells} for label, cells in zip(t["rows"], t["cells"])],
        "similarities": [t["sentence"]],
        "sections": [
            {"heading": t["heading"], "body": t["sentence"], "by_subject": {"a": t["sentence"], "b": t["sentence"]}}
        ],
        "timeline": [
            {"date": "1917-11-07", "label": t["rows"][0], "subject": "a"},
            {"date": "1921-03", "label": t["rows"][1], "subject": "b"},
            {"date": "490 BC", "label": t["rows"][2], "subject": "a"},
            {"date": "c. 430 BC", "label": t["cells"][0][0], "subject": "b"},
            {"start": "1928", "end": "1932", "label": t["cells"][1][1]},
        ],
        "conclusion": t["sentence"],
        "sources": [t["title"]],
        "questions": [t["question"]],
        "worksheet": {"blank": [t["rows"][1]], "timeline": "labels", "word_bank": True},
    }


def write_source(folder: Path, language: str, **changes: object) -> Path:
    """The source for ``language`` (with ``changes`` to its top-level keys) as ``<language>.yaml``."""
    data = source_data(language if language in TEXTS else "es") | {"language": language} | changes
    path = folder / f"{language}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
