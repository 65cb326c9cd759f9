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

import re
from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
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
PATTERN = re.compile(
    r"(?P<tk>\bTK(?:TK)*\b)"
    r"|(?P<bracket>\[(?:(?i:insert|add|tbd|tbc|tk|placeholder|xx+)\b[^\]\n]{0,80}"
    rf"|(?:{_PLACEHOLDER_WORDS})(?: [A-Z][\w'’-]*| of [A-Z][\w'’-]*| or [A-Z][\w'’-]*|[,/] ?[A-Z][\w'’-]*){{0,4}}"
    r"|[A-Z]{2,}(?: [A-Z/&'’-]{2,}){1,6}|[A-Z]{3,}(?: HERE)?)\])"
    r"|(?P<angle><(?i:insert|add)\b[^>\n]{0,80}>)"
    r"|(?P<insert>\bINSERT(?: [A-Z]{2,}){1,4}\b)"
    rf"|(?P<x>\bX{{1,3}}(?:[.,]X+)?(?= ?{_UNITS})|\$ ?X+(?:[.,]X+)?\b|\bX{{3,}}\b"
    rf"|\b(?:{_MONTHS})\.? XX?\b|\b(?:19|20)XX\b|\bXX/XX(?:/XX(?:XX)?)?\b)"
    r"|(?P<mustache>\{\{ ?[\w. -]{1,40} ?\}\}|\{\{\s*\}\}|%%[A-Z_]{2,}%%)"
    r"|(?P<lorem>\b(?i:lorem ipsum)\b)"
    r"|(?P<tbd>\bTB[DAC]\b)"
    r"|(?P<fpo>\bFPO\b)"
    r"|(?P<at>@@+)"
    r"|(?P<marks>(?<![\w?!.,;:)\]\"”’'])\?\?+(?![?!\w]))"
)
_PREFILTER = re.compile(r"TK|\[|<|INSERT|X|\{\{|%%|orem|TB[DAC]|FPO|@@|\?\?")
# Before "TK", a ticker: "(NYSE: TK)", "Nasdaq: TK", "ticker TK".
_TICKER_BEFORE = re.compile(r"(?:NYSE|NASDAQ|Nasdaq|AMEX|TSXV?|LSE|ASX|OTC\w*|Euronext|SIX|HKEX|ticker|symbol)"
                            r"(?: [A-Z][\w]*)?\s*[:\s]\s*$")
# After "TK" (or "TBC"), a name: "TK Elevator", "TK Maxx", "TBC Corporation", "TBC’s".
_NAME_AFTER = re.compile(r"[ -][A-Z][a-z]|['’]s\b| (?i:corp|corporation|inc|llc|ltd|group|company|co)\b")
# Around "TK", school grades: "PreK, TK, kindergarten" (transitional kindergarten).
_GRADES = re.compile(r"(?i:pre-?k|kindergarten|preschool|transitional|grades?|k-\d+|tk-\d+)")
# Before "TBD"/"TBA"/"TBC", words that make it the release's meaning, not a marker.
_MEANT_BEFORE = re.compile(
    r"(?i:\b(?:date|dates|time|times|timing|location|locations|venue|venues|speaker|speakers|details|schedule"
    r"|agenda|line-?up|price|prices|pricing|cost|fee|fees|winner|winners|host|hosts|guest|guests|topic|topics"
    r"|place|room|city|address|start|opponent|opponents|round|session|sessions|theme|title|release|more|others"
    r"|remaining|still|currently|yet|later|formats?|dimensions|capacity|amount|terms|model|models|name|names"
    r"|version|edition|partner|partners|sponsor|sponsors|performer|performers|artist|artists)\b[\w \t]{0,12}[:\-–—(]?\s*)$")
_MEANT_AFTER = re.compile(r"\s*(?:\)|,)?\s*(?i:and|or|at|on|in)\b|\s*[:\-–—] ?[A-Z]")
_LINK_AFTER = re.compile(r"\]\s*[(\[:]")


class Placeholder(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        if not _PREFILTER.search(prose):
            return
        text = doc.text
        for match in PATTERN.finditer(prose):
            kind = match.lastgroup
            start, end = match.span()
            if kind == "tk" and (_TICKER_BEFORE.search(prose, max(0, start - 40), start)
                                 or _NAME_AFTER.match(prose, end) or _GRADES.search(prose, max(0, start - 30), end + 30)):
                continue
            if kind == "tbd" and (_MEANT_BEFORE.search(prose, max(0, start - 40), start)
                                  or _NAME_AFTER.match(prose, end)):
                continue
            if kind == "bracket" and _LINK_AFTER.match(text, end - 1):
                continue
            yield self.rule.report(doc, Span(start, end), found=match.group())
