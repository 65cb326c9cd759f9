"""A dateline's place against the house style (``dateline-style``).

* ap: the city in capitals; a US state as AP abbreviates it ("TACOMA, Wash.", not
  "TACOMA, WA"; Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah written out);
  the cities AP lets stand alone ("SEATTLE", "NEW YORK", "LONDON") without a state or
  country.
* wire: the city in capitals ("SEATTLE--(BUSINESS WIRE)--"); the state as written.
* any (the default): nothing; the wire services' "TACOMA, WA" is as good as AP's.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from .. import Kind
from .release_parts import dateline

# Postal code -> AP's abbreviation (or the name AP writes out).
AP_STATES = {
    "AL": "Ala.", "AK": "Alaska", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "HI": "Hawaii", "ID": "Idaho", "IL": "Ill.",
    "IN": "Ind.", "IA": "Iowa", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "ME": "Maine", "MD": "Md.",
    "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.",
    "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OH": "Ohio", "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
    "TN": "Tenn.", "TX": "Texas", "UT": "Utah", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.",
    "WI": "Wis.", "WY": "Wyo.",
}
STATE_NAMES = {
    "Alabama": "AL", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA", "Illinois": "IL", "Indiana": "IN",
    "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA", "Maryland": "MD", "Massachusetts": "MA",
    "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO", "Montana": "MT",
    "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM",
    "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Oklahoma": "OK", "Oregon": "OR",
    "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD",
    "Tennessee": "TN", "Vermont": "VT", "Virginia": "VA", "Washington": "WA", "West Virginia": "WV",
    "Wisconsin": "WI", "Wyoming": "WY",
}
# AP's datelines that stand alone (AP Stylebook, "datelines"): US cities, then others.
STANDALONE_CITIES = frozenset(name.strip() for name in """
ATLANTA, BALTIMORE, BOSTON, CHICAGO, CINCINNATI, CLEVELAND, DALLAS, DENVER, DETROIT, HONOLULU, HOUSTON,
INDIANAPOLIS, LAS VEGAS, LOS ANGELES, MIAMI, MILWAUKEE, MINNEAPOLIS, NEW ORLEANS, NEW YORK, OKLAHOMA CITY,
PHILADELPHIA, PHOENIX, PITTSBURGH, ST. LOUIS, SALT LAKE CITY, SAN ANTONIO, SAN DIEGO, SAN FRANCISCO, SEATTLE,
WASHINGTON,
AMSTERDAM, BAGHDAD, BANGKOK, BEIJING, BEIRUT, BERLIN, BRUSSELS, CAIRO, DJIBOUTI, DUBLIN, FRANKFURT, GENEVA,
GIBRALTAR, GUATEMALA CITY, HAVANA, HELSINKI, HONG KONG, ISLAMABAD, ISTANBUL, JERUSALEM, JOHANNESBURG, KABUL,
KUWAIT CITY, LONDON, LUXEMBOURG, MACAU, MADRID, MEXICO CITY, MILAN, MONACO, MONTREAL, MOSCOW, MUNICH,
NEW DELHI, OTTAWA, PANAMA CITY, PARIS, PRAGUE, QUEBEC CITY, RIO DE JANEIRO, ROME, SAN MARINO, SAO PAULO,
SHANGHAI, SINGAPORE, STOCKHOLM, SYDNEY, TOKYO, TORONTO, VATICAN CITY, VIENNA, ZURICH""".split(","))
_CAPITALS = ("ap", "wire")  # the styles that set the city in capitals
# Lower-case words a dateline's place may hold between capitals ("MILFORD and BRIGHTON").
_CONNECTORS = frozenset({"and", "de", "la", "du", "del", "of", "upon", "on", "am", "&"})


class DatelinePlaceStyle(Kind):
    # ``message``: a postal code for AP's abbreviation; "spelled": a state name AP
    # abbreviates; "standalone": a city that stands alone, with a state or country;
    # "city-case": a city not in capitals.
    MESSAGES = ("spelled", "standalone", "city-case")
    FIX = "always"
    TITLES = ("standalone", "city-case")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        style = self.settings.conventions.dateline_style
        if style not in _CAPITALS:
            return
        line = dateline(doc, self.settings.dates)
        if line is None or line.city is None:
            return
        prose = doc.prose
        city = prose[line.city.start:line.city.end].strip("*_ ")
        start = line.city.start + prose[line.city.start:line.city.end].find(city)
        span = Span(start, start + len(city))
        if any(word != word.upper() for word in city.split() if word not in _CONNECTORS):
            yield self.rule.report(doc, span, Edit(span, city.upper()), key="city-case", title="city-case",
                                   found=city, right=city.upper(), style=style)
        if style != "ap" or line.state is None or line.place is None:
            return
        state = prose[line.state.start:line.state.end]
        if city.upper() in STANDALONE_CITIES:
            cut = Span(span.end, line.place.end)
            yield self.rule.report(doc, cut, Edit(cut, ""), key="standalone", title="standalone",
                                   found=prose[cut.start:cut.end], city=city.upper(), right=city.upper())
            return
        if state in AP_STATES and AP_STATES[state] != state:
            right = AP_STATES[state]
            yield self.rule.report(doc, line.state, Edit(line.state, right), found=state, right=right)
        elif state in STATE_NAMES and AP_STATES[STATE_NAMES[state]] != state:
            right = AP_STATES[STATE_NAMES[state]]
            yield self.rule.report(doc, line.state, Edit(line.state, right), key="spelled", found=state,
                                   right=right)
