"""Names and ids: folding names to ASCII, slugs, unique ids, and the pools of people's names by country."""

from __future__ import annotations

import re
import unicodedata
from random import Random


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
