"""A placeholder left in the release: "TK", "[INSERT QUOTE]", "[Company Name]", "XX%",
"$X million", "{{name}}", "Lorem ipsum", "TBD", "FPO", "@@", "??".

Each is a marker writers leave for what is still to come; none belongs on the wire. What
looks alike and is left alone: "TK" as a ticker ("NYSE: TK") or the start of a name ("TK
Elevator"), and "TK" inside a word; "TBD"/"TBA"/"TBC" after words that mean it ("dates
TBD", "Venue: TBA", "speakers to be announced" is no marker either); Markdown link text
("[Company Name](https://...)") and reference links; "??" after a word (a doubled question
mark is punctuation); Roman numerals ("Super Bowl XX": an "X" placeholder needs "%", "$",
a month or a unit beside it).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from ...lazyre import LazyPattern
from .. import Kind

_PLACEHOLDER_WORDS = (
    "Company|Client|Product|Brand|Partner|Customer|Spokesperson|Executive|Exec|CEO|Contact|Media Contact"
    "|City|State|Country|Date|Day|Month|Year|Name|First Name|Last Name|Full Name|Title|Job Title|Quote"
    "|Headline|Subhead|Website|Web Site|URL|Link|Phone|Phone Number|Email|E-mail|Email Address|Number"
    "|Amount|Percent|Percentage|Location|Venue|Event|Time|Organization|Organisation|Boilerplate"
    "|Description|Logo|Image|Photo|Price|Ticker|Address|Dateline|Your|Insert|Add|Placeholder"
)
_MONTHS = ("Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_UNITS = r"(?:%|percent|per cent|million|billion|thousand|trillion|[MBK]\b)"
# Each kind of placeholder: a literal that every one contains (a document without it is not
# searched), and a regex that starts with a literal or a set of characters, so that the
# regex engine skips to the candidates at C speed. A word's start is checked after the match
# (``_WORD_START``): a look-behind in front would cost a try at every character. Each is
# compiled when a document first holds its literal (LazyPattern): all at import cost 17 ms
# of every run's start.
FINDERS: tuple[tuple[str, str, LazyPattern], ...] = (
    ("tk", "TK", LazyPattern(r"TK(?:TK)*\b")),
    ("bracket", "[", LazyPattern(
        r"\[(?:(?i:insert|add|tbd|tbc|tk|placeholder|xx+)\b[^\]\n]{0,80}"
        rf"|(?:{_PLACEHOLDER_WORDS})(?: [A-Z][\w'’-]*| of [A-Z][\w'’-]*| or [A-Z][\w'’-]*|[,/] ?[A-Z][\w'’-]*){{0,4}}"
        r"|[A-Z]{2,}(?: [A-Z/&'’-]{2,}){1,6}|[A-Z]{3,} HERE)\]")),
    ("angle", "<", LazyPattern(r"<(?i:insert|add)\b[^>\n]{0,80}>")),
    ("insert", "INSERT", LazyPattern(r"INSERT(?: [A-Z]{2,}){1,4}\b")),
    ("dollar", "$", LazyPattern(r"\$ ?X+(?:[.,]X+)?\b")),
    ("x", "X", LazyPattern(rf"X{{1,3}}(?:[.,]X+)?(?= ?{_UNITS})|X{{3,}}\b|XX/XX(?:/XX(?:XX)?)?\b")),
    ("date", " X", LazyPattern(rf"(?:{_MONTHS})\.? XX?\b|(?:19|20)XX\b")),
    ("mustache", "{{", LazyPattern(r"\{\{ ?[\w. -]{1,40} ?\}\}|\{\{\s*\}\}")),
    ("mustache", "%%", LazyPattern(r"%%[A-Z_]{2,}%%")),
    ("lorem", "orem", LazyPattern(r"[Ll](?i:orem ipsum)\b")),
    ("tbd", "TB", LazyPattern(r"TB[DAC]\b")),
    ("fpo", "FPO", LazyPattern(r"FPO\b")),
    ("at", "@@", LazyPattern(r"@@+")),
    ("marks", "??", LazyPattern(r"\?\?+(?![?!\w])")),
)
# What may stand before a placeholder that starts a word ("??" may not follow punctuation
# either: "Really??" is a doubled question mark).
_WORD_START = {"tk": "", "insert": "", "x": "$", "date": "", "lorem": "", "tbd": "", "fpo": "",
               "marks": "?!.,;:)]\"”’'"}
# Before "TK", a ticker: "(NYSE: TK)", "Nasdaq: TK", "ticker TK".
_TICKER_BEFORE = LazyPattern(r"(?:NYSE|NASDAQ|Nasdaq|AMEX|TSXV?|LSE|ASX|OTC\w*|Euronext|SIX|HKEX|ticker|symbol)"
                            r"(?: [A-Z][\w]*)?\s*[:\s]\s*$")
# After "TK" (or "TBC"), a name: "TK Elevator", "TK Maxx", "TBC Corporation", "TBC’s".
_NAME_AFTER = LazyPattern(r"[ -][A-Z][a-z]|['’]s\b| (?i:corp|corporation|inc|llc|ltd|group|company|co)\b")
# Around "TK", school grades: "PreK, TK, kindergarten" (transitional kindergarten).
_GRADES = LazyPattern(r"(?i:pre-?k|kindergarten|preschool|transitional|grades?|k-\d+|tk-\d+)")
# Before "TBD"/"TBA"/"TBC", words that make it the release's meaning, not a marker.
_MEANT_BEFORE = LazyPattern(
    r"(?i:\b(?:date|dates|time|times|timing|location|locations|venue|venues|speaker|speakers|details|schedule"
    r"|agenda|line-?up|price|prices|pricing|cost|fee|fees|winner|winners|host|hosts|guest|guests|topic|topics"
    r"|place|room|city|address|start|opponent|opponents|round|session|sessions|theme|title|release|more|others"
    r"|remaining|still|currently|yet|later|formats?|dimensions|capacity|amount|terms|model|models|name|names"
    r"|version|edition|partner|partners|sponsor|sponsors|performer|performers|artist|artists)"
    r"\b[\w \t]{0,12}[:\-–—(]?\s*)$")
_LINK_AFTER = LazyPattern(r"\]\s*[(\[:]")


class Placeholder(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        found: list[Diagnostic] = []
        for kind, literal, regex in FINDERS:
            if literal in prose:
                found.extend(self._find(doc, prose, kind, regex))
        end = -1
        for diagnostic in sorted(found, key=lambda d: (d.span.start, -d.span.end)):
            if diagnostic.span.start >= end:  # one finding for "[INSERT QUOTE HERE]", not two
                end = diagnostic.span.end
                yield diagnostic

    def _find(self, doc: Document, prose: str, kind: str, regex: LazyPattern) -> Iterator[Diagnostic]:
        text = doc.text
        not_before = _WORD_START.get(kind)
        for match in regex.finditer(prose):
            start, end = match.span()
            before = prose[start - 1:start]
            if not_before is not None and before and (before.isalnum() or before == "_" or before in not_before):
                continue
            if kind == "tk" and (_TICKER_BEFORE.search(prose, max(0, start - 40), start)
                                 or _NAME_AFTER.match(prose, end)
                                 or _GRADES.search(prose, max(0, start - 30), end + 30)):
                continue
            if kind == "tbd" and (_MEANT_BEFORE.search(prose, max(0, start - 40), start)
                                  or _NAME_AFTER.match(prose, end)):
                continue
            if kind == "bracket" and _LINK_AFTER.match(text, end - 1):
                continue
            yield self.rule.report(doc, Span(start, end), found=match.group())
