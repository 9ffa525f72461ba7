"""Place words as typed data: the world's countries, and the other ways news writing names them.

Used by ``roles`` to write an affiliation as the country's name, as the contract asks:
"US", "U.S." and "American" are the United States, "North Korean" is North Korea.
Lookups take the words as written (case-insensitive, dots kept for abbreviations).
Regions, states, provinces and towns are not listed: an affiliation keeps them as the
article writes them ("Ohio", "Kent", "Quebec").
"""
from __future__ import annotations

from typing import Final

# One country a line: its name, then the other ways news writing names it or its people's adjective.
_COUNTRIES: Final[str] = """
United States|US|U.S.|U.S.A.|USA|America|American|Americans
United Kingdom|UK|U.K.|Britain|British|Great Britain
England|English
Scotland|Scottish
Wales|Welsh
North Korea|North Korean|DPRK|Pyongyang's
South Korea|South Korean|ROK|Korea|Korean
China|Chinese|PRC|People's Republic of China
Japan|Japanese
Russia|Russian|Russian Federation
Ukraine|Ukrainian
Taiwan|Taiwanese
Hong Kong
Vietnam|Vietnamese|Viet Nam
Cambodia|Cambodian
Laos|Laotian
Thailand|Thai
Myanmar
Burma|Burmese
Malaysia|Malaysian
Singapore|Singaporean
Indonesia|Indonesian
Philippines|Philippine|Filipino
Australia|Australian
New Zealand|New Zealander
India|Indian
Pakistan|Pakistani
Afghanistan|Afghan
Bangladesh|Bangladeshi
Sri Lanka|Sri Lankan
Nepal|Nepalese|Nepali
Iran|Iranian
Iraq|Iraqi
Syria|Syrian
Lebanon|Lebanese
Israel|Israeli
Palestine|Palestinian
Jordan|Jordanian
Saudi Arabia|Saudi|Saudi Arabian
Yemen|Yemeni
Oman|Omani
Qatar|Qatari
Kuwait|Kuwaiti
Bahrain|Bahraini
United Arab Emirates|UAE|U.A.E.|Emirati
Turkey|Turkish|Turkiye
Egypt|Egyptian
Libya|Libyan
Tunisia|Tunisian
Algeria|Algerian
Morocco|Moroccan
Sudan|Sudanese
South Sudan|South Sudanese
Ethiopia|Ethiopian
Eritrea|Eritrean
Somalia|Somali
Kenya|Kenyan
Uganda|Ugandan
Tanzania|Tanzanian
Rwanda|Rwandan
Nigeria|Nigerian
Ghana|Ghanaian
Senegal|Senegalese
Mali|Malian
Niger|Nigerien
Chad|Chadian
Cameroon|Cameroonian
Congo|Congolese
Angola|Angolan
Zambia|Zambian
Zimbabwe|Zimbabwean
Mozambique|Mozambican
South Africa|South African
Namibia|Namibian
Botswana|Botswanan
Madagascar|Malagasy
Canada|Canadian
Mexico|Mexican
Guatemala|Guatemalan
Honduras|Honduran
El Salvador|Salvadoran
Nicaragua|Nicaraguan
Costa Rica|Costa Rican
Panama|Panamanian
Cuba|Cuban
Haiti|Haitian
Dominican Republic|Dominican
Jamaica|Jamaican
Puerto Rico|Puerto Rican
Colombia|Colombian
Venezuela|Venezuelan
Ecuador|Ecuadorian
Peru|Peruvian
Bolivia|Bolivian
Brazil|Brazilian
Chile|Chilean
Argentina|Argentine|Argentinian
Uruguay|Uruguayan
Paraguay|Paraguayan
Ireland|Irish
France|French
Germany|German
Italy|Italian
Spain|Spanish
Portugal|Portuguese
Netherlands|Dutch|Holland
Belgium|Belgian
Luxembourg|Luxembourgish
Switzerland|Swiss
Austria|Austrian
Denmark|Danish
Norway|Norwegian
Sweden|Swedish
Finland|Finnish
Iceland|Icelandic
Poland|Polish
Czech Republic|Czech|Czechia
Slovakia|Slovak
Hungary|Hungarian
Romania|Romanian
Bulgaria|Bulgarian
Greece|Greek
Cyprus|Cypriot
Serbia|Serbian
Croatia|Croatian
Bosnia|Bosnian
Slovenia|Slovenian
Albania|Albanian
Kosovo|Kosovar
North Macedonia|Macedonian
Montenegro|Montenegrin
Moldova|Moldovan
Belarus|Belarusian
Lithuania|Lithuanian
Latvia|Latvian
Estonia|Estonian
Georgia|Georgian
Armenia|Armenian
Azerbaijan|Azerbaijani
Kazakhstan|Kazakh
Uzbekistan|Uzbek
Turkmenistan|Turkmen
Kyrgyzstan|Kyrgyz
Tajikistan|Tajik
Mongolia|Mongolian
Vatican|Holy See
"""

# Seats of government that news writing names for a country's leadership ("the White House said").
SEATS: Final[dict[str, str]] = {
    "white house": "United States", "kremlin": "Russia", "downing street": "United Kingdom",
    "blue house": "South Korea", "elysee": "France", "élysée": "France", "elysee palace": "France",
    "zhongnanhai": "China",
}


def _key(words: str) -> str:
    return " ".join(words.replace("’", "'").split()).casefold()


def _build() -> tuple[dict[str, str], frozenset[str]]:
    countries: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        name, *others = line.split("|")
        for form in (name, *others):
            countries[_key(form)] = name
    heads = frozenset(k.split()[0] for k in countries)
    return countries, heads


COUNTRIES, _FIRST_WORDS = _build()
MAX_WORDS: Final[int] = 4


def place_name(words: str) -> str | None:
    """The country that ``words`` name ("U.S." is "United States"), else None."""
    return COUNTRIES.get(_key(words))


def may_start_place(word: str) -> bool:
    """True when ``word`` can be the first word of a listed place (for multi-word lookups)."""
    return _key(word) in _FIRST_WORDS
