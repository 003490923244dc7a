"""`kam demo`: write a synthetic, valid portfolio repository of N key accounts.

The output is shaped like the hand-written example plans (reporting trees of
8-40 stakeholders, an account team drawn from a shared people directory, a
year of quarterly reviews, two years of revenue, tenders, proposals, actions,
commitments with reschedulings) and written in the languages of the examples
(Estonian, Finnish, Norwegian, Russian, English) with real diacritics.

Decisions, briefly:

- Deterministic: one `random.Random(seed)` drives everything, lists (never
  set or dict-key order of anything unordered) are iterated, and every date
  is placed relative to `today` (a fixed default), so the same arguments give
  byte-identical files on any machine.
- The schema line: a relative path to the tool's own `schema/` cannot work
  for a repository outside the tool's tree, and an absolute path would tie
  the files to one machine (and break byte-identical output between
  checkouts). So the demo repository gets its own copy of the installed
  schemas in `schema/`, exactly the layout of a real plans repository, and
  every YAML file starts with the same relative line as the examples
  (`../schema/plan.schema.json`). The copy is a snapshot: `kam validate`
  always uses the schemas of the installed tool.
- YAML is written by a small emitter of our own (`_Emitter`): 0.46 s for
  1,000 plans where yaml.dump with CSafeDumper takes 2.8 s (its representer
  is Python), and it writes what a person writes: flow lists of ids,
  one-line coverage entries, folded summaries, unquoted dates.
  A string is written plain only when neither a YAML 1.1 reader (editors,
  PyYAML) nor the project's YAML 1.2 loader could read it as anything but
  that string; otherwise it is double-quoted (JSON escaping is valid YAML).
- Beside accounts/: mkdocs.yml with the project's site settings and the kam
  plugin's `today` pinned to the demo's date (else "overdue" drifts with the
  clock), docs/ with the site's CSS when the tool has it, and a .gitignore
  for site/ and kam's cache. The copied files are the installed tool's, so
  byte-identical output also assumes the same version of kam.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from random import Random

from .validate import schema_path

DEFAULT_TODAY = dt.date(2026, 11, 23)
DEFAULT_SEED = 1
OUR_COMPANY = "Merevaik Telematics AS"
OUR_DOMAIN = "merevaik.example.com"


class DemoError(Exception):
    """The demo cannot be written where asked (exit status 2)."""


# =============================================================================
# The emitter
# =============================================================================

class Flow(dict):
    """A mapping written on one line: {stakeholder: kari, strength: strong}."""


class Folded(str):
    """A long text written as a folded block (>-), wrapped at about 78 columns."""


class Literal(str):
    """A text whose line breaks matter, written as a literal block (|)."""


# Everything PyYAML's YAML 1.1 resolver reads as non-text (bool, null, int,
# float incl. sexagesimal, timestamp, merge, value) plus YAML 1.2 core.
_NOT_TEXT = re.compile(r"""^(?:
    ~|null|Null|NULL|
    y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|
    [-+]?(?:0b[0-1_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)|
    [-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|
    [-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|
    [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9].*)?|
    <<|=
)$""", re.VERBOSE)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = frozenset(",[]{}:#")
_plain_cache: dict[tuple[str, bool], bool] = {}


def _can_be_plain(text: str, flow: bool) -> bool:
    cached = _plain_cache.get((text, flow))
    if cached is not None:
        return cached
    ok = (bool(text) and text == text.strip() and text.isprintable()
          and text[0] not in _INDICATORS and ": " not in text and " #" not in text
          and not text.endswith(":") and _NOT_TEXT.match(text) is None
          and not (flow and any(c in _FLOW_UNSAFE for c in text)))
    _plain_cache[(text, flow)] = ok
    return ok


def scalar(value, flow: bool = False) -> str:
    """One scalar as YAML text that every reader reads back as exactly `value`."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()  # unquoted, as a person writes a date
    if _can_be_plain(value, flow):
        return value
    return json.dumps(value, ensure_ascii=False)


def _is_scalar(value) -> bool:
    return not isinstance(value, (dict, list))


def _flow_map(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v, True)}" for k, v in mapping.items()) + "}"


def _block_text(text: str, width: int) -> list[str] | None:
    """Lines of a folded block, or None when the text cannot be folded faithfully."""
    if not text or "\n" in text or "  " in text or text != text.strip() or not text.isprintable():
        return None
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


class _Emitter:
    def __init__(self) -> None:
        self.out: list[str] = []

    def pair(self, indent: str, key: str, value) -> None:
        out = self.out
        if isinstance(value, Flow):
            out.append(f"{indent}{key}: {_flow_map(value)}")
        elif isinstance(value, dict):
            if not value:
                out.append(f"{indent}{key}: {{}}")
                return
            out.append(f"{indent}{key}:")
            inner = indent + "  "
            for k, v in value.items():
                self.pair(inner, k, v)
        elif isinstance(value, list):
            if not value:
                out.append(f"{indent}{key}: []")
            elif all(_is_scalar(v) and (not isinstance(v, str) or _can_be_plain(v, True)) for v in value) and (
                    line := f"{indent}{key}: [{', '.join(scalar(v, True) for v in value)}]") and len(line) <= 100:
                out.append(line)
            else:
                out.append(f"{indent}{key}:")
                self.sequence(indent + "  ", value)
        elif isinstance(value, Literal) and value.endswith("\n") and "\n\n" not in value \
                and not value.startswith(" "):
            out.append(f"{indent}{key}: |")
            inner = indent + "  "
            out.extend(inner + line for line in value[:-1].split("\n"))
        elif isinstance(value, Folded) and (lines := _block_text(value, max(40, 78 - len(indent)))):
            out.append(f"{indent}{key}: >-")
            inner = indent + "  "
            out.extend(inner + line for line in lines)
        else:
            out.append(f"{indent}{key}: {scalar(value)}")

    def sequence(self, indent: str, items: list) -> None:
        out = self.out
        inner = indent + "  "
        for item in items:
            if isinstance(item, Flow):
                out.append(f"{indent}- {_flow_map(item)}")
            elif isinstance(item, dict) and item:
                start = len(out)
                for k, v in item.items():
                    self.pair(inner, k, v)
                out[start] = f"{indent}- {out[start][len(inner):]}"
            elif isinstance(item, list):
                raise TypeError("nested lists are not used in plans")
            else:
                out.append(f"{indent}- {scalar(item)}")


def dump(data: dict, header: list[str] = (), blank_before: frozenset = frozenset()) -> str:
    """A YAML document: header comment lines, then the top-level keys in order."""
    emitter = _Emitter()
    emitter.out.extend(header)
    for key, value in data.items():
        if key in blank_before:
            emitter.out.append("")
        emitter.pair("", key, value)
    return "\n".join(emitter.out) + "\n"


# =============================================================================
# Names and ids
# =============================================================================

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "jo", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "h", "ts", "ch", "sh", "shch", "", "y", "", "e", "ju", "ja"]))
_LATIN_EXTRA = {"ø": "o", "æ": "ae", "å": "a", "ł": "l", "đ": "d", "ß": "ss", "œ": "oe", "ı": "i"}
_fold_cache: dict[str, str] = {}


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits of a name or title (Cyrillic transliterated)."""
    cached = _fold_cache.get(text)
    if cached is not None:
        return cached
    lower = text.lower().replace("ий ", "i ").replace("ий", "i") if not text.isascii() else text.lower()
    chars = []
    for ch in lower:
        if ch in _CYRILLIC:
            chars.append(_CYRILLIC[ch])
        elif ch in _LATIN_EXTRA:
            chars.append(_LATIN_EXTRA[ch])
        else:
            chars.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode())
    folded = "".join(chars)
    _fold_cache[text] = folded
    return folded


def slug(text: str, max_words: int = 4, max_len: int = 40) -> str:
    words = [w for w in re.split(r"[^a-z0-9]+", fold(re.sub(r"[\W_]+", " ", text))) if w][:max_words]
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_len:
            break
        out = candidate
    return out or "x"


def unique(base: str, taken: set) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def latin_name(name: str) -> str:
    """A Cyrillic name as our (English) people directory writes it: Сергей Иванов -> Sergei Ivanov."""
    if all(ord(c) < 0x400 for c in name):
        return name
    return " ".join(fold(part).replace("ju", "yu").replace("ja", "ya").capitalize() for part in name.split())


# --- the customer's people, by country: (male first, female first, (male, female) surnames)

def _same(*names: str) -> list[tuple[str, str]]:
    return [(n, n) for n in names]


NAMES = {
    "EE": (["Jüri", "Mati", "Toomas", "Andres", "Margus", "Rein", "Urmas", "Tõnu", "Priit", "Ülo", "Kalev", "Rasmus",
            "Siim", "Mart", "Indrek", "Aivar", "Jaan", "Peeter", "Märt", "Tarmo", "Raivo", "Kristjan", "Lauri", "Ott"],
           ["Kadri", "Triin", "Piret", "Mari", "Külli", "Eha", "Tiina", "Kersti", "Maarja", "Liis", "Helen", "Anu",
            "Merle", "Ülle", "Epp", "Kärt", "Pille", "Kristiina", "Signe", "Riina", "Sirje", "Ave"],
           _same("Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Lepp", "Põld",
                 "Kõiv", "Vaher", "Oja", "Raudsepp", "Luik", "Kuusk", "Karu", "Lõhmus", "Laur", "Kallas", "Jõgi",
                 "Männik", "Väli", "Tõnisson", "Õunapuu", "Järv", "Kivi", "Rätsep")),
    "FI": (["Matti", "Juha", "Timo", "Jukka", "Mikko", "Pekka", "Antti", "Jari", "Heikki", "Tuomas", "Ville", "Janne",
            "Petri", "Jyrki", "Sami", "Ari", "Kimmo", "Eero", "Lauri", "Olli", "Risto", "Väinö"],
           ["Päivi", "Anne", "Tiina", "Sari", "Minna", "Johanna", "Hanna", "Leena", "Riikka", "Satu", "Kaisa", "Elina",
            "Pirjo", "Sanna", "Marjatta", "Tuula", "Heli", "Maija", "Jaana", "Sirpa", "Aino", "Sofia"],
           _same("Mäkelä", "Virtanen", "Korhonen", "Nieminen", "Mäkinen", "Hämäläinen", "Laine", "Heikkinen",
                 "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
                 "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
                 "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lähteenmäki", "Pöyhönen")),
    "NO": (["Øystein", "Ola", "Trond", "Sindre", "Petter", "Jørgen", "Eirik", "Knut", "Håkon", "Bjørn", "Lars",
            "Magnus", "Sigurd", "Åsmund", "Geir", "Kjetil", "Espen", "Tor", "Arne", "Halvor", "Ståle", "Morten"],
           ["Kari", "Hilde", "Marte", "Astrid", "Ingrid", "Solveig", "Ragnhild", "Sigrid", "Åse", "Liv", "Tone",
            "Kristin", "Silje", "Ingvild", "Berit", "Guro", "Mette", "Randi", "Torill", "Hege", "Synnøve", "Gro"],
           _same("Ødegård", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Berg", "Haugen", "Dahl", "Solberg",
                 "Bakken", "Næss", "Østby", "Bråthen", "Lie", "Strand", "Moen", "Eriksen", "Kristiansen", "Sæther",
                 "Hagen", "Nygård", "Aasen", "Lunde", "Bjørnstad", "Holm", "Sørensen", "Fjeld", "Løvås", "Våge")),
    "RU": (["Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Игорь", "Владимир", "Николай", "Павел", "Олег",
            "Виктор", "Константин", "Юрий", "Роман", "Евгений", "Артём", "Денис", "Максим", "Илья", "Борис"],
           ["Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Светлана", "Анна", "Екатерина", "Юлия",
            "Людмила", "Галина", "Марина", "Вера", "Ксения", "Дарья", "Алина", "Анастасия"],
           [(m, m + "а") for m in ("Иванов", "Петров", "Соколов", "Кузнецов", "Волков", "Павлов", "Смирнов", "Попов",
                                   "Васильев", "Морозов", "Новиков", "Фёдоров", "Лебедев", "Козлов", "Егоров",
                                   "Орлов", "Никитин", "Зайцев", "Белов", "Григорьев", "Семёнов", "Жуков",
                                   "Комаров", "Тихонов")]),
    "LV": (["Andris", "Jānis", "Māris", "Ivars", "Guntis", "Edgars", "Aivars", "Kārlis", "Raimonds", "Uldis",
            "Artūrs", "Valdis", "Roberts", "Oskars", "Gatis", "Krišjānis"],
           ["Ilze", "Inese", "Līga", "Dace", "Kristīne", "Zane", "Laura", "Anita", "Sandra", "Ieva", "Baiba", "Agnese",
            "Inga", "Evita", "Māra", "Sanita"],
           [("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozols", "Ozola"), ("Jansons", "Jansone"),
            ("Liepiņš", "Liepiņa"), ("Krūmiņš", "Krūmiņa"), ("Balodis", "Balode"), ("Zariņš", "Zariņa"),
            ("Kļaviņš", "Kļaviņa"), ("Pētersons", "Pētersone"), ("Vītols", "Vītola"), ("Eglītis", "Eglīte"),
            ("Lācis", "Lāce"), ("Siliņš", "Siliņa"), ("Grīnbergs", "Grīnberga"), ("Kārkliņš", "Kārkliņa"),
            ("Zvirbulis", "Zvirbule")]),
    "LT": (["Tomas", "Mantas", "Darius", "Andrius", "Mindaugas", "Vytautas", "Paulius", "Rimantas", "Gintaras",
            "Saulius", "Marius", "Žilvinas", "Arūnas", "Kęstutis"],
           ["Rūta", "Jurgita", "Lina", "Inga", "Asta", "Rasa", "Eglė", "Aušra", "Giedrė", "Vaida", "Kristina",
            "Jūratė", "Dalia", "Gintarė"],
           [("Kazlauskas", "Kazlauskienė"), ("Jankauskas", "Jankauskienė"), ("Petrauskas", "Petrauskienė"),
            ("Stankevičius", "Stankevičienė"), ("Vasiliauskas", "Vasiliauskienė"), ("Žukauskas", "Žukauskienė"),
            ("Butkus", "Butkienė"), ("Paulauskas", "Paulauskienė"), ("Urbonas", "Urbonienė"),
            ("Kavaliauskas", "Kavaliauskienė"), ("Mickus", "Mickienė"), ("Navickas", "Navickienė")]),
    "PL": (["Piotr", "Tomasz", "Michał", "Krzysztof", "Paweł", "Marcin", "Łukasz", "Grzegorz", "Jakub", "Wojciech",
            "Mateusz", "Andrzej", "Rafał", "Sławomir", "Bartłomiej", "Jarosław"],
           ["Katarzyna", "Magdalena", "Anna", "Agnieszka", "Ewa", "Małgorzata", "Joanna", "Monika", "Aleksandra",
            "Barbara", "Dorota", "Justyna", "Beata", "Żaneta", "Urszula", "Elżbieta"],
           _same("Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Zając", "Król", "Wieczorek")
           + [(m, m[:-1] + "a") for m in ("Kowalski", "Wiśniewski", "Kamiński", "Lewandowski", "Zieliński",
                                          "Szymański", "Dąbrowski", "Kozłowski", "Jankowski", "Grabowski",
                                          "Pawłowski")]),
}


def person_name(rng: Random, pool: str) -> str:
    male, female, surnames = NAMES[pool]
    pair = rng.choice(surnames)
    if rng.random() < 0.5:
        return f"{rng.choice(male)} {pair[0]}"
    return f"{rng.choice(female)} {pair[1]}"


def person_id(name: str, taken: set) -> str:
    first, _, last = name.partition(" ")
    base = slug(fold(first)[:1] + fold(last), 1, 30)
    if base in taken:
        base = slug(fold(first)[:2] + fold(last), 1, 30)
    return unique(base, taken)


# =============================================================================
# Content in the plans' languages
# =============================================================================

UNIT_KEYS = ("finance", "logistics", "it", "purchasing", "production", "quality", "sales", "hr")

# What each unit's people want from a proposal (the Norwegian article: argue per reader).
PACKS: dict[str, dict] = {}

PACKS["et"] = dict(
    ceo=["Juhatuse esimees", "Tegevjuht"],
    mgmt_unit="Juhatus",
    units={
        "finance": ("Finants", "Finantsdirektor", ["Pearaamatupidaja", "Kontroller"], ["Raamatupidamise meeskonnajuht"],
                    ["Raamatupidaja", "Finantsanalüütik", "Arvete spetsialist"]),
        "logistics": ("Logistika", "Logistikadirektor", ["Transpordijuht", "Laojuht", "Autopargi juht"],
                      ["Vanemdispetšer", "Vahetuse juht"],
                      ["Dispetšer", "Logistik", "Laospetsialist", "Autojuhtide koolitaja"]),
        "it": ("IT", "IT-direktor", ["IT-arendusjuht", "Infoturbejuht"], ["Arendusmeeskonna juht"],
               ["Süsteemiadministraator", "Integratsiooniarendaja", "Andmeanalüütik"]),
        "purchasing": ("Hanked", "Hankedirektor", ["Hankejuht", "Ostujuht"], ["Ostumeeskonna juht"],
                       ["Hankespetsialist", "Ostuspetsialist", "Lepingujurist"]),
        "production": ("Tootmine", "Tootmisdirektor", ["Tehase juht", "Hooldusjuht"], ["Vahetuse meister"],
                       ["Hooldusinsener", "Tehnoloog", "Elektrik"]),
        "quality": ("Kvaliteet", "Kvaliteedidirektor", ["Kvaliteedijuht", "Toiduohutuse juht"],
                    ["Auditite koordinaator"], ["Kvaliteedispetsialist", "Laborant"]),
        "sales": ("Müük", "Müügidirektor", ["Kliendisuhete juht", "Võtmeklientide juht"],
                  ["Klienditeeninduse meeskonnajuht"], ["Klienditeenindaja", "Müügianalüütik"]),
        "hr": ("Personal", "Personalidirektor", ["Personalijuht"], ["Koolitusjuht"],
               ["Personalispetsialist", "Koolitusspetsialist"]),
    },
    priorities={
        "mgmt": ["Eksklusiivsed tingimused ja staatus, mõju kliendi mainele", "Kasvustrateegia ja riskid",
                 "Pikaajaline partnerlus, juhtkondade kohtumised"],
        "finance": ["Numbrid – kogukulu, tasuvusaeg, rahavoog", "Hinnastamise läbipaistvus ja maksetingimused"],
        "it": ["Tehnilised detailid – API, andmete omandiõigus, infoturve", "Vähem süsteeme, lihtsad liidesed"],
        "logistics": ["Tarnetäpsus ja autojuhtide rahulolu", "Vähem käsitööd dispetšeritele"],
        "purchasing": ["Võrreldavad pakkumised, lepingutingimused", "Teine pakkumine igale suuremale ostule"],
        "production": ["Seisakute vähendamine, hoolduse planeerimine"],
        "quality": ["Auditeeritavad temperatuuriraportid", "Toiduohutuse nõuded"],
        "sales": ["Klientide rahulolu, tarneinfo klientidele"],
        "hr": ["Inimesed ja referentsid, koolitus", "Töötajate privaatsus"],
    },
    segments=["Logistika ja kaubavedu", "Toiduainetööstus ja jaotus", "Sadamad ja terminalid",
              "Ehitus ja ehitusmaterjalid", "Energeetika ja võrguettevõtted", "Hulgikaubandus",
              "Metsatööstus ja puiduvedu", "Jäätmekäitlus", "Külmlogistika"],
    company_roots=["Läänemere", "Peipsi", "Saaremaa", "Virumaa", "Emajõe", "Pärnu", "Kalevi", "Harju", "Võru",
                   "Hiiumaa", "Toompea", "Pandivere", "Muhu", "Kõrve", "Põhjaranniku", "Lõuna", "Alutaguse",
                   "Soomaa", "Rakvere", "Viljandi"],
    company_kinds=["Logistika", "Transport", "Sadamad", "Piimatööstus", "Külmhoone", "Ehitus", "Energia",
                   "Kaubandus", "Metsatööstus", "Veod", "Toiduained", "Lihatööstus", "Jäätmekäitlus",
                   "Ehitusmaterjalid"],
    company_forms=["{root} {kind} AS", "{root} {kind} AS", "{root} {kind} OÜ"],
    header=["{company} – võtmekliendi plaan. Summad: {currency}.",
            "Kliendihaldur: {kam}. Plaan vaadatakse üle kord kvartalis."],
    who=["{company} – peakontor {city}, autopargis {n} sõidukit ja {m} ladu.",
         "Pereettevõttena alustanud {company} on oma valdkonna suuremaid tegijaid: {n} sõidukit, laod {city} ja {city2}.",
         "{company} kuulub rahvusvahelisse kontserni; Eesti üksusel on {n} sõidukit ja {m} terminali."],
    buys="Ostab meilt: {owned}.",
    prospect="Praegu meilt ei osta; kasutab {competitor} lahendust.",
    why="Võtmeklient, sest: {why}.",
    why_none="Arenduskliendina jälgime kasvu ja uusi vajadusi.",
    criteria={"known_brand": "tuntud kaubamärk", "large_potential": "suur müügipotentsiaal",
              "new_segment": "avab meile uue segmendi", "media_active": "meedias aktiivne ja ambitsioonikate projektidega",
              "unhappy_with_competitor": "rahulolematu praeguse tarnijaga",
              "management_list": "on meie juhatuse nimekirjas"},
    and_="ja",
    experience=["Logistikadirektor näeb hommikul ühest vaatest, et kõik veod on teel ja õigel temperatuuril; probleemidest kuuleb ta meilt enne, kui klient helistab.",
                "Dispetšerid ei pea enam helistama autojuhtidele – info liigub ise ja kliendid saavad tarneaja teada automaatselt.",
                "Kliendi juhtkond usub, et me peame lubadusi ja räägime probleemidest ausalt ja varakult.",
                "Finantsdirektor saab kord kuus selge ülevaate säästudest ja meie arved klapivad tellimustega."],
    history={"start": "pilootprojekt {n} sõidukiga, algatajaks {person}.",
             "full": "kogu autopark ({n} sõidukit) meie platvormil.",
             "product": "lisandus {product}.",
             "complaint": "kaebus valehäirete kohta; lahendati tarkvarauuendusega kahe nädalaga.",
             "people": "uus {title} {person} – suhe tuli uuesti üles ehitada.",
             "price": "{competitor} pakkus madalamat hinda; hoidsime kliendi teenustaseme abil.",
             "tender": "võitsime hanke: {product}.",
             "first": "esimene kohtumine logistikamessil; demo logistikadirektorile.",
             "pilot_offer": "pakkusime tasuta piloti; otsus lükkus järgmisse aastasse."},
    watch={"ownership": ["Ettevõtte ostis Skandinaavia kontsern; suuremad eelarved kinnitatakse edaspidi emaettevõttes.",
                         "Omanikud otsivad ostjat – võimalik, et tarnijad vahetatakse kontserni omade vastu."],
           "market_position": ["Avati uus logistikakeskus; autopark kasvab järgmisel aastal ligi kolmandiku võrra.",
                               "Kaotasid suurima jaeketi lepingu; kulude kärpimine kõigis osakondades."],
           "behaviour": ["Hankeosakond küsib nüüd igale üle 50 000 € ostule teise pakkumise.",
                         "Kõik IT-lepingud vaadatakse üle uue infoturbepoliitika järgi."],
           "management": ["Uus IT-direktor tahab oma andmeplatvormi; risk, et telemaatikaandmed viiakse ümber.",
                          "Tegevjuht vahetus; uus juht tuleb konkurendi juurest."]},
    revenue_goal="Käive kliendilt vähemalt {amount} aastal {year}", revenue_metric="Käive ({currency})",
    goals={"product": ("{product} kogu autopargis", "Sõidukeid, millel on {product}"),
           "contacts": ("Teine kontakt igale otsustajale", "Kaetud otsustajaid"),
           "reference": ("Klient on nõus olema meie avalik referents", "Avaldatud juhtumiuuring", "avaldatud"),
           "share": ("Meie osakaal kliendi telemaatikakuludest vähemalt {pct} %", "Osakaal (%)"),
           "nps": ("Kliendirahulolu (NPS) vähemalt {n}", "NPS")},
    goal_ids={"revenue": "kaive", "contacts": "kontaktid", "reference": "referents", "share": "osakaal", "nps": "nps"},
    buying_summary=["Vajaduse omanik on logistikadirektor; üle {limit} ostud kinnitab juhatus finantsdirektori ettepanekul. IT-l on vetoõigus liidestele.",
                    "Ostud käivad hankeosakonna kaudu: vähemalt kaks pakkumist, tehniline hindamine IT-s ja lõplik otsus juhatuses.",
                    "Väiksemad ostud otsustab osakonnajuht ise; suuremad (üle {limit}) lähevad hankesse."],
    steps=[("Vajadus ja piloot", "2–3 kuud"), ("Tehniline hindamine", "3–6 nädalat"),
           ("Hange ja läbirääkimised", "1–2 kuud"), ("Kinnitamine juhatuses", "2 nädalat"),
           ("Lepingu allkirjastamine", "1–2 nädalat")],
    step_notes=["Pudelikael alates eelmisest aastast.", "Hankeosakond nõuab teist pakkumist.",
                "Juhatus koguneb kord kuus."],
    tender=["Telemaatikahange {year}: {product}", "Raamleping: autopargi jälgimine ja aruandlus {year}–{year2}",
            "Külmaahela seire hange uuele logistikakeskusele"],
    tender_notes=["Ettevalmistus algab üheksa kuud enne: referentsid, tehniline lahendus, hind.",
                  "Hankedokumendid avaldatakse riigihangete registris.",
                  "Konkurent on praegune tarnija; hindamises on hind 60 %."],
    proposal=["{product}: laiendus {n} sõidukile", "{product} piloot {city}", "Lepingu pikendamine {year}–{year2}",
              "{product} ja {product2} paketipakkumine"],
    next_step=["Hankejuht võrdleb konkurendi pakkumisega", "Finantsdirektor arvutab tasuvusaja",
               "IT vaatab üle andmekaitse lisa", "Otsus juhatuse koosolekul"],
    urgent=["Käivitus enne talvehooaega", "Hind kinni enne eelarve kinnitamist", "Andmekaitse kokkulepe"],
    notes=["Võttis meid 2021. aastal sisse; meil on temaga ainult üks kontakt – haavatav.",
           "Räägib meile, mida juhatuses arutatakse.", "Peatas liidestuse mais; tahab toorandmeid oma andmelattu.",
           "Uus ametis; suhe alles tekib.", "Eelistab kohtumisi hommikul ja lühikesi kokkuvõtteid."],
    hobbies=["Murdmaasuusatamine", "Purjetamine", "Jahindus", "Korvpall", "Aiandus", "Kalapüük", "Jooksmine",
             "Koorilaul"],
    family=["Abielus, kolm last", "Kaks last, poeg õpib Tartus", "Vallaline", "Abielus, lapselaps sündis suvel"],
    values=["Ausus; hindab, kui probleemidest räägitakse varakult", "Täpsus ja kokkulepetest kinnipidamine",
            "Lihtsus – ei taha mitut süsteemi", "Kohalik ettevõtlus ja kogukond"],
    months=["jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september", "oktoober",
            "november", "detsember"],
    birthday="{d}. {month}",
    responsibilities={
        "account_manager": ["Kliendiplaan, hinnad ja lepingud", "Otsustajate kaart ja kvartaliülevaated",
                            "Uute toodete müük"],
        "executive_sponsor": ["Juhtkondade kohtumine kaks korda aastas", "Eskalatsioonid"],
        "management": ["Tootearenduse sisend kliendilt"],
        "sales": ["Lisamüük ja pakkumised", "Hangete ettevalmistus"],
        "specialist": ["Lahenduse arhitektuur ja liidestused", "Piloodid ja juurutused", "Andmeanalüüs"],
        "technical_support": ["Tehniline tugi ja tõrked", "Andurite paigaldus"],
        "service": ["Teenindus, kaebused ja koolitused", "Autojuhtide ja dispetšerite koolitus"],
    },
    actions=["Saata hankeosakonnale {product} hinnapakkumine", "Korraldada {product} demo logistikaosakonnale",
             "Koguda kaks referentsi sarnastelt klientidelt", "Valmistada ette kvartaliülevaade kliendi juhtkonnale",
             "Töötuba IT-ga andmeekspordi ja API teemal", "Uuendada otsustajate kaarti pärast ümberkorraldusi",
             "Helistada finantsdirektorile pakkumise järelkontrolliks", "Koolitus autojuhtidele uue rakenduse kasutamiseks",
             "Kutsuda tegevjuht meie kontorisse", "Analüüsida kütusekulu andmeid ja esitada säästuettepanek",
             "Leppida kokku lepingu pikendamise ajakava", "Kohtumine uue kvaliteedijuhiga"],
    tender_action="Hanke ettevalmistus: tehniline lahendus, referentsid ja hind",
    action_notes=["Kokkulepet ei saavutatud; järgmine kohtumine detsembris.", "Klient palus materjali eesti keeles.",
                  "Koos meie CEO-ga."],
    promises=["Temperatuuriraport kõigi külmikautode kohta", "Parandatud arveldusaruanne",
              "Tarkvarauuendus valehäirete vähendamiseks", "Pakkumine: {product} laiendus",
              "Koolituskava uutele dispetšeritele", "API dokumentatsioon IT-osakonnale", "Kvartali säästuanalüüs",
              "Andurite vahetus {city} terminalis"],
    reasons=["Tarnija hilines anduritega", "Ootasime kliendilt andmeid", "Arendusmeeskond oli hõivatud teise juurutusega",
             "Kliendi infoturbeaudit nõudis lisakontrolli", "Haigestumine meeskonnas", "Pühadeaegne tarneaeg pikenes"],
    review_summaries=["Kvartal läks plaanipäraselt; {product} piloot algas.", "Käive alla plaani, kuna klient lükkas investeeringud edasi.",
                      "Uus IT-direktor küsib kõiki SaaS-lepinguid üle.", "Pakkumine saadetud; otsus oodata järgmises kvartalis.",
                      "Hea kvartal: kaebusi ei olnud, autopark kasvas.", "Konkurent pakkus madalamat hinda; hoidsime hinna."],
    corrections=["Teine kontakt finantsdirektorile (meie CEO)", "Töötuba IT-ga järgmisel kuul",
                 "Pakkumine {product} kohta enne kvartali lõppu", "Igakuine kõne logistikadirektoriga",
                 "Koolitus dispetšeritele uuesti", "Kaebuste käsitlus 24 tunni jooksul"],
    result_notes=["Investeeringud lükati edasi", "IT kinnitus puudub", "Piloot läks hästi", "Uus kontakt leitud"],
    product_notes=["Ramp on hommikuti pudelikael.", "Aitab vähendada tühisõite.", "Klient uurib ise turgu.",
                   "Konkurendi leping lõpeb järgmisel aastal."],
    competitor_notes=["Odavam, kuid aeglane tugi.", "Tugev IT-osakonnas; pikk leping.", "Kohalik tarnija, head suhted juhatusega.",
                      "Pakub tasuta riistvara kolmeaastase lepinguga."],
    own_it="Kliendi IT-osakond (oma platvorm)",
    unit_names=["{city} terminal", "{city} ladu", "E-kaubanduse jaotuskeskus", "Külmladu", "Veoüksus"],
    money=(",", "mln"),
)

PACKS["fi"] = dict(
    ceo=["Toimitusjohtaja"],
    mgmt_unit="Johto",
    units={
        "finance": ("Talous", "Talousjohtaja", ["Controller", "Pääkirjanpitäjä"], ["Laskentatiimin esihenkilö"],
                    ["Kirjanpitäjä", "Talousanalyytikko", "Laskutusasiantuntija"]),
        "logistics": ("Logistiikka", "Logistiikkajohtaja", ["Kuljetuspäällikkö", "Varastopäällikkö", "Kalustopäällikkö"],
                      ["Vuoroesimies", "Ajojärjestelijöiden esihenkilö"],
                      ["Ajojärjestelijä", "Logistiikka-asiantuntija", "Varastotyöntekijä", "Kuljettajakouluttaja"]),
        "it": ("ICT", "Tietohallintojohtaja", ["Kehityspäällikkö", "Tietoturvapäällikkö"], ["Kehitystiimin vetäjä"],
               ["Järjestelmäasiantuntija", "Integraatiokehittäjä", "Data-analyytikko"]),
        "purchasing": ("Hankinta", "Hankintajohtaja", ["Hankintapäällikkö", "Ostopäällikkö"], ["Ostotiimin vetäjä"],
                       ["Hankinta-asiantuntija", "Ostaja", "Sopimusjuristi"]),
        "production": ("Tuotanto", "Tuotantojohtaja", ["Tehtaanjohtaja", "Kunnossapitopäällikkö"], ["Vuoromestari"],
                       ["Kunnossapitoinsinööri", "Prosessiasiantuntija", "Sähköasentaja"]),
        "quality": ("Laatu", "Laatujohtaja", ["Laatupäällikkö", "Elintarviketurvallisuuspäällikkö"],
                    ["Auditointikoordinaattori"], ["Laatuasiantuntija", "Laboratoriohoitaja"]),
        "sales": ("Myynti", "Myyntijohtaja", ["Asiakkuuspäällikkö", "Avainasiakaspäällikkö"],
                  ["Asiakaspalvelun esihenkilö"], ["Asiakaspalvelusihteeri", "Myyntianalyytikko"]),
        "hr": ("Henkilöstö", "Henkilöstöjohtaja", ["HR-päällikkö"], ["Koulutuspäällikkö"],
               ["HR-asiantuntija", "Koulutussuunnittelija"]),
    },
    priorities={
        "mgmt": ["Yksinoikeudet ja asema, maine", "Kasvustrategia ja riskit", "Pitkä kumppanuus, johdon tapaamiset"],
        "finance": ["Luvut – kokonaiskustannus, takaisinmaksuaika", "Hinnoittelun läpinäkyvyys, maksuehdot"],
        "it": ["Tekniset yksityiskohdat – rajapinnat, datan omistajuus, tietoturva", "Vähemmän järjestelmiä"],
        "logistics": ["Toimitusvarmuus ja kuljettajien tyytyväisyys", "Vähemmän käsityötä ajojärjestelyssä"],
        "purchasing": ["Vertailukelpoiset tarjoukset, sopimusehdot", "Kilpailutus kaikista isoista hankinnoista"],
        "production": ["Seisokkien vähentäminen, kunnossapidon suunnittelu"],
        "quality": ["Auditoitavat lämpötilaraportit", "Elintarviketurvallisuus"],
        "sales": ["Asiakastyytyväisyys, toimitustieto asiakkaille"],
        "hr": ["Ihmiset ja referenssit, koulutus", "Työntekijöiden yksityisyys"],
    },
    segments=["Kylmälogistiikka", "Elintarviketeollisuus ja jakelu", "Satamat ja terminaalit", "Rakentaminen",
              "Energia ja verkkoyhtiöt", "Tukkukauppa", "Metsäteollisuus ja puunkuljetus", "Jätehuolto",
              "Kuljetus ja huolinta"],
    company_roots=["Pohjolan", "Saimaan", "Lapin", "Karjalan", "Hämeen", "Pirkanmaan", "Kymen", "Savon",
                   "Pohjanmaan", "Uudenmaan", "Kainuun", "Satakunnan", "Päijänteen", "Oulun", "Vaasan", "Tampereen",
                   "Turun", "Järvi-Suomen"],
    company_kinds=["Kylmälogistiikka", "Kuljetus", "Maitotalous", "Tukku", "Rakennus", "Energia", "Satamat",
                   "Jätehuolto", "Metsä", "Elintarvike", "Lihatalous", "Huolinta"],
    company_forms=["{root} {kind} Oy", "{root} {kind} Oy", "{root} {kind} Oyj"],
    header=["{company} – avainasiakassuunnitelma. Summat: {currency}.",
            "Asiakasvastaava: {kam}. Suunnitelma katselmoidaan neljännesvuosittain."],
    who=["{company} – pääkonttori {city}, kalustossa {n} ajoneuvoa ja {m} varastoa.",
         "Perheyrityksenä aloittanut {company} on alansa suurimpia: {n} ajoneuvoa, varastot {city} ja {city2}.",
         "{company} kuuluu kansainväliseen konserniin; Suomen yksiköllä on {n} ajoneuvoa ja {m} terminaalia."],
    buys="Ostaa meiltä: {owned}.",
    prospect="Ei vielä asiakas; käyttää toimittajan {competitor} ratkaisua.",
    why="Avainasiakas, koska: {why}.",
    why_none="Kehitysasiakkaana seuraamme kasvua ja uusia tarpeita.",
    criteria={"known_brand": "tunnettu brändi", "large_potential": "suuri myyntipotentiaali",
              "new_segment": "avaa meille uuden segmentin", "media_active": "näkyvä mediassa ja kunnianhimoisia hankkeita",
              "unhappy_with_competitor": "tyytymätön nykyiseen toimittajaan",
              "management_list": "johtoryhmämme listalla"},
    and_="ja",
    experience=["Logistiikkajohtaja näkee aamulla yhdestä näkymästä, että kaikki kuormat ovat matkalla oikeassa lämpötilassa; ongelmista hän kuulee meiltä ennen kuin asiakas soittaa.",
                "Ajojärjestelijöiden ei tarvitse soittaa kuljettajille – tieto kulkee itsestään ja asiakkaat saavat toimitusajan automaattisesti.",
                "Asiakkaan johto luottaa siihen, että pidämme lupauksemme ja kerromme ongelmista ajoissa.",
                "Talousjohtaja saa kerran kuussa selkeän raportin säästöistä, ja laskumme täsmäävät tilauksiin."],
    history={"start": "pilotti {n} ajoneuvolla, aloitteentekijänä {person}.",
             "full": "koko kalusto ({n} ajoneuvoa) alustallamme.",
             "product": "käyttöön {product}.",
             "complaint": "reklamaatio vääristä hälytyksistä; korjattiin ohjelmistopäivityksellä kahdessa viikossa.",
             "people": "uusi {title} {person} – suhde rakennettiin uudelleen.",
             "price": "{competitor} tarjosi halvemmalla; pidimme asiakkaan palvelutasolla.",
             "tender": "voitimme kilpailutuksen: {product}.",
             "first": "ensimmäinen tapaaminen logistiikkamessuilla; demo logistiikkajohtajalle.",
             "pilot_offer": "tarjosimme maksuttoman pilotin; päätös siirtyi seuraavaan vuoteen."},
    watch={"ownership": ["Yhtiön osti ruotsalainen konserni; isot budjetit hyväksytään jatkossa emoyhtiössä.",
                         "Omistajat etsivät ostajaa – toimittajat voidaan vaihtaa konsernin omiin."],
           "market_position": ["Uusi logistiikkakeskus avattiin; kalusto kasvaa ensi vuonna kolmanneksella.",
                               "Menettivät suurimman kauppaketjusopimuksensa; kustannussäästöjä kaikkialla."],
           "behaviour": ["Hankinta pyytää nyt toisen tarjouksen kaikista yli 50 000 € hankinnoista.",
                         "Kaikki IT-sopimukset käydään läpi uuden tietoturvapolitiikan mukaan."],
           "management": ["Uusi tietohallintojohtaja haluaa oman dataplatformin; riski telematiikkadatan siirrosta.",
                          "Toimitusjohtaja vaihtui; uusi tulee kilpailijalta."]},
    revenue_goal="Liikevaihto asiakkaalta vähintään {amount} vuonna {year}", revenue_metric="Liikevaihto ({currency})",
    goals={"product": ("{product} koko kalustossa", "Ajoneuvoja, joissa {product}"),
           "contacts": ("Toinen yhteyshenkilö jokaiselle päättäjälle", "Katetut päättäjät"),
           "reference": ("Asiakas suostuu julkiseksi referenssiksi", "Julkaistu asiakastarina", "julkaistu"),
           "share": ("Osuutemme asiakkaan telematiikkakuluista vähintään {pct} %", "Osuus (%)"),
           "nps": ("Asiakastyytyväisyys (NPS) vähintään {n}", "NPS")},
    goal_ids={"revenue": "liikevaihto", "contacts": "kontaktit", "reference": "referenssi", "share": "osuus",
              "nps": "nps"},
    buying_summary=["Tarpeen omistaa logistiikkajohtaja; yli {limit} hankinnat hyväksyy toimitusjohtaja talousjohtajan esityksestä. ICT:llä on veto-oikeus integraatioihin.",
                    "Hankinnat kulkevat hankintayksikön kautta: vähintään kaksi tarjousta, tekninen arviointi ICT:ssä ja päätös johtoryhmässä.",
                    "Pienet hankinnat päättää yksikön päällikkö; isot (yli {limit}) kilpailutetaan."],
    steps=[("Tarve ja pilotti", "2–3 kuukautta"), ("Tekninen arviointi", "3–6 viikkoa"),
           ("Kilpailutus ja neuvottelu", "1–2 kuukautta"), ("Hyväksyntä johtoryhmässä", "2 viikkoa"),
           ("Sopimuksen allekirjoitus", "1–2 viikkoa")],
    step_notes=["Pullonkaula viime vuodesta asti.", "Hankinta vaatii toisen tarjouksen.",
                "Johtoryhmä kokoontuu kerran kuussa."],
    tender=["Telematiikkakilpailutus {year}: {product}", "Puitesopimus: kaluston seuranta ja raportointi {year}–{year2}",
            "Kylmäketjun valvonnan kilpailutus uudelle logistiikkakeskukselle"],
    tender_notes=["Valmistelu alkaa yhdeksän kuukautta ennen: referenssit, tekninen ratkaisu, hinta.",
                  "Tarjouspyyntö julkaistaan HILMA-palvelussa.",
                  "Nykyinen toimittaja on kilpailija; hinnan paino arvioinnissa 60 %."],
    proposal=["{product}: laajennus {n} ajoneuvoon", "{product}-pilotti, {city}", "Sopimuksen jatko {year}–{year2}",
              "{product} ja {product2} pakettitarjous"],
    next_step=["Hankintapäällikkö vertaa kilpailijan tarjoukseen", "Talousjohtaja laskee takaisinmaksuajan",
               "ICT käy läpi tietosuojaliitteen", "Päätös johtoryhmän kokouksessa"],
    urgent=["Käyttöönotto ennen talvikautta", "Hinta lukkoon ennen budjetin hyväksyntää", "Tietosuojasopimus"],
    notes=["Toi meidät taloon 2021; meillä on hänen kanssaan vain yksi yhteys – haavoittuvaa.",
           "Kertoo meille, mitä johtoryhmässä keskustellaan.", "Pysäytti integraation toukokuussa; haluaa raakadatan omaan tietovarastoon.",
           "Uusi tehtävässään; suhde vasta muodostumassa.", "Suosii aamupalavereita ja lyhyitä yhteenvetoja."],
    hobbies=["Hiihto", "Purjehdus", "Metsästys", "Salibandy", "Puutarhanhoito", "Kalastus", "Juoksu", "Kuorolaulu"],
    family=["Naimisissa, kolme lasta", "Kaksi lasta, poika opiskelee Oulussa", "Sinkku",
            "Naimisissa, ensimmäinen lapsenlapsi syntyi kesällä"],
    values=["Rehellisyys; arvostaa, että ongelmista kerrotaan ajoissa", "Täsmällisyys ja sovitussa pysyminen",
            "Yksinkertaisuus – ei halua montaa järjestelmää", "Paikallisuus ja yhteisö"],
    months=["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
            "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"],
    birthday="{d}. {month}",
    responsibilities={
        "account_manager": ["Asiakassuunnitelma, hinnat ja sopimukset", "Päättäjäkartta ja neljännesvuosikatsaukset",
                            "Uusien tuotteiden myynti"],
        "executive_sponsor": ["Johdon tapaaminen kahdesti vuodessa", "Eskalaatiot"],
        "management": ["Asiakkaan palaute tuotekehitykseen"],
        "sales": ["Lisämyynti ja tarjoukset", "Kilpailutusten valmistelu"],
        "specialist": ["Ratkaisuarkkitehtuuri ja integraatiot", "Pilotit ja käyttöönotot", "Data-analyysi"],
        "technical_support": ["Tekninen tuki ja viat", "Anturiasennukset"],
        "service": ["Palvelu, reklamaatiot ja koulutus", "Kuljettajien ja ajojärjestelijöiden koulutus"],
    },
    actions=["Lähetä hankintaan {product}-tarjous", "Järjestä {product}-demo logistiikalle",
             "Kerää kaksi referenssiä vastaavilta asiakkailta", "Valmistele neljännesvuosikatsaus asiakkaan johdolle",
             "Työpaja ICT:n kanssa datan viennistä ja rajapinnasta", "Päivitä päättäjäkartta organisaatiomuutoksen jälkeen",
             "Soita talousjohtajalle tarjouksen seurannasta", "Kuljettajakoulutus uuteen sovellukseen",
             "Kutsu toimitusjohtaja vierailulle toimistollemme", "Analysoi polttoainedata ja tee säästöehdotus",
             "Sovi sopimuksen jatkoneuvottelujen aikataulu", "Tapaaminen uuden laatupäällikön kanssa"],
    tender_action="Kilpailutuksen valmistelu: tekninen ratkaisu, referenssit ja hinta",
    action_notes=["Ei yksimielisyyttä; seuraava tapaaminen joulukuussa.", "Asiakas pyysi materiaalin suomeksi.",
                  "Yhdessä toimitusjohtajamme kanssa."],
    promises=["Lämpötilaraportti kaikista kylmäautoista", "Korjattu laskutusraportti",
              "Ohjelmistopäivitys väärien hälytysten vähentämiseksi", "Tarjous: {product}-laajennus",
              "Koulutussuunnitelma uusille ajojärjestelijöille", "Rajapintadokumentaatio ICT:lle",
              "Neljännesvuoden säästöanalyysi", "Anturien vaihto {city} terminaalissa"],
    reasons=["Anturitoimitus myöhästyi", "Odotimme asiakkaalta dataa", "Kehitystiimi oli kiinni toisessa käyttöönotossa",
             "Asiakkaan tietoturva-auditointi vaati lisätarkastuksen", "Sairastuminen tiimissä",
             "Lomakauden toimitusajat pitenivät"],
    review_summaries=["Neljännes meni suunnitellusti; {product}-pilotti alkoi.", "Liikevaihto alle tavoitteen, koska asiakas lykkäsi investointeja.",
                      "Uusi tietohallintojohtaja kyseenalaistaa kaikki SaaS-sopimukset.", "Tarjous lähetetty; päätös seuraavalla neljänneksellä.",
                      "Hyvä neljännes: ei reklamaatioita, kalusto kasvoi.", "Kilpailija tarjosi halvemmalla; pidimme hinnan."],
    corrections=["Toinen yhteys talousjohtajaan (toimitusjohtajamme)", "Työpaja ICT:n kanssa ensi kuussa",
                 "{product}-tarjous ennen neljänneksen loppua", "Kuukausittainen puhelu logistiikkajohtajalle",
                 "Ajojärjestelijöiden koulutus uudelleen", "Reklamaatioihin vastaus 24 tunnissa"],
    result_notes=["Investoinnit lykättiin", "ICT:n hyväksyntä puuttuu", "Pilotti onnistui", "Uusi yhteyshenkilö löytyi"],
    product_notes=["Lastauslaiturit ovat aamuisin pullonkaula.", "Vähentää tyhjänä ajoa.", "Asiakas selvittää markkinaa itse.",
                   "Kilpailijan sopimus päättyy ensi vuonna."],
    competitor_notes=["Halvempi, mutta hidas tuki.", "Vahva ICT:ssä; pitkä sopimus.", "Paikallinen toimittaja, hyvät suhteet johtoon.",
                      "Tarjoaa laitteet ilmaiseksi kolmen vuoden sopimuksella."],
    own_it="Asiakkaan oma ICT (oma alusta)",
    unit_names=["{city} terminaali", "{city} varasto", "Verkkokaupan jakelukeskus", "Pakastevarasto", "Kuljetusyksikkö"],
    money=(",", "milj."),
)

PACKS["no"] = dict(
    ceo=["Administrerende direktør", "Daglig leder"],
    mgmt_unit="Ledelsen",
    units={
        "finance": ("Økonomi", "Økonomidirektør", ["Controller", "Regnskapssjef"], ["Teamleder regnskap"],
                    ["Regnskapsmedarbeider", "Økonomianalytiker", "Fakturaansvarlig"]),
        "logistics": ("Logistikk", "Logistikkdirektør", ["Transportleder", "Lagersjef", "Flåtesjef"],
                      ["Skiftleder", "Teamleder disponering"],
                      ["Disponent", "Logistikkmedarbeider", "Lagermedarbeider", "Sjåførinstruktør"]),
        "it": ("IT", "IT-direktør", ["IT-sjef", "Sikkerhetssjef"], ["Teamleder utvikling"],
               ["Systemansvarlig", "Integrasjonsutvikler", "Dataanalytiker"]),
        "purchasing": ("Innkjøp", "Innkjøpsdirektør", ["Innkjøpssjef", "Kategorisjef"], ["Teamleder innkjøp"],
                       ["Innkjøper", "Innkjøpsrådgiver", "Kontraktsjurist"]),
        "production": ("Produksjon", "Produksjonsdirektør", ["Fabrikksjef", "Vedlikeholdssjef"], ["Skiftformann"],
                       ["Vedlikeholdsingeniør", "Prosessingeniør", "Elektriker"]),
        "quality": ("Kvalitet", "Kvalitetsdirektør", ["Kvalitetssjef", "Mattrygghetsansvarlig"],
                    ["Revisjonskoordinator"], ["Kvalitetsrådgiver", "Laboratorietekniker"]),
        "sales": ("Salg", "Salgsdirektør", ["Kundeansvarlig", "Key account manager"], ["Teamleder kundeservice"],
                  ["Kundeservicemedarbeider", "Salgsanalytiker"]),
        "hr": ("HR", "HR-direktør", ["HR-sjef"], ["Opplæringsansvarlig"], ["HR-rådgiver", "Opplæringskoordinator"]),
    },
    priorities={
        "mgmt": ["Eksklusive vilkår og status, omdømme", "Vekststrategi og risiko", "Langsiktig partnerskap, ledermøter"],
        "finance": ["Tall – totalkostnad, nedbetalingstid, valutarisiko", "Åpen prising og betalingsvilkår"],
        "it": ["Teknisk detalj – API, dataeierskap, sikkerhet", "Færre systemer og SaaS-avtaler"],
        "logistics": ["Leveringspresisjon, sjåførtilfredshet", "Mindre manuelt arbeid for disponentene"],
        "purchasing": ["Sammenlignbare tilbud, avtalevilkår", "Alltid to tilbud på store innkjøp"],
        "production": ["Mindre nedetid, planlagt vedlikehold"],
        "quality": ["Reviderbare temperaturrapporter", "Mattrygghet"],
        "sales": ["Kundetilfredshet, leveringsinfo til butikkene"],
        "hr": ["Folk og referanser, opplæring", "Personvern – ingen overvåking av sjåførene"],
    },
    segments=["Dagligvaregrossist og distribusjon", "Havbruk og sjømat", "Havner og terminaler", "Bygg og anlegg",
              "Energi og nettselskap", "Engroshandel", "Skogindustri og tømmertransport", "Avfallshåndtering",
              "Kjølelogistikk"],
    company_roots=["Nordvik", "Fjordlaks", "Vestland", "Trøndelag", "Hålogaland", "Østfold", "Sørlandet", "Hardanger",
                   "Lofoten", "Romsdal", "Telemark", "Nordkapp", "Vesterålen", "Innlandet", "Agder", "Ryfylke", "Sogn",
                   "Bjørnefjord"],
    company_kinds=["Dagligvare", "Havbruk", "Transport", "Logistikk", "Bygg", "Energi", "Havn", "Meieri", "Avfall",
                   "Frakt", "Kjøtt", "Engros"],
    company_forms=["{root} {kind} AS"],
    header=["{company} – nøkkelkundeplan. Beløp i {currency}.",
            "Kundeansvarlig: {kam}. Kvartalsgjennomgang hver tredje måned."],
    who=["{company} – hovedkontor {city}, {n} kjøretøy og {m} lagre.",
         "Familiebedriften {company} er blant de største i bransjen: {n} kjøretøy, lagre {city} og {city2}.",
         "{company} er del av et internasjonalt konsern; den norske enheten har {n} kjøretøy og {m} terminaler."],
    buys="Kjøper fra oss: {owned}.",
    prospect="Ikke kunde ennå; bruker løsningen fra {competitor}.",
    why="Nøkkelkunde fordi: {why}.",
    why_none="Som utviklingskunde følger vi veksten og nye behov.",
    criteria={"known_brand": "kjent merkevare", "large_potential": "stort salgspotensial",
              "new_segment": "åpner et nytt segment for oss", "media_active": "synlig i media med ambisiøse prosjekter",
              "unhappy_with_competitor": "misfornøyd med dagens leverandør",
              "management_list": "står på ledelsens egen liste"},
    and_="og",
    experience=["Logistikkdirektøren ser hele flåten og hver kjølekasse i sanntid, og butikkene får beskjed før en forsinket levering kommer. Når noe svikter, ringer vi dem – ikke omvendt.",
                "Disponentene slipper å ringe sjåførene – informasjonen flyter av seg selv, og kundene får leveringstid automatisk.",
                "Kundens ledelse stoler på at vi holder det vi lover og sier fra om problemer tidlig.",
                "Økonomidirektøren får en klar månedsrapport om besparelser, og fakturaene våre stemmer med bestillingene."],
    history={"start": "pilot med {n} kjøretøy, vunnet gjennom {person}.",
             "full": "hele flåten ({n} kjøretøy) på vår plattform.",
             "product": "tok i bruk {product}.",
             "complaint": "klage på falske alarmer; løst med programvareoppdatering på to uker.",
             "people": "ny {title} {person} – relasjonen måtte bygges på nytt.",
             "price": "{competitor} tilbød lavere pris; vi beholdt kunden på servicenivå.",
             "tender": "vant anbudet: {product}.",
             "first": "første møte på logistikkmessen; demo for logistikkdirektøren.",
             "pilot_offer": "tilbød gratis pilot; beslutningen ble utsatt til neste år."},
    watch={"ownership": ["Selskapet ble kjøpt av et svensk konsern; store budsjetter godkjennes heretter i morselskapet.",
                         "Eierne leter etter kjøper – leverandører kan bli byttet ut med konsernets egne."],
           "market_position": ["Nytt logistikksenter åpnet; flåten vokser med en tredjedel neste år.",
                               "Mistet avtalen med den største kjeden; kostnadskutt overalt."],
           "behaviour": ["Innkjøp krever nå to tilbud på alt over 500 000 NOK.",
                         "Alle IT-avtaler gjennomgås etter ny sikkerhetspolicy."],
           "management": ["Ny IT-sjef vil bygge egen dataplattform – risiko for at telematikkdata hentes inn i eget system.",
                          "Ny administrerende direktør, kommer fra en konkurrent."]},
    revenue_goal="Omsetning fra kunden minst {amount} i {year}", revenue_metric="Omsetning ({currency})",
    goals={"product": ("{product} i hele flåten", "Kjøretøy med {product}"),
           "contacts": ("En kontakt til hos oss for hver beslutningstaker", "Dekkede beslutningstakere"),
           "reference": ("Kunden stiller som offentlig referanse", "Publisert kundecase", "publisert"),
           "share": ("Vår andel av kundens telematikkutgifter minst {pct} %", "Andel (%)"),
           "nps": ("Kundetilfredshet (NPS) minst {n}", "NPS")},
    goal_ids={"revenue": "omsetning", "contacts": "kontakter", "reference": "referanse", "share": "andel", "nps": "nps"},
    buying_summary=["Logistikkdirektøren eier behovet og budsjettet; kjøp over {limit} godkjennes av administrerende direktør etter innstilling fra økonomidirektøren. IT har vetorett på integrasjoner.",
                    "Kjøp går gjennom innkjøp: minst to tilbud, teknisk vurdering i IT og beslutning i ledergruppen.",
                    "Små kjøp avgjør avdelingslederen selv; store (over {limit}) går til anbud."],
    steps=[("Behov og pilot", "2–3 måneder"), ("IT-godkjenning", "4–10 uker"), ("Innkjøp og forhandling", "1–2 måneder"),
           ("Godkjenning i ledergruppen", "2 uker"), ("Kontraktsignering", "1–2 uker")],
    step_notes=["Flaskehalsen siden i fjor.", "Innkjøp krever alltid to tilbud.", "Ledergruppen møtes én gang i måneden."],
    tender=["Telematikkanbud {year}: {product}", "Rammeavtale: flåteoppfølging og rapportering {year}–{year2}",
            "Anbud på temperaturovervåking for nytt logistikksenter"],
    tender_notes=["Forberedelsene starter ni måneder før: referanser, teknisk løsning, pris.",
                  "Kunngjøres på Doffin.", "Dagens leverandør er konkurrenten; pris vektes 60 %."],
    proposal=["{product}: utvidelse til {n} kjøretøy", "{product}-pilot, {city}", "Forlengelse av avtalen {year}–{year2}",
              "Pakketilbud {product} og {product2}"],
    next_step=["Innkjøpssjefen sammenligner med konkurrentens tilbud", "Økonomidirektøren regner nedbetalingstid",
               "IT går gjennom databehandleravtalen", "Beslutning i ledermøtet"],
    urgent=["Oppstart før vintersesongen", "Pris låst før budsjettet vedtas", "Databehandleravtale"],
    notes=["Tok oss inn i 2021. Har bare én kontakt hos oss – sårbart.", "Forteller oss hva som diskuteres i ledergruppen.",
           "Stoppet integrasjonen i mai. Vil ha rådata levert til eget datavarehus.", "Ny i stillingen; relasjonen bygges.",
           "Foretrekker morgenmøter og korte sammendrag."],
    hobbies=["Langrenn", "Seiling på fjorden", "Jakt", "Fjellturer", "Hagearbeid", "Fiske", "Løping", "Korsang"],
    family=["Gift, tre barn", "To barn, sønnen studerer i Trondheim", "Singel", "Gift, første barnebarn kom i sommer"],
    values=["Ærlighet; liker at vi sier fra om problemer tidlig", "Presisjon og å holde avtaler",
            "Enkelhet – vil ikke ha mange systemer", "Lokalsamfunnet"],
    months=["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
            "desember"],
    birthday="{d}. {month}",
    responsibilities={
        "account_manager": ["Kundeplan, priser og avtaler", "Beslutningskart og kvartalsgjennomganger", "Salg av nye produkter"],
        "executive_sponsor": ["Ledermøte med kundens toppledelse to ganger i året", "Eskaleringer"],
        "management": ["Innspill fra kunden til produktutvikling"],
        "sales": ["Mersalg og tilbud", "Anbudsforberedelser"],
        "specialist": ["Løsningsarkitektur og integrasjoner", "Piloter og utrulling", "Dataanalyse"],
        "technical_support": ["Teknisk støtte og feil", "Montering av sensorer"],
        "service": ["Service, reklamasjoner og opplæring", "Opplæring av sjåfører og disponenter"],
    },
    actions=["Sende innkjøp tilbud på {product}", "Demo av {product} for logistikkavdelingen",
             "Hente to referanser fra lignende kunder", "Forberede kvartalsgjennomgang for kundens ledelse",
             "Arkitekturworkshop med IT om dataeksport", "Oppdatere beslutningskartet etter omorganiseringen",
             "Ringe økonomidirektøren om tilbudet", "Opplæring av sjåførene i den nye appen",
             "Invitere administrerende direktør til besøk hos oss", "Analysere drivstoffdata og foreslå besparelser",
             "Avtale tidsplan for reforhandling av avtalen", "Møte med ny kvalitetssjef"],
    tender_action="Anbudsforberedelse: teknisk løsning, referanser og pris",
    action_notes=["Ingen enighet; nytt møte i desember.", "Kunden ba om materiell på norsk.",
                  "Sammen med vår administrerende direktør."],
    promises=["Temperaturrapport for alle kjølebiler", "Rettet faktureringsrapport",
              "Programvareoppdatering mot falske alarmer", "Tilbud: utvidelse av {product}",
              "Opplæringsplan for nye disponenter", "API-dokumentasjon til IT", "Kvartalsvis besparelsesanalyse",
              "Bytte av sensorer på terminalen i {city}"],
    reasons=["Leverandøren var sen med sensorene", "Ventet på data fra kunden", "Utviklingsteamet var opptatt med en annen utrulling",
             "Kundens sikkerhetsrevisjon krevde ekstra kontroll", "Sykdom i teamet", "Lengre leveringstid i fellesferien"],
    review_summaries=["Kvartalet gikk som planlagt; pilot av {product} startet.", "Omsetning under plan fordi kunden utsatte investeringer.",
                      "Ny IT-sjef stiller spørsmål ved alle SaaS-avtaler.", "Tilbud sendt; beslutning ventes neste kvartal.",
                      "Godt kvartal: ingen reklamasjoner, flåten vokste.", "Konkurrenten tilbød lavere pris; vi holdt prisen."],
    corrections=["En kontakt til for økonomidirektøren (vår administrerende direktør)", "Workshop med IT neste måned",
                 "Tilbud på {product} før kvartalsslutt", "Månedlig samtale med logistikkdirektøren",
                 "Ny opplæring for disponentene", "Reklamasjoner besvares innen 24 timer"],
    result_notes=["Investeringer utsatt", "Mangler IT-godkjenning", "Piloten gikk bra", "Ny kontakt funnet"],
    product_notes=["Ramper er flaskehals morgen og kveld.", "Reduserer tomkjøring.", "Kunden undersøker markedet selv.",
                   "Konkurrentens kontrakt løper ut neste år."],
    competitor_notes=["Billigere, men treg support.", "Sterk i IT-avdelingen; lang avtale.", "Lokal leverandør med gode relasjoner til ledelsen.",
                      "Tilbyr gratis maskinvare med treårsavtale."],
    own_it="Egen IT-avdeling (intern plattform)",
    unit_names=["Terminal {city}", "Lager {city}", "Netthandel og distribusjon", "Fryselager", "Transportavdeling"],
    money=(",", "mill."),
)

PACKS["ru"] = dict(
    ceo=["Генеральный директор", "Председатель правления"],
    mgmt_unit="Правление",
    units={
        "finance": ("Финансы", "Финансовый директор", ["Главный бухгалтер", "Финансовый контролёр"],
                    ["Руководитель группы бухгалтерии"], ["Бухгалтер", "Финансовый аналитик", "Специалист по счетам"]),
        "logistics": ("Логистика", "Директор по логистике", ["Начальник автопарка", "Начальник склада",
                                                             "Руководитель транспортного отдела"],
                      ["Старший диспетчер", "Начальник смены"], ["Диспетчер", "Логист", "Кладовщик", "Инструктор водителей"]),
        "it": ("ИТ", "ИТ-директор", ["Руководитель ИТ", "Руководитель информационной безопасности"],
               ["Руководитель группы разработки"], ["Системный администратор", "Разработчик интеграций", "Аналитик данных"]),
        "purchasing": ("Закупки", "Директор по закупкам", ["Руководитель отдела закупок", "Категорийный менеджер"],
                       ["Старший менеджер по закупкам"], ["Менеджер по закупкам", "Специалист по тендерам", "Юрист по договорам"]),
        "production": ("Производство", "Директор по производству", ["Директор завода", "Главный механик"], ["Мастер смены"],
                       ["Инженер по обслуживанию", "Технолог", "Электрик"]),
        "quality": ("Качество", "Директор по качеству", ["Менеджер по качеству", "Руководитель лаборатории"],
                    ["Координатор аудитов"], ["Специалист по качеству", "Лаборант"]),
        "sales": ("Продажи", "Коммерческий директор", ["Руководитель отдела продаж", "Менеджер по ключевым клиентам"],
                  ["Руководитель клиентской службы"], ["Специалист клиентской службы", "Аналитик продаж"]),
        "hr": ("Персонал", "Директор по персоналу", ["Руководитель отдела кадров"], ["Менеджер по обучению"],
               ["Специалист по кадрам", "Специалист по обучению"]),
    },
    priorities={
        "mgmt": ["Эксклюзивные условия и статус, репутация", "Стратегия роста и риски", "Долгое партнёрство, встречи руководства"],
        "finance": ["Цифры – совокупная стоимость, окупаемость", "Прозрачные цены и условия оплаты"],
        "it": ["Технические детали – API, владение данными, безопасность", "Меньше систем, интеграция с 1С"],
        "logistics": ["Точность доставки, довольные водители", "Меньше ручной работы у диспетчеров"],
        "purchasing": ["Сравнимые предложения, условия договора", "Второе предложение на каждую крупную закупку"],
        "production": ["Меньше простоев, плановое обслуживание"],
        "quality": ["Отчёты о температуре для аудита", "Требования пищевой безопасности"],
        "sales": ["Довольные клиенты, информация о доставке для сетей"],
        "hr": ["Люди и рекомендации, обучение", "Защита персональных данных водителей"],
    },
    segments=["Пищевое производство и дистрибуция", "Транспорт и логистика", "Порты и терминалы", "Строительство",
              "Энергетика", "Оптовая торговля", "Лесная промышленность", "Вывоз отходов", "Холодовая логистика"],
    company_roots=["Балт", "Даугава", "Нарва", "Латгале", "Юрмала", "Курземе", "Видземе", "Норд", "Вента",
                   "Лиелупе", "Пярну", "Силламяэ", "Кохтла", "Рига", "Янтарь", "Ост"],
    company_kinds=["Логистик", "Транс", "Экспресс", "Агро", "Строй", "Молоко", "Энерго", "Фуд", "Терминал", "Холод",
                   "Мясо", "Лес"],
    company_forms=["{form} «{root} {kind}»"],
    header=["{company} – план работы с ключевым клиентом. Суммы в {currency}.",
            "Ответственный менеджер: {kam}. Обзор раз в квартал."],
    who=["{company} – головной офис {city}, {n} машин и {m} складов.",
         "Начинавшая как семейная фирма, {company} стала одной из крупнейших в отрасли: {n} машин, склады {city} и {city2}.",
         "{company} входит в международный холдинг; у местного подразделения {n} машин и {m} терминалов."],
    buys="Покупает у нас: {owned}.",
    prospect="Пока не клиент; использует решение {competitor}.",
    why="Ключевой клиент, потому что: {why}.",
    why_none="Клиент развития: следим за ростом и новыми потребностями.",
    criteria={"known_brand": "известный бренд", "large_potential": "большой потенциал продаж",
              "new_segment": "открывает нам новый сегмент", "media_active": "активен в СМИ, амбициозные проекты",
              "unhappy_with_competitor": "недоволен нынешним поставщиком",
              "management_list": "в списке нашего руководства"},
    and_="и",
    experience=["Директор по логистике утром видит, что вся продукция доставлена при правильной температуре, а торговые сети получают отчёты без её участия.",
                "Диспетчерам не нужно звонить водителям – информация приходит сама, а клиенты автоматически узнают время доставки.",
                "Руководство клиента уверено, что мы держим слово по срокам и заранее сообщаем о проблемах.",
                "Финансовый директор раз в месяц получает понятный отчёт об экономии, а наши счета сходятся с заказами."],
    history={"start": "пилот на {n} машинах по инициативе: {person}.",
             "full": "весь парк ({n} машин) на нашей платформе.",
             "product": "подключили {product}.",
             "complaint": "жалоба на ложные тревоги датчиков; решена заменой прошивки за две недели.",
             "people": "новый руководитель ({title}: {person}) – отношения пришлось строить заново.",
             "price": "{competitor} предложил цену ниже; клиента удержали уровнем сервиса.",
             "tender": "выиграли тендер: {product}.",
             "first": "первая встреча на выставке логистики; демонстрация директору по логистике.",
             "pilot_offer": "предложили бесплатный пилот; решение перенесено на следующий год."},
    watch={"ownership": ["Компанию купил литовский холдинг; крупные бюджеты теперь утверждает холдинг.",
                         "Владельцы ищут покупателя – поставщиков могут заменить на поставщиков покупателя."],
           "market_position": ["Открыт новый логистический центр; парк вырастет на треть в следующем году.",
                               "Потеряли контракт с крупнейшей сетью; сокращение затрат во всех отделах."],
           "behaviour": ["Отдел закупок теперь требует второе предложение на все закупки свыше 50 000 €.",
                         "Все ИТ-договоры пересматриваются по новой политике безопасности."],
           "management": ["Новый ИТ-директор хочет собственную платформу данных – риск переноса телематики.",
                          "Сменился генеральный директор; новый пришёл от конкурента."]},
    revenue_goal="Выручка от клиента не менее {amount} в {year} году", revenue_metric="Выручка ({currency})",
    goals={"product": ("{product} на всём парке", "Машин с {product}"),
           "contacts": ("Второй контакт у нас для каждого лица, принимающего решения", "Охваченные ЛПР"),
           "reference": ("Клиент согласен быть нашей публичной рекомендацией", "Опубликованный кейс", "опубликован"),
           "share": ("Наша доля в расходах клиента на телематику не менее {pct} %", "Доля (%)"),
           "nps": ("Удовлетворённость клиента (NPS) не менее {n}", "NPS")},
    goal_ids={"revenue": "vyruchka", "contacts": "kontakty", "reference": "referens", "share": "dolya", "nps": "nps"},
    buying_summary=["Потребность формирует директор по логистике; закупки свыше {limit} утверждает генеральный директор по предложению финансового директора. У ИТ право вето на интеграции.",
                    "Закупки идут через отдел закупок: минимум два предложения, техническая оценка в ИТ, решение правления.",
                    "Мелкие закупки решает руководитель отдела; крупные (свыше {limit}) – через тендер."],
    steps=[("Потребность и пилот", "1–2 месяца"), ("Техническая проверка", "2–4 недели"),
           ("Закупка и переговоры", "1–2 месяца"), ("Утверждение правлением", "2 недели"),
           ("Подписание договора", "1–2 недели")],
    step_notes=["Узкое место с прошлого года.", "Отдел закупок требует второе предложение.",
                "Правление собирается раз в месяц."],
    tender=["Тендер на телематику {year}: {product}", "Рамочный договор: мониторинг парка и отчётность {year}–{year2}",
            "Тендер на контроль температуры для нового логистического центра"],
    tender_notes=["Подготовка начинается за девять месяцев: рекомендации, техническое решение, цена.",
                  "Документация публикуется на портале закупок.", "Нынешний поставщик – конкурент; вес цены 60 %."],
    proposal=["{product}: расширение на {n} машин", "Пилот {product}, {city}", "Продление договора {year}–{year2}",
              "Пакетное предложение {product} и {product2}"],
    next_step=["Руководитель закупок сравнивает с предложением конкурента", "Финансовый директор считает окупаемость",
               "ИТ проверяет приложение о защите данных", "Решение на заседании правления"],
    urgent=["Запуск до зимнего сезона", "Зафиксировать цену до утверждения бюджета", "Соглашение о защите данных"],
    notes=["Привела нас в компанию в 2021 году; у нас с ней только один контакт – уязвимо.",
           "Рассказывает нам, что обсуждается на правлении.", "Остановил интеграцию в мае; хочет сырые данные в своё хранилище.",
           "Новый человек на должности; отношения только складываются.", "Предпочитает утренние встречи и короткие резюме."],
    hobbies=["Рыбалка", "Лыжи", "Охота", "Шахматы", "Дача", "Теннис", "Бег", "Хоровое пение"],
    family=["Трое детей", "Двое детей, сын учится в Риге", "Детей нет", "Летом родился первый внук"],
    values=["Честность; ценит, когда о проблемах говорят заранее", "Пунктуальность и верность договорённостям",
            "Простота – не хочет много систем", "Местное сообщество"],
    months=["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
            "декабря"],
    birthday="{d} {month}",
    responsibilities={
        "account_manager": ["План по клиенту, цены и договоры", "Карта ЛПР и квартальные обзоры", "Продажа новых продуктов"],
        "executive_sponsor": ["Встреча с руководством клиента дважды в год", "Эскалации"],
        "management": ["Пожелания клиента к развитию продукта"],
        "sales": ["Допродажи и предложения", "Подготовка тендеров"],
        "specialist": ["Архитектура решения и интеграции", "Пилоты и внедрение", "Анализ данных"],
        "technical_support": ["Техническая поддержка и сбои", "Установка датчиков"],
        "service": ["Сервис, рекламации и обучение", "Обучение водителей и диспетчеров"],
    },
    actions=["Отправить в отдел закупок предложение по {product}", "Провести демонстрацию {product} для логистики",
             "Собрать две рекомендации от похожих клиентов", "Подготовить квартальный обзор для руководства клиента",
             "Семинар с ИТ по выгрузке данных и API", "Обновить карту ЛПР после реорганизации",
             "Позвонить финансовому директору по предложению", "Обучение водителей новому приложению",
             "Пригласить генерального директора к нам в офис", "Проанализировать расход топлива и предложить экономию",
             "Согласовать график переговоров о продлении договора", "Встреча с новым менеджером по качеству"],
    tender_action="Подготовка к тендеру: техническое решение, рекомендации и цена",
    action_notes=["Договориться не удалось; следующая встреча в декабре.", "Клиент попросил материалы на русском.",
                  "Вместе с нашим генеральным директором."],
    promises=["Отчёт о температуре по всем рефрижераторам", "Исправленный отчёт по счетам",
              "Обновление прошивки против ложных тревог", "Предложение: расширение {product}",
              "План обучения новых диспетчеров", "Документация API для ИТ", "Квартальный анализ экономии",
              "Замена датчиков на терминале, {city}"],
    reasons=["Поставщик задержал датчики", "Ждали данные от клиента", "Команда разработки была занята другим внедрением",
             "Аудит безопасности клиента потребовал дополнительной проверки", "Болезнь в команде",
             "Праздники удлинили сроки поставки"],
    review_summaries=["Квартал прошёл по плану; начался пилот {product}.", "Выручка ниже плана: клиент отложил инвестиции.",
                      "Новый ИТ-директор пересматривает все SaaS-договоры.", "Предложение отправлено; решение ждём в следующем квартале.",
                      "Хороший квартал: рекламаций нет, парк вырос.", "Конкурент предложил цену ниже; цену удержали."],
    corrections=["Второй контакт для финансового директора (наш генеральный директор)", "Семинар с ИТ в следующем месяце",
                 "Предложение по {product} до конца квартала", "Ежемесячный звонок директору по логистике",
                 "Повторное обучение диспетчеров", "Ответ на рекламации в течение 24 часов"],
    result_notes=["Инвестиции отложены", "Нет согласия ИТ", "Пилот прошёл успешно", "Найден новый контакт"],
    product_notes=["Рампы – узкое место утром и вечером.", "Сокращает пустые пробеги.", "Клиент сам изучает рынок.",
                   "Договор конкурента заканчивается в следующем году."],
    competitor_notes=["Дешевле, но медленная поддержка.", "Силён в ИТ-отделе; долгий договор.",
                      "Местный поставщик, хорошие связи с руководством.", "Даёт оборудование бесплатно при договоре на три года."],
    own_it="Собственный ИТ-отдел клиента (своя платформа)",
    unit_names=["Терминал, {city}", "Склад, {city}", "Интернет-торговля", "Склад заморозки", "Транспортный отдел"],
    money=(",", "млн"),
)

PACKS["en"] = dict(
    ceo=["CEO", "Managing Director"],
    mgmt_unit="Management Board",
    units={
        "finance": ("Finance", "CFO", ["Financial Controller", "Chief Accountant"], ["Accounting Team Lead"],
                    ["Accountant", "Financial Analyst", "Billing Specialist"]),
        "logistics": ("Operations", "Operations Director", ["Transport Manager", "Warehouse Manager", "Fleet Manager"],
                      ["Shift Supervisor", "Senior Dispatcher"],
                      ["Dispatcher", "Logistics Planner", "Warehouse Specialist", "Driver Trainer"]),
        "it": ("IT", "CIO", ["IT Manager", "Information Security Manager"], ["Development Team Lead"],
               ["System Administrator", "Integration Developer", "Data Analyst"]),
        "purchasing": ("Procurement", "Procurement Director", ["Head of Procurement", "Category Manager"],
                       ["Senior Buyer"], ["Buyer", "Tender Specialist", "Contract Lawyer"]),
        "production": ("Production", "Production Director", ["Plant Manager", "Maintenance Manager"], ["Shift Foreman"],
                       ["Maintenance Engineer", "Process Engineer", "Electrician"]),
        "quality": ("Quality", "Quality Director", ["Quality Manager", "Food Safety Manager"], ["Audit Coordinator"],
                    ["Quality Specialist", "Lab Technician"]),
        "sales": ("Sales", "Sales Director", ["Key Account Manager", "Customer Relations Manager"],
                  ["Customer Service Team Lead"], ["Customer Service Agent", "Sales Analyst"]),
        "hr": ("HR", "HR Director", ["HR Manager"], ["Training Manager"], ["HR Specialist", "Training Coordinator"]),
    },
    priorities={
        "mgmt": ["Exclusive terms and status, reputation", "Growth strategy and risk", "A long partnership, board-level meetings"],
        "finance": ["Numbers – total cost, payback time, cash flow", "Transparent pricing and payment terms"],
        "it": ["Technical detail – API, data ownership, security", "Fewer systems and SaaS contracts"],
        "logistics": ["On-time delivery and driver satisfaction", "Less manual work for dispatchers"],
        "purchasing": ["Comparable quotes, contract terms", "A second quote for every large order"],
        "production": ["Less downtime, planned maintenance"],
        "quality": ["Auditable temperature reports", "Food safety and GDP compliance"],
        "sales": ["Customer satisfaction, delivery status for their shippers"],
        "hr": ["People and references, training", "Driver privacy – no surveillance"],
    },
    segments=["Contract logistics (3PL)", "Food production and distribution", "Ports and terminals", "Construction",
              "Energy and utilities", "Wholesale", "Forestry and timber transport", "Waste management",
              "Cold-chain logistics"],
    company_roots={"PL": ["Vistula", "Mazovia", "Baltica", "Warta", "Odra", "Silesia", "Pomorze", "Tatra", "Kraków",
                          "Gdańsk", "Łódź", "Poznań", "Bug", "Narew"],
                   "LT": ["Nemunas", "Neris", "Baltic Amber", "Kaunas", "Klaipėda", "Žemaitija", "Aukštaitija",
                          "Vilnius", "Dzūkija", "Šiauliai", "Curonian"],
                   "LV": ["Daugava", "Gauja", "Kurzeme", "Vidzeme", "Latgale", "Riga", "Ventspils", "Liepāja",
                          "Jūrmala", "Zemgale"]},
    company_kinds=["Logistics", "Foods", "Transport", "Cold Chain", "Distribution", "Building Materials", "Energy",
                   "Retail", "Dairy", "Freight", "Agro", "Timber"],
    company_forms={"PL": ["{root} {kind} sp. z o.o.", "{root} {kind} S.A."], "LT": ["UAB {root} {kind}"],
                   "LV": ["SIA {root} {kind}"]},
    header=["{company} – key account plan. Amounts in {currency}.",
            "Key account manager: {kam}. Reviewed every quarter, in the first month after quarter end."],
    who=["{company} – head office in {city}, {n} vehicles and {m} warehouses.",
         "Started as a family business, {company} is now one of the largest in its field: {n} vehicles, warehouses in {city} and {city2}.",
         "{company} belongs to an international group; the local unit runs {n} vehicles and {m} terminals."],
    buys="Buys from us: {owned}.",
    prospect="Not a customer yet; uses {competitor}.",
    why="Key account because: {why}.",
    why_none="A development account: we follow their growth and new needs.",
    criteria={"known_brand": "a known brand", "large_potential": "large sales potential",
              "new_segment": "opens a new segment for us", "media_active": "active in the media with ambitious projects",
              "unhappy_with_competitor": "unhappy with their current supplier",
              "management_list": "on our management's own list"},
    and_="and",
    experience=["The operations director sees every truck and every reefer in one view in the morning, and hears about problems from us before their customer calls.",
                "Dispatchers no longer phone drivers – the data flows by itself and shippers get delivery times automatically.",
                "The customer's board trusts that we keep our promises and tell them about problems early.",
                "The CFO gets a clear monthly savings report, and our invoices match their orders."],
    history={"start": "pilot with {n} vehicles, started by {person}.",
             "full": "whole fleet ({n} vehicles) on our platform.",
             "product": "added {product}.",
             "complaint": "complaint about false alarms; fixed with a firmware update within two weeks.",
             "people": "new {title}, {person} – the relationship had to be rebuilt.",
             "price": "{competitor} offered a lower price; we kept the customer on service level.",
             "tender": "won the tender: {product}.",
             "first": "first meeting at a logistics fair; demo for the operations director.",
             "pilot_offer": "offered a free pilot; the decision moved to next year."},
    watch={"ownership": ["Bought by a Scandinavian group; large budgets are now approved by the parent company.",
                         "The owners are looking for a buyer – suppliers may be replaced by the buyer's own."],
           "market_position": ["Opened a new logistics centre; the fleet grows by a third next year.",
                               "Lost their largest retail contract; cost cuts in every department."],
           "behaviour": ["Procurement now asks for a second quote on every order above 50 000 EUR.",
                         "All IT contracts are reviewed against a new security policy."],
           "management": ["A new CIO wants their own data platform – risk that telematics data moves in-house.",
                          "New CEO, hired from a competitor."]},
    revenue_goal="Revenue from the customer at least {amount} in {year}", revenue_metric="Revenue ({currency})",
    goals={"product": ("{product} in the whole fleet", "Vehicles with {product}"),
           "contacts": ("A second contact of ours for every decision maker", "Decision makers covered twice"),
           "reference": ("The customer agrees to be a public reference", "Published case study", "published"),
           "share": ("Our share of their telematics spend at least {pct} %", "Share (%)"),
           "nps": ("Customer satisfaction (NPS) at least {n}", "NPS")},
    goal_ids={"revenue": "revenue", "contacts": "contacts", "reference": "reference", "share": "share", "nps": "nps"},
    buying_summary=["The operations director owns the need and the budget; purchases above {limit} are approved by the CEO on the CFO's recommendation. IT can veto integrations.",
                    "Purchases go through procurement: at least two quotes, a technical evaluation by IT and a board decision.",
                    "Small purchases are decided by the head of the department; large ones (above {limit}) go to tender."],
    steps=[("Need and pilot", "2–3 months"), ("IT check", "3–6 weeks"), ("Quotes and negotiation", "1–2 months"),
           ("Board approval", "2 weeks"), ("Contract signing", "1–2 weeks")],
    step_notes=["The bottleneck since last year.", "Procurement always asks for a second quote.",
                "The board meets once a month."],
    tender=["Telematics tender {year}: {product}", "Framework agreement: fleet tracking and reporting {year}–{year2}",
            "Cold-chain monitoring tender for the new logistics centre"],
    tender_notes=["Preparation starts nine months before: references, technical solution, price.",
                  "Published on the public procurement portal.", "The incumbent is a competitor; price weighs 60 %."],
    proposal=["{product}: extension to {n} vehicles", "{product} pilot, {city}", "Contract renewal {year}–{year2}",
              "{product} and {product2} bundle"],
    next_step=["Procurement compares with the competitor's quote", "The CFO calculates the payback time",
               "IT reviews the data processing annex", "Decision at the board meeting"],
    urgent=["Go-live before the winter season", "Price fixed before the budget is approved", "Data processing agreement"],
    notes=["Brought us in in 2021; only one contact of ours – vulnerable.", "Tells us what the board discusses.",
           "Stopped the integration in May; wants raw data in their own warehouse.", "New in the role; relationship still forming.",
           "Prefers morning meetings and short summaries."],
    hobbies=["Sailing", "Cross-country skiing", "Hunting", "Basketball", "Gardening", "Fishing", "Running", "Choir singing"],
    family=["Married, three children", "Two children, son studies in Kraków", "Single", "Married, first grandchild born this summer"],
    values=["Honesty; likes hearing about problems early", "Punctuality and keeping agreements",
            "Simplicity – does not want many systems", "Local community"],
    months=["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"],
    birthday="{d} {month}",
    responsibilities={
        "account_manager": ["Account plan, pricing and contracts", "Decision-maker map and quarterly reviews",
                            "Selling new products"],
        "executive_sponsor": ["Meets the customer's board twice a year", "Escalations"],
        "management": ["Customer input to product development"],
        "sales": ["Cross-sell and quotes", "Tender preparation"],
        "specialist": ["Solution architecture and integrations", "Pilots and roll-outs", "Data analysis"],
        "technical_support": ["Technical support and incidents", "Sensor installation"],
        "service": ["Service, complaints and training", "Driver and dispatcher training"],
    },
    actions=["Send procurement a quote for {product}", "Demo of {product} for operations",
             "Collect two references from similar customers", "Prepare the quarterly review for the customer's board",
             "Workshop with IT on data export and API", "Update the decision-maker map after the reorganisation",
             "Call the CFO about the proposal", "Train drivers on the new app", "Invite the CEO to visit our office",
             "Analyse fuel data and propose savings", "Agree the timetable for the contract renewal",
             "Meet the new quality manager"],
    tender_action="Tender preparation: technical solution, references and price",
    action_notes=["No agreement; next meeting in December.", "The customer asked for the material in Polish.",
                  "Together with our CEO."],
    promises=["Temperature report for every reefer", "Corrected billing report", "Firmware update against false alarms",
              "Quote: {product} extension", "Training plan for new dispatchers", "API documentation for IT",
              "Quarterly savings analysis", "Sensor replacement at the {city} terminal"],
    reasons=["The supplier was late with the sensors", "Waiting for data from the customer",
             "The development team was busy with another roll-out", "The customer's security audit required an extra check",
             "Illness in the team", "Longer delivery times over the holidays"],
    review_summaries=["The quarter went to plan; the {product} pilot started.", "Revenue below plan: the customer postponed investments.",
                      "The new CIO questions every SaaS contract.", "Proposal sent; decision expected next quarter.",
                      "A good quarter: no complaints, the fleet grew.", "A competitor offered a lower price; we held ours."],
    corrections=["A second contact for the CFO (our CEO)", "Workshop with IT next month", "Quote for {product} before quarter end",
                 "Monthly call with the operations director", "Retrain the dispatchers", "Answer complaints within 24 hours"],
    result_notes=["Investments postponed", "No IT approval yet", "The pilot went well", "New contact found"],
    product_notes=["The docks are a bottleneck mornings and evenings.", "Cuts empty running.",
                   "The customer is looking at the market themselves.", "The competitor's contract ends next year."],
    competitor_notes=["Cheaper, but slow support.", "Strong with IT; long contract.", "Local supplier, close to the board.",
                      "Offers free hardware with a three-year contract."],
    own_it="In-house IT (own platform)",
    unit_names=["{city} cross-dock", "{city} warehouse", "E-commerce fulfilment", "Frozen storage", "Transport division"],
    money=(".", "million"),
)

# Our products: name, and what it is in each language.
PRODUCTS = [
    ("Fleet", {"et": "sõidukipargi telemaatika", "fi": "kalustotelematiikka", "no": "flåtetelematikk",
               "ru": "телематика автопарка", "en": "fleet telematics"}),
    ("Reefer", {"et": "temperatuuri seire", "fi": "lämpötilan valvonta", "no": "temperaturovervåking",
                "ru": "контроль температуры", "en": "cold-chain monitoring"}),
    ("Driver", {"et": "juhirakendus ja e-saateleht", "fi": "kuljettajasovellus ja sähköinen kuittaus",
                "no": "sjåførapp og elektronisk kvittering", "ru": "приложение для водителей", "en": "driver app and e-POD"}),
    ("Insight", {"et": "analüütika ja kliendiportaal", "fi": "analytiikka ja asiakasportaali", "no": "analyse og kundeportal",
                 "ru": "аналитика и портал клиента", "en": "analytics and shipper portal"}),
    ("Yard", {"et": "laadimisrampide planeerimine", "fi": "lastauslaitureiden ajanvaraus", "no": "lagerport og rampestyring",
              "ru": "управление рампами склада", "en": "dock scheduling"}),
    ("Machine", {"et": "seadmete seire", "fi": "laitteiden kunnonvalvonta", "no": "maskinovervåking",
                 "ru": "мониторинг оборудования", "en": "equipment monitoring"}),
    ("Fuel", {"et": "kütusekulu ja säästlik sõit", "fi": "polttoaineenkulutus ja taloudellinen ajo",
              "no": "drivstoff og økokjøring", "ru": "контроль топлива и эко-вождение", "en": "fuel and eco-driving"}),
]

COMPETITORS = {
    "EE": ["Teletrack OÜ", "Baltic Fleet Systems AS", "GPSVision OÜ", "Ratas Telemaatika OÜ"],
    "FI": ["Kuljetusdata Oy", "Nordic Telematics Oy", "Ajotieto Oy", "Kylmäketju Solutions Oy"],
    "NO": ["FleetNord AS", "Kjøretøydata AS", "Polar Telematikk AS", "Fjordtrack AS"],
    "LV": ["Siltum Automatika SIA", "Baltic Fleet Systems AS", "Rīgas Telemātika SIA"],
    "LT": ["Vilties Telematika UAB", "Baltic Fleet Systems AS", "Nemuno Sekimas UAB"],
    "PL": ["DockPlan sp. z o.o.", "TransTrack Polska sp. z o.o.", "FlotaNet S.A.", "ChłodniaControl sp. z o.o."],
}

# Cities: (name, the form used after "headquarters ..." in the plan's language).
CITIES = {
    ("et", "EE"): [("Tallinn", "Tallinnas"), ("Tartu", "Tartus"), ("Pärnu", "Pärnus"), ("Narva", "Narvas"),
                   ("Rakvere", "Rakveres"), ("Viljandi", "Viljandis"), ("Kuressaare", "Kuressaares"), ("Jõhvi", "Jõhvis")],
    ("fi", "FI"): [("Helsinki", "Helsingissä"), ("Tampere", "Tampereella"), ("Oulu", "Oulussa"), ("Turku", "Turussa"),
                   ("Kuopio", "Kuopiossa"), ("Lahti", "Lahdessa"), ("Jyväskylä", "Jyväskylässä"), ("Vaasa", "Vaasassa")],
    ("no", "NO"): [(c, f"i {c}") for c in ("Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Ålesund", "Bodø",
                                           "Kristiansand")],
    ("ru", "LV"): [("Рига", "в Риге"), ("Даугавпилс", "в Даугавпилсе"), ("Лиепая", "в Лиепае"), ("Елгава", "в Елгаве"),
                   ("Вентспилс", "в Вентспилсе")],
    ("ru", "EE"): [("Нарва", "в Нарве"), ("Таллинн", "в Таллинне"), ("Силламяэ", "в Силламяэ"),
                   ("Кохтла-Ярве", "в Кохтла-Ярве"), ("Йыхви", "в Йыхви")],
    ("en", "PL"): [(c, c) for c in ("Warsaw", "Łódź", "Poznań", "Gdańsk", "Kraków", "Wrocław", "Katowice")],
    ("en", "LT"): [(c, c) for c in ("Vilnius", "Kaunas", "Klaipėda", "Šiauliai", "Panevėžys")],
    ("en", "LV"): [(c, c) for c in ("Riga", "Daugavpils", "Liepāja", "Jelgava", "Ventspils")],
}

# (language, country, weight, names pool, currency, our sales region)
MARKETS = [
    ("et", "EE", 20, "EE", "EUR", "EE"),
    ("fi", "FI", 20, "FI", "EUR", "FI"),
    ("no", "NO", 18, "NO", "NOK", "NO"),
    ("ru", "LV", 9, "RU", "EUR", "LV"),
    ("ru", "EE", 7, "RU", "EUR", "EE"),
    ("en", "PL", 12, "PL", "EUR", "PL"),
    ("en", "LT", 7, "LT", "EUR", "LV"),
    ("en", "LV", 7, "LV", "EUR", "LV"),
]
EXCHANGE_RATES = {"NOK": 0.085}

REGIONS = {  # our sales regions: unit, city, where our people's names come from
    "EE": ("Sales Estonia", "Tallinn", ["EE", "EE", "EE", "RU"]),
    "FI": ("Sales Finland", "Helsinki", ["FI"]),
    "NO": ("Sales Norway", "Oslo", ["NO"]),
    "LV": ("Sales Baltics", "Riga", ["LV", "LV", "LT", "RU"]),
    "PL": ("Sales Poland", "Warsaw", ["PL"]),
}
REGION_NAMES = {"EE": "Estonia", "FI": "Finland", "NO": "Norway", "LV": "Baltics", "PL": "Poland"}

TIERS = [
    {"id": "strategic", "name": "Strategic accounts", "key": True, "min_criteria": 3,
     "care_model": {"review_interval_days": 92, "contact_interval_days": 60, "min_contacts_per_decision_maker": 2,
                    "min_team_size": 4, "required_roles": ["account_manager", "executive_sponsor"],
                    "service_level": Folded("Named account team led by a key account manager; 24/7 hotline with a named "
                                            "technical contact; quarterly business review with the customer; our CEO or "
                                            "COO meets their management twice a year."),
                    "complaint_response_hours": 4, "management_meetings_per_year": 2, "product_input": True}},
    {"id": "key", "name": "Key accounts", "key": True, "min_criteria": 2,
     "care_model": {"review_interval_days": 92, "contact_interval_days": 90, "min_contacts_per_decision_maker": 2,
                    "min_team_size": 3, "required_roles": ["account_manager", "executive_sponsor"],
                    "service_level": Folded("Named key account manager and service contact; support on working days "
                                            "07-19 local time; quarterly review, discussed with the customer at least "
                                            "twice a year."),
                    "complaint_response_hours": 8, "management_meetings_per_year": 1, "product_input": True}},
    {"id": "development", "name": "Development accounts (prospects and growth)", "key": False, "min_criteria": 0,
     "care_model": {"review_interval_days": 183, "contact_interval_days": 120, "min_contacts_per_decision_maker": 1,
                    "min_team_size": 2, "required_roles": ["account_manager"],
                    "service_level": Folded("Named account manager; standard support on working days 08-17; plan "
                                            "reviewed every half year."),
                    "complaint_response_hours": 24, "management_meetings_per_year": 0, "product_input": False}},
]
TIER_SHARE = (("strategic", 0.12), ("key", 0.33))  # the rest: development
# Per tier: stakeholders, team size, criteria, quarterly revenue (EUR) range.
TIER_SHAPE = {
    "strategic": dict(stakeholders=(20, 40), team=(6, 10), criteria=(3, 5), revenue=(250_000, 1_000_000),
                      actions=(8, 15), commitments=(3, 5), goals=(2, 3), proposals=(2, 3), abc="A"),
    "key": dict(stakeholders=(12, 22), team=(4, 7), criteria=(2, 3), revenue=(70_000, 300_000),
                actions=(5, 9), commitments=(2, 4), goals=(2, 3), proposals=(1, 3), abc="AB"),
    "development": dict(stakeholders=(8, 12), team=(3, 5), criteria=(0, 1), revenue=(8_000, 50_000),
                        actions=(5, 6), commitments=(2, 3), goals=(1, 2), proposals=(1, 2), abc="BC"),
}

CRITERIA = ["known_brand", "large_potential", "new_segment", "media_active", "unhappy_with_competitor",
            "management_list"]
ATTITUDES = ["champion", "supporter", "neutral", "sceptic", "blocker"]
ROLES = ["economic", "technical", "user", "coach", "gatekeeper"]

PLAN_SECTIONS = frozenset({"relationship", "classification", "situation", "goals", "buying_process", "tenders",
                           "proposals", "stakeholders", "team", "actions", "commitments", "reviews"})


# =============================================================================
# Building the portfolio
# =============================================================================

def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_quarter(year: int, q: int, by: int) -> tuple[int, int]:
    index = year * 4 + (q - 1) + by
    return index // 4, index % 4 + 1


def _quarter_end(year: int, q: int) -> dt.date:
    return dt.date(year, 12, 31) if q == 4 else dt.date(year, q * 3 + 1, 1) - dt.timedelta(days=1)


def _join(items: list[str], and_: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {and_} " + items[-1]


def _money(lang: str, amount: int, currency: str) -> str:
    sep, million = PACKS[lang]["money"]
    symbol = "€" if currency == "EUR" else currency
    if amount >= 1_000_000:
        text = f"{amount / 1_000_000:.1f}".replace(".0", "").replace(".", sep)
        return f"{text} {million} {symbol}" if lang != "en" else f"{text} {million} {currency}"
    grouped = f"{amount:,}".replace(",", "," if lang == "en" else " ")
    return f"{grouped} {symbol}" if lang != "en" else f"{grouped} {currency}"


@dataclass
class _Person:
    id: str
    name: str
    kind: str  # management, country, kam, specialist, service, support
    region: str
    doc: dict


@dataclass
class _Market:
    lang: str
    country: str
    names: str
    currency: str
    region: str


class _People:
    """Our people directory: management, country managers and staff in the sales regions."""

    ROLES = {
        "kam": "Key Account Manager, {region}",
        "specialist": "Solution Specialist",
        "service": "Service Manager",
        "support": "Technical Support Engineer",
        "sales": "Account Manager",
    }
    UNITS = {"specialist": "Solutions", "service": "Customer Service", "support": "Technical Support"}

    def __init__(self, rng: Random, regions: dict[str, int], accounts: int):
        self.rng = rng
        self.taken: set = set()
        self.people: list[_Person] = []
        self.by_kind: dict[tuple[str, str], list[_Person]] = {}
        for role in ("Chief Executive Officer", "Chief Operating Officer", "Chief Financial Officer",
                     "Chief Technology Officer"):
            self._add("management", "EE", role, "Management, Tallinn")
        used = [r for r in REGIONS if regions.get(r)]
        for region in used:
            unit, city, _ = REGIONS[region]
            self._add("country", region, f"Country Manager, {REGION_NAMES[region]}", f"{unit}, {city}")
            for _ in range(regions[region] // 40):  # executive sponsors enough for ~15 accounts each
                self._add("country", region, f"Sales Director, {REGION_NAMES[region]}", f"{unit}, {city}")
        total = max(accounts // 3 + 10, len(self.people) + 4 * len(used))
        staff = total - len(self.people)
        # every used region gets a KAM, a specialist, a service manager and a support engineer;
        # the rest follows the number of accounts per region
        weights = {r: regions[r] for r in used}
        counts = {r: 4 for r in used}
        left = staff - 4 * len(used)
        all_accounts = sum(weights.values())
        for r in used:
            counts[r] += left * weights[r] // all_accounts
        extra = staff - sum(counts.values())
        for i in range(extra):
            counts[used[i % len(used)]] += 1
        mix = ["kam"] * 40 + ["specialist"] * 22 + ["service"] * 18 + ["support"] * 12 + ["sales"] * 8
        for region in used:
            kinds = ["kam", "specialist", "service", "support"] + [rng.choice(mix) for _ in range(counts[region] - 4)]
            for kind in kinds:
                unit = self.UNITS.get(kind, REGIONS[region][0])
                self._add(kind, region, self.ROLES[kind].format(region=REGION_NAMES[region]),
                          f"{unit}, {REGIONS[region][1]}")
        # one or two who left the company: in the directory, on no team
        leavers = 1 + accounts // 400
        for i in range(leavers):
            region = used[i % len(used)]
            person = self._add("kam", region, self.ROLES["kam"].format(region=REGION_NAMES[region]),
                               f"{REGIONS[region][0]}, {REGIONS[region][1]}", listed=False)
            person.doc["left"] = None  # set by the caller, who knows `today`

    def _add(self, kind: str, region: str, role: str, unit: str, listed: bool = True) -> _Person:
        pool = self.rng.choice(REGIONS[region][2]) if kind != "management" else self.rng.choice(["EE", "EE", "FI"])
        name = latin_name(person_name(self.rng, pool))
        pid = person_id(name, self.taken)
        handle = pid if self.rng.random() < 0.5 else slug(name, 3).replace("-", "")
        email = ".".join(slug(name, 3).split("-")) + "@" + OUR_DOMAIN
        doc = {"id": pid, "name": name, "role": role, "unit": unit, "github": handle[:39], "email": email}
        person = _Person(pid, name, kind, region, doc)
        self.people.append(person)
        if listed:
            self.by_kind.setdefault((kind, region), []).append(person)
            self.by_kind.setdefault((kind, "*"), []).append(person)
        return person

    def pick(self, kind: str, region: str, exclude: list) -> _Person | None:
        local = [p for p in self.by_kind.get((kind, region), ()) if p not in exclude]
        if local and (self.rng.random() < 0.85 or kind in ("kam", "country")):
            return self.rng.choice(local)
        anywhere = [p for p in self.by_kind.get((kind, "*"), ()) if p not in exclude]
        return self.rng.choice(anywhere) if anywhere else (self.rng.choice(local) if local else None)


@dataclass
class _Stakeholder:
    index: int
    id: str
    name: str
    level: int
    unit: str  # unit key
    title: str
    parent: int | None
    roles: list
    influence: str = "medium"
    attitude: str = "neutral"
    left: bool = False


class _AccountBuilder:
    def __init__(self, rng: Random, today: dt.date, people: _People, market: _Market, tier: str,
                 name: str, plan_id: str):
        self.rng = rng
        self.today = today
        self.people = people
        self.m = market
        self.p = PACKS[market.lang]
        self.tier = tier
        self.shape = TIER_SHAPE[tier]
        self.name = name
        self.id = plan_id
        self.cities = CITIES[(market.lang, market.country)]
        self.status = "customer" if tier != "development" or rng.random() < 0.6 else "prospect"
        self.rate = EXCHANGE_RATES.get(market.currency, 1.0)
        self.decks: dict[str, list] = {}

    # --- small helpers -------------------------------------------------------
    def days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def days_ahead(self, low: int, high: int) -> dt.date:
        return self.today + dt.timedelta(days=self.rng.randint(low, high))

    def text(self, template: str, **extra) -> str:
        values = dict(company=self.name, product=self.product_name(), product2=self.product_name(),
                      city=self.rng.choice(self.cities)[0], n=10 * self.rng.randint(3, 30),
                      year=self.today.year, year2=self.today.year + 3, currency=self.m.currency)
        values.update(extra)
        return template.format(**values)

    def deal(self, key: str) -> str:
        """The next text of a pool, without repeats until the pool is used up (per plan)."""
        deck = self.decks.get(key)
        if not deck:
            deck = list(self.p[key])
            self.rng.shuffle(deck)
            self.decks[key] = deck
        return deck.pop()

    def product_name(self) -> str:
        return f"Merevaik {self.rng.choice(PRODUCTS)[0]}"

    def active(self) -> list[_Stakeholder]:
        return [s for s in self.stakeholders if not s.left]

    def decision_makers(self) -> list[_Stakeholder]:
        return [s for s in self.active() if s.influence == "high" or "economic" in s.roles]

    # --- the plan --------------------------------------------------------------
    def build(self) -> tuple[dict, list[str], dict]:
        rng = self.rng
        self.fleet = 10 * rng.randint(3, 60)
        self.build_org()
        self.build_team()
        low, high = self.shape["criteria"]
        count = rng.randint(low, high) if self.tier == "strategic" else (low if rng.random() < 0.85 else high)
        criteria = sorted(rng.sample(CRITERIA, count), key=CRITERIA.index)
        products = self.build_products()
        competitors = self.build_competitors()
        revenue = self.build_revenue()
        owned = [p["name"].split(" – ")[0] for p in products if p["status"] == "owned"]

        plan: dict = {"id": self.id, "name": self.name, "owner": self.owner.id, "tier": self.tier,
                      "status": self.status, "segment": rng.choice(self.p["segments"]), "country": self.m.country,
                      "language": self.m.lang,
                      "website": f"https://www.{self.id}.example.{self.m.country.lower()}/"}
        city, city2 = rng.sample(self.cities, 2)
        who = rng.choice(self.p["who"]).format(company=self.name, city=city[1], city2=city2[1], n=self.fleet,
                                               m=rng.randint(5, 9))
        if self.status == "customer" and owned:
            what = self.p["buys"].format(owned=", ".join(owned))
        else:
            what = self.p["prospect"].format(competitor=competitors[0]["name"])
        why = (self.p["why"].format(why=_join([self.p["criteria"][c] for c in criteria], self.p["and_"]))
               if criteria else self.p["why_none"])
        plan["summary"] = Folded(f"{who} {what} {why}")
        plan["customer_experience"] = Folded(rng.choice(self.p["experience"]))
        plan["relationship"] = self.build_relationship()
        classification: dict = {"criteria": criteria} if criteria else {}
        levels = ["high", "medium", "low"]
        size = {"strategic": 0, "key": 1, "development": 2}[self.tier]
        classification["size"] = levels[min(2, max(0, size + rng.choice([-1, 0, 0, 1])))]
        classification["significance"] = levels[min(2, size + rng.choice([0, 0, 1]))]
        classification["growth_potential"] = rng.choice(levels[:2] if self.tier != "development" else levels)
        classification["relationship_quality"] = rng.choice(levels)
        classification["abc_class"] = rng.choice(self.shape["abc"])
        watch = []
        for kind in rng.sample(list(self.p["watch"]), rng.choice([0, 1, 1, 2])):
            watch.append({"kind": kind, "date": self.days_ago(20, 400), "note": rng.choice(self.p["watch"][kind])})
        if watch:
            classification["watch"] = sorted(watch, key=lambda w: w["date"])
        plan["classification"] = classification
        situation: dict = {"currency": self.m.currency}
        if revenue:
            situation["revenue"] = revenue
        if self.status == "customer" and rng.random() < 0.3:
            units = []
            taken: set = set()
            for template in rng.sample(self.p["unit_names"], rng.randint(2, 4)):
                unit_name = template.format(city=rng.choice(self.cities)[0])
                units.append({"id": unique(slug(unit_name, 3), taken), "name": unit_name})
            situation["units"] = units
            for product in products:
                if product["status"] in ("owned", "pilot", "missing") and rng.random() < 0.5:
                    per_unit = {}
                    for unit in units:
                        status = rng.choice(["owned", "missing", "pilot", "competitor", "not_relevant"])
                        if status != product["status"] and rng.random() < 0.6:
                            per_unit[unit["id"]] = status
                    if per_unit:
                        product["units"] = per_unit
                        product.pop("notes", None)
        situation["products"] = products
        situation["competitors"] = competitors
        plan["situation"] = situation
        plan["goals"] = self.build_goals(revenue)
        plan["buying_process"] = self.build_buying_process()
        plan["tenders"] = self.build_tenders()
        plan["proposals"] = self.build_proposals()
        plan["stakeholders"] = [self.stakeholder_doc(s) for s in self.stakeholders]
        plan["team"] = self.team_docs
        plan["actions"] = self.build_actions(plan["tenders"])
        plan["commitments"] = self.build_commitments()
        plan["reviews"] = self.build_reviews(plan["goals"])
        if not plan["tenders"]:
            del plan["tenders"]

        header = [line.format(company=self.name, currency=self.m.currency, kam=self.owner.name)
                  for line in self.p["header"]]
        facts = {"revenue_eur": {r["period"]: r["amount"] * self.rate for r in revenue if not r.get("forecast")}}
        return plan, header, facts

    # --- the customer's organisation -------------------------------------------
    def build_org(self) -> None:
        rng, p = self.rng, self.p
        n = rng.randint(*self.shape["stakeholders"])
        levels = 3 if n < 12 else (rng.choice([3, 4]) if n < 16 else (4 if n < 24 else rng.choice([4, 5, 5])))
        directors = max(2, min(7, round(n * rng.uniform(0.15, 0.25))))
        rest = n - 1 - directors
        if levels == 3:
            sizes = [1, directors, rest]
        elif levels == 4:
            heads = max(1, round(rest * rng.uniform(0.35, 0.5)))
            sizes = [1, directors, heads, rest - heads]
        else:
            heads = max(1, round(rest * rng.uniform(0.3, 0.4)))
            leads = max(1, round(rest * rng.uniform(0.2, 0.3)))
            sizes = [1, directors, heads, leads, rest - heads - leads]
        units = ["finance", "logistics"] + rng.sample(UNIT_KEYS[2:], directors - 2) if directors <= 8 else list(UNIT_KEYS)
        taken: set = set()
        used_names: set = set()
        people: list[_Stakeholder] = []

        def new(level: int, unit: str, title: str, parent: int | None) -> _Stakeholder:
            name = person_name(rng, self.m.names)
            while name in used_names:
                name = person_name(rng, self.m.names)
            used_names.add(name)
            s = _Stakeholder(len(people), person_id(name, taken), name, level, unit, title, parent, [])
            people.append(s)
            return s

        new(0, "mgmt", rng.choice(p["ceo"]), None)
        by_level: list[list[_Stakeholder]] = [people[:1], []]
        for unit in units[:directors]:
            by_level[1].append(new(1, unit, p["units"][unit][1], 0))
        for level in range(2, levels):
            by_level.append([])
            parents = by_level[level - 1]
            for i in range(sizes[level]):
                # spread: every parent of the level above gets a report before any gets two
                parent = parents[i % len(parents)] if i < len(parents) else rng.choice(parents)
                unit = parent.unit
                _, _, heads, leads, specialists = p["units"][unit]
                last = level == levels - 1
                if level == 2 and not last:
                    title = rng.choice(heads)
                elif level == 2:
                    title = rng.choice(heads if rng.random() < 0.5 else specialists)
                elif level == 3 and not last:
                    title = rng.choice(leads)
                else:
                    title = rng.choice(specialists)
                if unit in ("logistics", "production") and level >= 2 and rng.random() < 0.3:
                    title = f"{title}, {rng.choice(self.cities)[0]}"
                by_level[level].append(new(level, unit, title, parent.index))
        self.stakeholders = people
        self.levels = levels
        self.assign_roles()

    def assign_roles(self) -> None:
        rng = self.rng
        for s in self.stakeholders:
            if s.level == 0:
                s.roles, s.influence = ["economic"], "high"
            elif s.level == 1:
                s.influence = "high" if rng.random() < 0.8 else "medium"
                s.roles = {"finance": ["economic"], "it": ["technical", "gatekeeper"] if rng.random() < 0.5 else
                           ["technical"], "purchasing": ["gatekeeper"], "logistics": ["economic", "technical", "user"],
                           "production": ["technical", "user"], "quality": ["technical", "user"]}.get(s.unit, ["user"])
            elif s.level == 2:
                s.influence = rng.choices(["high", "medium", "low"], [15, 65, 20])[0]
                s.roles = {"it": ["technical"], "purchasing": ["gatekeeper"]}.get(s.unit, ["user"])
            else:
                s.influence = rng.choices(["medium", "low"], [35, 65])[0]
                s.roles = ["user"] if rng.random() < 0.85 else []
            s.roles = list(s.roles)
        weights = {"strategic": [16, 32, 28, 16, 8], "key": [12, 30, 30, 18, 10], "development": [8, 24, 40, 20, 8]}
        for s in self.stakeholders:
            s.attitude = rng.choices(ATTITUDES, weights[self.tier])[0]
        active = self.stakeholders
        if self.status == "customer" and not any(s.attitude == "champion" for s in active) and rng.random() < 0.85:
            rng.choice(active[1:]).attitude = "champion"
        # a coach: someone inside who guides us, usually a champion
        friends = [s for s in active[1:] if s.attitude in ("champion", "supporter")] or active[1:]
        for s in rng.sample(friends, min(len(friends), rng.randint(1, 2))):
            s.roles.append("coach")
        for role in ROLES:  # every buying role is present in every buying centre
            if not any(role in s.roles for s in active):
                rng.choice(active[1:]).roles.append(role)
        for s in active:
            s.roles = [r for r in ROLES if r in s.roles]
        # someone who left: a leaf nobody reports to, kept for the history
        leaves = [s for s in active if s.level >= 2 and not any(o.parent == s.index for o in active)]
        if leaves and rng.random() < 0.12:
            gone = rng.choice(leaves)
            gone.left = True
            gone.roles = [r for r in gone.roles if r == "user"]
        # informal influence: mostly from below or across onto the decision makers
        self.influences: dict[int, list[int]] = {}
        edges: set = set()
        candidates = [s for s in active if not s.left and s.level >= 1]
        for _ in range(rng.randint(1, max(1, len(active) // 5))):
            src = rng.choice(candidates)
            targets = [t for t in active if not t.left and t.index != src.index and t.level <= src.level
                       and t.index != src.parent and t.parent != src.index
                       and (src.index, t.index) not in edges and (t.index, src.index) not in edges]
            if targets:
                dst = rng.choice(targets)
                edges.add((src.index, dst.index))
                self.influences.setdefault(src.index, []).append(dst.index)

    def stakeholder_doc(self, s: _Stakeholder) -> dict:
        rng, p = self.rng, self.p
        doc: dict = {"id": s.id, "name": s.name, "title": s.title,
                     "unit": p["mgmt_unit"] if s.unit == "mgmt" else p["units"][s.unit][0]}
        if s.parent is not None:
            doc["reports_to"] = self.stakeholders[s.parent].id
        if s.index in self.influences:
            doc["influences"] = [self.stakeholders[i].id for i in sorted(self.influences[s.index])]
        if s.roles:
            doc["buying_roles"] = s.roles
        doc["influence"] = s.influence
        doc["attitude"] = s.attitude
        if rng.random() < (0.7 if s.level <= 1 or s.influence == "high" else 0.1):
            doc["priorities"] = rng.choice(p["priorities"][s.unit])
        doc["last_contact"] = self.last_contact[s.index]
        if rng.random() < 0.3:
            doc["verified"] = self.last_contact[s.index] - dt.timedelta(days=rng.choice([0, 0, 0, 7, 30, 60]))
        if s.left:
            doc["left"] = self.last_contact[s.index] + dt.timedelta(days=rng.randint(10, 60))
        if rng.random() < 0.15 or (s.attitude == "blocker" and rng.random() < 0.6):
            # notes 0-1 are about friends, 2 about an opponent, 3-4 about anyone
            fits = {"champion": (0, 1, 3, 4), "supporter": (1, 3, 4), "sceptic": (2, 3, 4), "blocker": (2, 3)}
            doc["notes"] = p["notes"][rng.choice(fits.get(s.attitude, (3, 4)))]
        if rng.random() < 0.25:
            private = {}
            if rng.random() < 0.7:
                private["birthday"] = p["birthday"].format(d=rng.randint(1, 28), month=rng.choice(p["months"]))
            if rng.random() < 0.6:
                private["hobbies"] = ", ".join(rng.sample(p["hobbies"], rng.randint(1, 2)))
            if rng.random() < 0.4:
                private["family"] = rng.choice(p["family"])
            if rng.random() < 0.3 or not private:
                private["values"] = rng.choice(p["values"])
            doc["private"] = private
        return doc

    # --- our team ---------------------------------------------------------------
    def build_team(self) -> None:
        rng, people, region = self.rng, self.people, self.m.region
        size = rng.randint(*self.shape["team"])
        team: list[tuple[_Person, str]] = []
        chosen: list[_Person] = []

        def add(kind: str, role: str, where: str = region) -> None:
            person = people.pick(kind, where, chosen)
            if person is not None and len(team) < size:
                chosen.append(person)
                team.append((person, role))

        add("kam", "account_manager")
        self.owner = team[0][0]
        if self.tier != "development" or rng.random() < 0.3:
            if self.tier == "strategic" and rng.random() < 0.5:  # our top management sponsors strategic accounts
                add("management", "executive_sponsor", "*")
            else:
                add("country", "executive_sponsor")
        plan = ["specialist", "service", "support", "specialist", "sales", "service", "support", "specialist"]
        roles = {"specialist": "specialist", "service": "service", "support": "technical_support", "sales": "sales"}
        for kind in plan:
            add(kind, roles[kind])
        if self.tier == "strategic" and rng.random() < 0.3:
            add("management", "management", "*")
        while len(team) < size:
            add(rng.choice(["kam", "specialist", "service"]), "sales")
        self.team = team

        # coverage: who of ours knows whom, by role and unit
        active = self.active()
        affinity = {"account_manager": None, "executive_sponsor": {"mgmt", "finance"}, "management": {"logistics", "it"},
                    "sales": {"purchasing", "logistics", "sales"}, "specialist": {"it", "logistics", "production"},
                    "technical_support": {"it", "logistics", "production", "quality"},
                    "service": {"logistics", "production", "quality", "hr"}}
        covers: dict[int, list[tuple[int, str]]] = {i: [] for i in range(len(team))}
        covered: dict[int, int] = {}
        for i, (person, role) in enumerate(team):
            wanted = affinity[role]
            if role == "account_manager":
                pool = [s for s in active if s.level <= 1 or s.influence == "high" or s.unit == "purchasing"
                        or rng.random() < 0.35]
            elif role == "executive_sponsor":
                pool = [s for s in active if s.level == 0 or (s.level == 1 and s.unit in wanted)]
                pool += rng.sample([s for s in active if s.level == 1 and s not in pool], k=min(1, len(active)))
            else:
                pool = [s for s in active if s.unit in wanted and s.level >= 1]
                pool = rng.sample(pool, min(len(pool), rng.randint(2, 6))) if pool else rng.sample(active[1:], 2)
            for s in sorted(set(x.index for x in pool)):
                stake = self.stakeholders[s]
                strength = rng.choices(["strong", "medium", "weak"],
                                       [45, 35, 20] if stake.attitude in ("champion", "supporter") else [20, 45, 35])[0]
                covers[i].append((s, strength))
                covered[s] = covered.get(s, 0) + 1
        # decision makers get a second contact, mostly (the care model asks for two)
        helpers = [i for i, (_, role) in enumerate(team) if role != "account_manager"]
        for s in self.decision_makers():
            if covered.get(s.index, 0) < 2 and helpers and rng.random() < 0.85:
                i = rng.choice(helpers)
                if all(x != s.index for x, _ in covers[i]):
                    covers[i].append((s.index, rng.choice(["medium", "weak", "strong"])))
                    covered[s.index] = covered.get(s.index, 0) + 1
        # and almost everyone has somebody
        for s in active:
            if not covered.get(s.index) and rng.random() < 0.9:
                i = rng.randrange(len(team))
                covers[i].append((s.index, rng.choice(["medium", "weak"])))
                covered[s.index] = 1
        # contact dates: the stakeholder's last contact is the latest of its coverers'
        # mostly within the tier's contact interval; on some accounts a few people are neglected
        interval = next(t for t in TIERS if t["id"] == self.tier)["care_model"]["contact_interval_days"]
        stale = self.rng.random() < 0.2
        self.last_contact: dict[int, dt.date] = {}
        for s in self.stakeholders:
            if s.left:
                self.last_contact[s.index] = self.days_ago(200, 500)
            elif stale and s.level >= 2 and rng.random() < 0.25:
                self.last_contact[s.index] = self.days_ago(interval, 3 * interval)
            else:
                self.last_contact[s.index] = self.days_ago(1, interval - 5)
        docs = []
        for i, (person, role) in enumerate(team):
            entries = []
            for s, strength in sorted(covers[i]):
                last = self.last_contact[s]
                if rng.random() < 0.5:
                    last = last - dt.timedelta(days=rng.randint(3, 60))
                entries.append(Flow(stakeholder=self.stakeholders[s].id, strength=strength, last_contact=last))
            doc: dict = {"person": person.id, "role": role}
            resp = self.p["responsibilities"][role]
            doc["responsibilities"] = rng.sample(resp, min(len(resp), rng.randint(1, 2)))
            if entries:
                doc["covers"] = entries
            docs.append(doc)
        self.team_docs = docs

    # --- situation ----------------------------------------------------------------
    def build_products(self) -> list[dict]:
        rng, lang = self.rng, self.m.lang
        chosen = rng.sample(PRODUCTS, rng.randint(4, 6))
        chosen.sort(key=PRODUCTS.index)
        out = []
        scale = {"strategic": 400_000, "key": 120_000, "development": 30_000}[self.tier] / self.rate
        for i, (short, desc) in enumerate(chosen):
            if self.status == "customer":
                status = "owned" if i < rng.randint(1, 3) else rng.choice(["missing", "missing", "pilot", "competitor",
                                                                            "not_relevant"])
            else:
                status = rng.choice(["missing", "competitor", "competitor", "not_relevant"])
            product: dict = {"name": f"Merevaik {short} – {desc[lang]}", "status": status}
            if status != "not_relevant":
                product["potential"] = int(round(scale * rng.uniform(0.3, 2.0), -4))
            if status == "competitor":
                product["competitor"] = rng.choice(COMPETITORS[self.m.country])
            if status in ("missing", "pilot", "competitor") and rng.random() < 0.6:
                product["notes"] = self.deal("product_notes")
            out.append(product)
        return out

    def build_competitors(self) -> list[dict]:
        rng = self.rng
        names = rng.sample(COMPETITORS[self.m.country], rng.randint(1, 2))
        if rng.random() < 0.3:
            names.append(self.p["own_it"])
        out, left = [], 100 if self.status == "prospect" else 50
        for name in names:
            share = rng.randint(0, max(0, left // 2)) // 5 * 5
            left -= share
            out.append({"name": name, "share": share,
                        "satisfaction": rng.choice(["happy", "neutral", "unhappy", "unhappy"]),
                        "notes": self.deal("competitor_notes")})
        if names[-1] == self.p["own_it"]:
            del out[-1]["notes"]
        return out

    def build_revenue(self) -> list[dict]:
        if self.status != "customer":
            return []
        rng = self.rng
        low, high = self.shape["revenue"]
        base = rng.uniform(low, high) / self.rate
        growth = rng.uniform(-0.02, 0.05)
        year, q = _quarter(self.today)
        out = []
        step = 10_000 if self.m.currency == "NOK" else 1_000
        for k in range(-7, 1):
            py, pq = _shift_quarter(year, q, k)
            season = {1: 0.93, 2: 1.0, 3: 1.02, 4: 1.05}[pq]
            amount = base * (1 + growth) ** (k + 7) * season * rng.uniform(0.92, 1.08)
            entry = Flow(period=f"{py}-Q{pq}", amount=int(round(amount / step)) * step)
            if k == 0:
                entry["forecast"] = True
            out.append(entry)
        return out

    def build_relationship(self) -> dict:
        rng, h = self.rng, self.p["history"]
        year = self.today.year
        if self.status == "customer":
            start = rng.randint(year - 10, year - 1)
            since = dt.date(start, rng.randint(1, 12), 1)
            champion = next((s for s in self.stakeholders if s.attitude == "champion"), self.stakeholders[1])
            lines = [f"{start} – " + h["start"].format(n=max(10, self.fleet // 5 // 10 * 10), person=champion.name)]
            events = ["full", "product", "complaint", "people", "price", "tender"]
            years = sorted(rng.sample(range(start + 1, year + 1), min(year - start, rng.randint(2, 4))))
            for y, event in zip(years, rng.sample(events, len(years))):
                other = rng.choice(self.stakeholders[:max(2, len(self.stakeholders) // 3)])
                lines.append(f"{y} – " + h[event].format(
                    n=self.fleet, product=self.product_name(), title=other.title[0].lower() + other.title[1:]
                    if self.m.lang != "en" and other.title[1:2].islower() else other.title, person=other.name, competitor=rng.choice(COMPETITORS[self.m.country])))
        else:
            start = rng.randint(year - 2, year)
            since = dt.date(start, rng.randint(1, min(12, self.today.month)), 1) if start == year else \
                dt.date(start, rng.randint(1, 12), 1)
            lines = [f"{start} – " + h["first"]]
            if start < year:
                lines.append(f"{year} – " + h["pilot_offer"])
        return {"since": since, "history": Literal("\n".join(lines) + "\n")}

    # --- goals and reviews ------------------------------------------------------
    def build_goals(self, revenue: list[dict]) -> list[dict]:
        rng, p, year = self.rng, self.p, self.today.year
        ids = p["goal_ids"]
        goals: list[dict] = []
        self.goal_values: dict[str, dict] = {}
        if revenue:
            by_year: dict[int, int] = {}
            for r in revenue:
                y = int(r["period"][:4])
                by_year[y] = by_year.get(y, 0) + r["amount"]
            last_year, this_year = by_year.get(year - 1, 0), by_year.get(year, 0)
            prev_target = int(round(last_year * rng.uniform(0.95, 1.12), -4))
            goals.append({"id": f"g-{ids['revenue']}-{year - 1}", "horizon": "short",
                          "title": p["revenue_goal"].format(amount=_money(self.m.lang, prev_target, self.m.currency),
                                                            year=year - 1),
                          "metric": p["revenue_metric"].format(currency=self.m.currency), "target": prev_target,
                          "due": dt.date(year - 1, 12, 31),
                          "status": "achieved" if last_year >= prev_target else "missed", "result": last_year})
            target = int(round(max(this_year, last_year) * rng.uniform(1.0, 1.1), -4))
            goals.append({"id": f"g-{ids['revenue']}-{year}", "horizon": "short",
                          "title": p["revenue_goal"].format(amount=_money(self.m.lang, target, self.m.currency),
                                                            year=year),
                          "metric": p["revenue_metric"].format(currency=self.m.currency), "baseline": last_year,
                          "target": target, "due": dt.date(year, 12, 31), "status": "open"})
            self.goal_values[goals[-1]["id"]] = {"kind": "revenue", "revenue": revenue, "target": target}
            self.goal_values[goals[-2]["id"]] = {"kind": "revenue", "revenue": revenue, "target": prev_target}
        count = rng.randint(*self.shape["goals"]) if revenue else max(2, rng.randint(*self.shape["goals"]))
        kinds = rng.sample(["product", "contacts", "reference", "share", "nps"], count)
        for i, kind in enumerate(kinds):  # at least one long-term goal, and a short one
            spec = p["goals"][kind]
            horizon = "long" if kind in ("product", "share") or i == 0 or rng.random() < 0.2 else "short"
            if not revenue and i == count - 1 and all(g["horizon"] == "long" for g in goals):
                horizon = "short"
            due = (dt.date(year + rng.randint(1, 2), rng.choice([3, 6, 9, 12]), 28) if horizon == "long"
                   else self.days_ahead(20, 200))
            goal: dict = {"id": f"g-{ids.get(kind, '')}" if kind != "product" else "", "horizon": horizon}
            if kind == "product":
                short = rng.choice(PRODUCTS[2:])[0]
                goal["id"] = f"g-{short.lower()}"
                goal["title"] = spec[0].format(product=f"Merevaik {short}")
                goal["metric"] = spec[1].format(product=f"Merevaik {short}")
                goal["baseline"] = rng.randint(0, self.fleet // 4)
                goal["target"] = self.fleet
            elif kind == "contacts":
                goal["title"], goal["metric"] = spec
                goal["baseline"] = rng.randint(0, len(self.decision_makers()) // 2)
                goal["target"] = len(self.decision_makers())
            elif kind == "reference":
                goal["title"], goal["metric"], goal["target"] = spec
            elif kind == "share":
                pct = rng.choice([50, 60, 70, 80])
                goal["title"] = spec[0].format(pct=pct)
                goal["metric"] = spec[1]
                goal["baseline"] = pct - rng.choice([15, 20, 30])
                goal["target"] = pct
            else:
                n = rng.choice([30, 40, 50])
                goal["title"] = spec[0].format(n=n)
                goal["metric"] = spec[1]
                goal["baseline"] = n - rng.choice([10, 20, 25])
                goal["target"] = n
            goal["due"] = due
            goal["status"] = "open"
            goals.append(goal)
            self.goal_values[goal["id"]] = {"kind": kind, "goal": goal}
        return goals

    def build_reviews(self, goals: list[dict]) -> list[dict]:
        rng, p = self.rng, self.p
        year, q = _quarter(self.today)
        candidates = []
        for k in range(-6, 0):
            py, pq = _shift_quarter(year, q, k)
            held = _quarter_end(py, pq) + dt.timedelta(days=rng.randint(8, 30))
            if held <= self.today:
                candidates.append((f"{py}-Q{pq}", held))
        count = rng.choice([4, 4, 5])
        if len(candidates) > 4 and rng.random() < 0.1:  # the last review is overdue
            candidates = candidates[:-1]
        candidates = candidates[-count:]
        members = [person.id for person, _ in self.team]
        reviews = []
        for period, held in candidates:
            participants = [self.owner.id] + rng.sample(members[1:], min(len(members) - 1, rng.randint(1, 3)))
            review: dict = {"period": period, "date": held, "participants": participants,
                            "with_customer": rng.random() < 0.4,
                            "summary": self.text(self.deal("review_summaries"))}
            results = []
            review_year = int(period[:4])
            for goal in goals:
                info = self.goal_values.get(goal["id"])
                if info is None or goal["due"] < held - dt.timedelta(days=92):
                    continue
                if info["kind"] == "revenue":
                    if goal["due"].year != review_year:
                        continue
                    ytd = sum(r["amount"] for r in info["revenue"]
                              if r["period"][:4] == period[:4] and r["period"] <= period)
                    final = period.endswith("Q4")
                    pace = ytd / (info["target"] * int(period[-1]) / 4)
                    status = (("achieved" if ytd >= info["target"] else "missed") if final else
                              "on_track" if pace >= 0.97 else "at_risk" if pace >= 0.9 else "off_track")
                    results.append(Flow(goal=goal["id"], status=status, value=ytd))
                elif rng.random() < 0.6:
                    result = Flow(goal=goal["id"], status=rng.choices(["on_track", "at_risk", "off_track"],
                                                                      [55, 30, 15])[0])
                    if rng.random() < 0.3:
                        result["note"] = rng.choice(p["result_notes"])
                    results.append(result)
            if results:
                review["results"] = results
            review["corrections"] = [self.text(self.deal("corrections")) for _ in range(rng.randint(1, 2))]
            review["next_review"] = held + dt.timedelta(days=rng.choice([84, 91, 91, 98]))
            reviews.append(review)
        return reviews

    # --- buying, tenders, proposals -------------------------------------------------
    def build_buying_process(self) -> dict:
        rng, p = self.rng, self.p
        limit = _money(self.m.lang, rng.choice([50_000, 100_000, 250_000]) * (10 if self.m.currency == "NOK" else 1),
                       self.m.currency)
        steps_all = p["steps"]
        picked = sorted(rng.sample(range(len(steps_all)), rng.randint(3, 5)))
        active = self.active()
        by_unit = {
            0: [s for s in active if s.unit in ("logistics", "production", "quality") and s.level <= 3],
            1: [s for s in active if s.unit == "it"],
            2: [s for s in active if s.unit in ("purchasing", "finance") and s.level <= 2],
            3: [s for s in active if s.level <= 1 and ("economic" in s.roles or s.level == 0)],
            4: [s for s in active if s.level == 0 or s.unit == "purchasing"],
        }
        steps = []
        for i in picked:
            name, duration = steps_all[i]
            pool = by_unit[i] or active[:3]
            chosen = sorted(rng.sample(pool, min(len(pool), rng.randint(1, 3))), key=lambda s: s.index)
            step = {"name": name, "stakeholders": [s.id for s in chosen], "duration": duration}
            if rng.random() < 0.25:
                step["notes"] = self.deal("step_notes")
            steps.append(step)
        return {"summary": Folded(rng.choice(p["buying_summary"]).format(limit=limit)), "steps": steps}

    def build_tenders(self) -> list[dict]:
        rng, p = self.rng, self.p
        count = rng.randint(1, 2) if self.tier != "development" else 1
        taken: set = set()
        out = []
        for _ in range(count):
            when = self.days_ahead(-200, 420)
            title = self.text(self.deal("tender"), year=when.year, year2=when.year + 3)
            tender: dict = {"id": unique("t-" + slug(title, 3, 30), taken), "title": title, "date": when}
            if rng.random() < 0.3:
                tender["preparation_months"] = rng.choice([6, 9, 12])
            value = {"strategic": 2_000_000, "key": 600_000, "development": 150_000}[self.tier] / self.rate
            tender["value"] = int(round(value * rng.uniform(0.4, 1.6), -4))
            if when > self.today:
                tender["status"] = "expected" if when > self.today + dt.timedelta(days=90) else "announced"
            else:
                tender["status"] = rng.choice(["submitted", "won", "lost", "cancelled"]) \
                    if when < self.today - dt.timedelta(days=60) else "submitted"
            tender["notes"] = rng.choice(p["tender_notes"])
            out.append(tender)
        return sorted(out, key=lambda t: t["date"])

    def build_proposals(self) -> list[dict]:
        rng, p = self.rng, self.p
        taken: set = set()
        readers_pool = self.decision_makers() + [s for s in self.active() if s.unit == "purchasing"]
        out = []
        for _ in range(rng.randint(*self.shape["proposals"])):
            sent = self.days_ago(3, 400)
            expires = sent + dt.timedelta(days=rng.choice([30, 45, 60, 90]))
            title = self.text(self.deal("proposal"), n=10 * rng.randint(2, 15), year=sent.year + 1,
                              year2=sent.year + 4)
            proposal: dict = {"id": unique("p-" + slug(title, 3, 30), taken), "title": title, "sent": sent,
                              "expires": expires}
            scale = {"strategic": 900_000, "key": 250_000, "development": 60_000}[self.tier] / self.rate
            proposal["value"] = int(round(scale * rng.uniform(0.3, 1.5), -3))
            if expires >= self.today:
                proposal["status"] = "sent"
            else:
                proposal["status"] = rng.choice(["accepted", "accepted", "rejected", "expired"])
            unique_readers = list({s.index: s for s in readers_pool}.values())
            chosen = sorted(rng.sample(unique_readers, min(len(unique_readers), rng.randint(2, 4))),
                            key=lambda s: s.index)
            proposal["readers"] = [s.id for s in chosen]
            if proposal["status"] == "sent":
                proposal["follow_up"] = {"receipt_confirmed": rng.random() < 0.8,
                                         "next_step": rng.choice(p["next_step"]), "urgent": rng.choice(p["urgent"]),
                                         "discussion_date": self.days_ahead(3, 30)}
            out.append(proposal)
        return sorted(out, key=lambda x: x["sent"], reverse=True)

    # --- actions and commitments ------------------------------------------------------
    def build_actions(self, tenders: list[dict]) -> list[dict]:
        rng, p = self.rng, self.p
        taken: set = set()
        members = [person.id for person, _ in self.team]
        active = self.active()
        out = []
        n = rng.randint(*self.shape["actions"])
        upcoming = [t for t in tenders if t["date"] > self.today]
        for i in range(n):
            tender = upcoming[0] if upcoming and i == 0 else None
            title = p["tender_action"] if tender else self.text(self.deal("actions"))
            status = rng.choices(["done", "in_progress", "open"], [35, 25, 40])[0]
            if status == "done":
                due = self.days_ago(5, 200)
            elif status == "in_progress":
                due = self.days_ahead(-20, 60)
            else:
                due = self.days_ahead(-30, 120)
            if tender:
                status, due = "in_progress", min(tender["date"] - dt.timedelta(days=14), self.days_ahead(10, 60))
                due = max(due, self.today)
            action: dict = {"id": unique("a-" + slug(title, 3, 30), taken), "title": title,
                            "owner": self.owner.id if rng.random() < 0.4 else rng.choice(members), "due": due,
                            "status": status}
            if status == "done":
                action["done"] = min(self.today, due + dt.timedelta(days=rng.randint(-10, 7)))
            action["stakeholders"] = [s.id for s in sorted(rng.sample(active, min(len(active), rng.randint(1, 3))),
                                                          key=lambda s: s.index)]
            if tender:
                action["tender"] = tender["id"]
            if rng.random() < 0.15:
                action["notes"] = self.deal("action_notes")
            out.append(action)
        # most powerful blockers have a plan to win them over
        open_actions = [a for a in out if a["status"] != "done" and "tender" not in a]
        for s in active:
            if s.attitude in ("sceptic", "blocker") and s.influence == "high" and open_actions \
                    and rng.random() < 0.8:
                action = rng.choice(open_actions)
                if s.id not in action["stakeholders"]:
                    ids = set(action["stakeholders"]) | {s.id}
                    action["stakeholders"] = [x.id for x in active if x.id in ids]
        return sorted(out, key=lambda a: a["due"])

    def build_commitments(self) -> list[dict]:
        rng, p = self.rng, self.p
        taken: set = set()
        members = [person.id for person, _ in self.team]
        active = self.active()
        out = []
        for _ in range(rng.randint(*self.shape["commitments"])):
            made = self.days_ago(10, 240)
            due = made + dt.timedelta(days=rng.randint(7, 60))
            promise = self.text(self.deal("promises"))
            c: dict = {"id": unique("c-" + slug(promise, 3, 30), taken), "promise": promise,
                       "owner": self.owner.id if rng.random() < 0.5 else rng.choice(members),
                       "to": rng.choice(active).id, "made": made, "due": due}
            reschedules = []
            previous, moved_on = due, made
            for _ in range(rng.choices([0, 1, 2], [55, 30, 15])[0]):
                latest = min(previous, self.today)
                if latest < moved_on:
                    break
                moved_on = moved_on + dt.timedelta(days=rng.randint(0, (latest - moved_on).days))
                previous = previous + dt.timedelta(days=rng.randint(5, 30))
                reschedules.append({"date": moved_on, "new_due": previous, "reason": rng.choice(p["reasons"]),
                                    "customer_told": rng.random() < 0.75})
            final = previous
            if final < self.today:
                status = rng.choices(["kept", "broken", "open", "cancelled"], [75, 8, 12, 5])[0]
            else:
                status = "kept" if rng.random() < 0.15 else "open"
            c["status"] = status
            if status == "kept":
                c["delivered"] = max(made, min(self.today, final + dt.timedelta(days=rng.randint(-7, 3))))
            if reschedules:
                c["reschedules"] = reschedules
            out.append(c)
        return sorted(out, key=lambda c: c["made"])


# =============================================================================
# The repository
# =============================================================================

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{kind}.schema.json"
SYNTHETIC = "# Synthetic demo data written by `kam demo --seed {seed}`: every name and figure is invented."

# The settings of the project's own mkdocs.yml, with `today` pinned to the date
# the demo's dates were placed around (else "overdue" drifts with the clock).
MKDOCS_YML = """\
# The key-account site: `mkdocs serve` shows it at http://127.0.0.1:8000 and
# rebuilds when a plan changes; `mkdocs build --strict` builds it into site/.
# The pages are generated from accounts/ by the `kam` plugin.
site_name: {company} – key accounts (demo)
site_description: Key-account plans, decision-maker maps and team matrices (synthetic demo data)
docs_dir: docs
site_dir: site
use_directory_urls: true

theme:
  name: material
  font: false  # system fonts: no request to Google Fonts, works offline
  features:
    - navigation.tabs
    - navigation.top
    - search.highlight
    - search.suggest
    - toc.follow
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode

# Only the overview pages are in the navigation: account and person pages are
# reached from their tables.
nav:
  - Portfolio: index.md
  - Dashboard: dashboard.md
  - Accounts: accounts/index.md
  - People: people/index.md

plugins:
  - search
  - kam:
      # The demo's dates are placed around {today}: "overdue" is judged on that day.
      # Remove the line to judge on the real date.
      today: {today}
      # Personal data (stakeholders' `private:`) is left out unless asked for:
      # KAM_INCLUDE_PRIVATE=1 mkdocs build.
      include_private: !ENV [KAM_INCLUDE_PRIVATE, false]

markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
{extra_css}
validation:
  anchors: warn
"""
EXTRA_CSS = "\nextra_css:\n  - assets/kam.css\n"

GITIGNORE = "# built site and kam's cache\nsite/\n.cache/\n"


@dataclass
class DemoResult:
    accounts: int
    people: int
    files: int
    lines: int


def _choose_tiers(rng: Random, n: int) -> list[str]:
    strategic = round(n * TIER_SHARE[0][1])
    key = round(n * TIER_SHARE[1][1])
    if n >= 3:
        strategic = max(1, strategic)
    if n >= 2:
        key = max(1, key)
    if n == 1:
        key = 1
    tiers = ["strategic"] * strategic + ["key"] * key + ["development"] * (n - strategic - key)
    rng.shuffle(tiers)
    return tiers


def _company(rng: Random, lang: str, country: str, taken_ids: set, taken_names: set) -> tuple[str, str]:
    p = PACKS[lang]
    roots = p["company_roots"][country] if isinstance(p["company_roots"], dict) else p["company_roots"]
    forms = p["company_forms"][country] if isinstance(p["company_forms"], dict) else p["company_forms"]
    for attempt in range(8):
        root, kind, form = rng.choice(roots), rng.choice(p["company_kinds"]), rng.choice(forms)
        if lang == "ru":
            name = form.format(form="SIA" if country == "LV" else "AS", root=root, kind=kind)
        else:
            name = form.format(root=root, kind=kind)
        if attempt == 7 or name not in taken_names:
            break
    if name in taken_names:  # a second company of the same name elsewhere: say where
        name = f"{name} ({rng.choice(CITIES[(lang, country)])[0]})"
    while name in taken_names:
        name = f"{name} {len(taken_names)}"
    taken_names.add(name)
    base = slug(f"{root} {kind}", 4, 50)
    return name, unique(base, taken_ids)


def build_portfolio(accounts: int, seed: int = DEFAULT_SEED, today: dt.date = DEFAULT_TODAY) -> dict[str, str]:
    """Every file of the demo repository: relative path -> text. Pure and deterministic."""
    if accounts < 1:
        raise DemoError("--accounts must be at least 1")
    rng = Random(seed)
    markets = [_Market(lang, country, names, currency, region)
               for lang, country, _, names, currency, region in MARKETS]
    weights = [w for _, _, w, _, _, _ in MARKETS]
    # every market (so every language) once when there is room, the rest by weight
    picked = markets[:accounts] + [rng.choices(markets, weights)[0] for _ in range(accounts - len(markets))]
    rng.shuffle(picked)
    tiers = _choose_tiers(rng, accounts)
    per_region: dict[str, int] = {}
    for market in picked:
        per_region[market.region] = per_region.get(market.region, 0) + 1
    people = _People(rng, per_region, accounts)
    for person in people.people:
        if "left" in person.doc:
            person.doc["left"] = today - dt.timedelta(days=rng.randint(30, 300))

    files: dict[str, str] = {}
    taken_ids: set = set()
    taken_names: set = set()
    key_revenue: dict[str, float] = {}
    all_revenue: dict[str, float] = {}
    for i, (market, tier) in enumerate(zip(picked, tiers)):
        name, plan_id = _company(rng, market.lang, market.country, taken_ids, taken_names)
        builder = _AccountBuilder(Random(rng.getrandbits(64)), today, people, market, tier, name, plan_id)
        plan, header, facts = builder.build()
        for period, amount in facts["revenue_eur"].items():
            all_revenue[period] = all_revenue.get(period, 0) + amount
            if tier != "development":
                key_revenue[period] = key_revenue.get(period, 0) + amount
        lines = [SCHEMA_LINE.format(kind="plan")] + [f"# {line}" for line in header] + [SYNTHETIC.format(seed=seed)]
        files[f"accounts/{plan_id}.yaml"] = dump(plan, lines, PLAN_SECTIONS)

    # our revenue: the key accounts make 30-55 % of it (the Norwegian article's healthy range)
    revenue = []
    for period in sorted(all_revenue):
        share = rng.uniform(0.36, 0.5)
        total = max(key_revenue.get(period, 0) / share, all_revenue[period] * 1.6, 1_000_000)
        revenue.append({"period": period, "amount": int(round(total, -4))})
    portfolio = {"company": OUR_COMPANY, "currency": "EUR"}
    if revenue:
        portfolio["revenue"] = revenue
    portfolio["exchange_rates"] = dict(EXCHANGE_RATES)
    portfolio["tender_preparation_months"] = 9
    portfolio["tiers"] = TIERS
    files["accounts/_portfolio.yaml"] = dump(portfolio, [
        SCHEMA_LINE.format(kind="portfolio"), f"# Portfolio settings for {OUR_COMPANY}.",
        "# Our revenue is booked quarters only; the current quarter is added after the books close.",
        SYNTHETIC.format(seed=seed)], frozenset({"revenue", "exchange_rates", "tiers"}))
    files["accounts/_people.yaml"] = dump({"people": [p.doc for p in people.people]}, [
        SCHEMA_LINE.format(kind="people"), f"# {OUR_COMPANY} – our people who work on key accounts.",
        "# Plans name people by id (owner, team, actions, commitments, reviews).", SYNTHETIC.format(seed=seed)])
    # the tool's own files a plans repository needs: the schemas (for the editor line) and the site's CSS
    tool = Path(__file__).resolve().parent.parent
    for kind in ("plan", "portfolio", "people"):
        source = schema_path(kind)
        if source.is_file():
            files[f"schema/{kind}.schema.json"] = source.read_text(encoding="utf-8")
    css = tool / "docs" / "assets" / "kam.css"
    if css.is_file():
        files["docs/assets/kam.css"] = css.read_text(encoding="utf-8")
    files["docs/.gitkeep"] = ""
    files["mkdocs.yml"] = MKDOCS_YML.format(company=OUR_COMPANY, today=today.isoformat(),
                                            extra_css=EXTRA_CSS if css.is_file() else "")
    files[".gitignore"] = GITIGNORE
    return files


def write_demo(out: Path, accounts: int, seed: int = DEFAULT_SEED, today: dt.date = DEFAULT_TODAY,
               force: bool = False) -> DemoResult:
    """Write the demo repository into `out` (created when missing)."""
    if out.exists() and not out.is_dir():
        raise DemoError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise DemoError(f"{out} is not empty; choose an empty or new folder, or pass --force to write into it")
        # plans of an earlier run would name people and tiers that no longer exist: replace them
        accounts_dir = out / "accounts"
        if accounts_dir.is_dir():
            for old in sorted(accounts_dir.iterdir()):
                if old.is_file() and old.suffix in (".yaml", ".yml"):
                    old.unlink()
    files = build_portfolio(accounts, seed, today)
    lines = 0
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if relative.startswith("accounts/") and not relative.startswith("accounts/_"):
            lines += text.count("\n")
    people = files["accounts/_people.yaml"].count("\n  - id: ")
    return DemoResult(accounts, people, len(files), lines)
