"""The shared pools the demo draws from: who we are, the language packs, products,
competitors, cities, markets, our sales regions and the tiers of the portfolio settings.

Pure data. The text of each language lives in its own module (`pool_et` ...
`pool_en`); `PACKS` maps a plan's language to it.
"""

from __future__ import annotations

from .pool_en import EN
from .pool_et import ET
from .pool_fi import FI
from .pool_no import NO
from .pool_ru import RU
from .yamlout import Folded

OUR_COMPANY = "Merevaik Telematics AS"
OUR_DOMAIN = "merevaik.example.com"

UNIT_KEYS = ("finance", "logistics", "it", "purchasing", "production", "quality", "sales", "hr")

# Per language: the customer's units and titles, what each unit's people want from
# a proposal (the Norwegian article: argue per reader), and every phrase of a plan.
PACKS: dict[str, dict] = {"et": ET, "fi": FI, "no": NO, "ru": RU, "en": EN}

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
