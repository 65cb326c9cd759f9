"""The command line: parsing and wiring only. Exit codes (errors.ExitCode) are documented
in README.md: 0 no problems, 1 problems found, 2 a usage, configuration or input error,
130 interrupted."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ._version import __version__
from .config import CONSISTENCY_SCOPES, DATE_ORDERS, DATELINE_STYLES, HTML_SCOPES, SEVERITIES, Config
from .errors import ExitCode, UserError
from .report import FORMATS, Tally, printable

if TYPE_CHECKING:
    from .backends import Backend
    from .cache import ResultCache
    from .configs import Nearest
    from .diagnostic import Severity
    from .fix import FixMode
    from .formats import NotText
    from .kinds import Kind
    from .outputs import OutputFile
    from .results import FileResult
    from .rule import Rule


def _error(message: str) -> None:
    # One line, escaped as the text report escapes: the message names a file, and a file's
    # name may hold a newline or an escape sequence.
    click.echo(f"presslint: error: {printable(message)}", err=True)


def _warning(message: str) -> None:
    click.echo(f"presslint: warning: {printable(message)}", err=True)


def _split(values: Sequence[str]) -> tuple[str, ...] | None:
    """Options may repeat and take comma-separated lists: --select W1,T --select C."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _load_config(config_file: Path | None, no_config: bool, allow_outside: bool = False) -> Config:
    """The configuration: none with --no-config (not even the words file); else the one
    --config names or the nearest one, with the nearest words file. ``allow_outside``:
    --allow-outside-paths, the files it names may lie outside its project."""
    from . import config as config_module

    if no_config:
        return Config()
    return config_module.discover(Path.cwd(), config_file, allow_outside)


# A configuration may name files only inside its project (userfiles.py): only this lifts it.
allow_outside_option = click.option(
    "--allow-outside-paths", is_flag=True,
    help="Let the configuration name files and folders outside its project (its git work tree, else its folder).")


class _Group(click.Group):
    """Turns a user's mistake anywhere below into one line on stderr and exit code 2:
    the one place a UserError is caught."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            _error(str(exc))
            raise SystemExit(ExitCode.USER_ERROR) from None
        except BrokenPipeError:  # before click, which would exit 1 ("problems found")
            _quiet_stdout()
            raise SystemExit(ExitCode.BROKEN_PIPE) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="presslint")
def cli() -> None:
    """presslint: catch typos, inconsistent capitalization, unsupported dates and
    whitespace junk in press releases before they go out."""


selection_options = [
    click.option("--select", multiple=True, metavar="RULES",
                 help="Only these rules: codes (W101), prefixes (W) or names; comma-separated."),
    click.option("--extend-select", multiple=True, metavar="RULES", help="Add these rules to the selection."),
    click.option("--ignore", multiple=True, metavar="RULES", help="Leave these rules out."),
    click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                 help="Read this configuration file instead of looking for one."),
    click.option("--no-config", is_flag=True, help="Ignore configuration files; use the defaults."),
    allow_outside_option,
]


F = TypeVar("F", bound=Callable[..., Any])


def _with(options: list[Any]) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        for option in reversed(options):
            function = option(function)
        return function
    return decorate


@cli.command()
@click.argument("paths", nargs=-1, type=str)
@_with(selection_options)
@click.option("--include", multiple=True, metavar="GLOB",
              help="File patterns to check in directories, replacing the defaults "
                   "(*.txt *.md *.markdown *.html *.htm).")
@click.option("--extend-include", multiple=True, metavar="GLOB", help="File patterns to check besides --include.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Files or folders to skip in directories, replacing the defaults (.git, virtual "
                   "environments, node_modules, build, dist, caches).")
@click.option("--extend-exclude", multiple=True, metavar="GLOB", help="Files or folders to skip besides --exclude.")
@click.option("--output-format", type=click.Choice(list(FORMATS)),
              help="Output format (default: text; github inside GitHub Actions).")
@click.option("--output-file", multiple=True, metavar="FORMAT:PATH",
              help="Also write the report in FORMAT to PATH (sarif:presslint.sarif); repeatable.")
@click.option("--fail-on", type=click.Choice(SEVERITIES),
              help="The lowest severity that makes the exit code 1 (default: info, every finding); "
                   "findings below it are still reported.")
@click.option("--stdin-filename", metavar="NAME", help="The name to report for '-' (standard input).")
@click.option("-q", "--quiet", is_flag=True, help="Only the findings: no source lines, no summary.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found.")
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes to use (default: one per core).")
@click.option("--fix", "fix", is_flag=True,
              help="Apply the safe fixes to the files (standard input: print the result).")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix or --diff, also apply unsafe fixes (spelling suggestions...).")
@click.option("--release-date", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The release date that relative and past/future date claims are checked against.")
@click.option("--date-order", type=click.Choice(DATE_ORDERS), help="How to read 3/4/2024 (default: mdy).")
@click.option("--dateline-style", type=click.Choice(DATELINE_STYLES),
              help="The dateline style the P rules expect: any (default), ap or wire.")
@click.option("--html-scope", type=click.Choice(HTML_SCOPES),
              help="What of an HTML page to check: main (default), the release without the page's "
                   "navigation, header, footer, sidebar and widgets; or page, all of it.")
@click.option("--now", metavar="YYYY-MM-DD[THH:MM[+HH:MM]]",
              help="The moment embargo lines are compared with (UTC without an offset); rules never read the clock.")
@click.option("--show-release-date", is_flag=True,
              help="Say on stderr which release date each file is checked against, and where it came from.")
@click.option("--consistency", type=click.Choice(CONSISTENCY_SCOPES),
              help="Check that a term is spelled one way per document (default) or across all files.")
@click.option("--backend-required", is_flag=True,
              help="Exit 2 when a configured grammar backend fails, instead of only warning.")
@click.option("--cache/--no-cache", "cache", default=None,
              help="Reuse the findings of files checked before, unchanged, with the same configuration "
                   "(default: on; not with --fix, --diff, grammar backends or --consistency project).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="The cache folder (default: .presslint_cache in the project's root).")
def check(paths: tuple[str, ...], select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], config_file: Path | None, no_config: bool, include: tuple[str, ...],
          extend_include: tuple[str, ...], exclude: tuple[str, ...], extend_exclude: tuple[str, ...],
          output_format: str | None, stdin_filename: str | None, quiet: bool,
          exit_zero: bool, statistics: bool, jobs: int | None, release_date: datetime | None,
          date_order: str | None,
          consistency: str | None, fix: bool, diff: bool, unsafe_fixes: bool,
          show_release_date: bool = False, backend_required: bool = False,
          output_file: tuple[str, ...] = (), fail_on: str | None = None, allow_outside_paths: bool = False,
          cache: bool | None = None, cache_dir: Path | None = None,
          dateline_style: str | None = None, now: str | None = None, html_scope: str | None = None) -> None:
    """Check press releases: files, directories (recursively), or '-' for standard input
    (read only when named). With no path: the configuration's 'paths', else the current
    folder. Folders are walked without what .gitignore files and the excludes name; a file
    named here is always checked."""
    from .report import get as get_reporter

    loaded = _load_config(config_file, no_config, allow_outside_paths)
    config = loaded.merged(
        select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore),
        include=tuple(include) or None, exclude=tuple(exclude) or None,
        # The command line's extend- patterns add to the configuration's.
        extend_include=(*loaded.extend_include, *extend_include) if extend_include else None,
        extend_exclude=(*loaded.extend_exclude, *extend_exclude) if extend_exclude else None,
        output_format=output_format,
        release_date=release_date.date() if release_date else None, date_order=date_order,
        consistency=consistency, fail_on=fail_on, output_file=_output_files(output_file),
        cache=cache, cache_dir=cache_dir.absolute() if cache_dir else None,
        dateline_style=dateline_style, now=_now_option(now), html_scope=html_scope)
    # The switches the configuration may turn on too (the command line cannot turn one off).
    quiet, exit_zero, statistics = quiet or config.quiet, exit_zero or config.exit_zero, statistics or config.statistics
    unsafe_fixes, jobs = unsafe_fixes or config.unsafe_fixes, jobs or config.jobs
    show_release_date = show_release_date or config.show_release_date
    backend_required = backend_required or config.backend_required
    checkers, rules = _checkers(config, fix or diff)
    if fix and diff:
        raise click.UsageError("--fix and --diff do not go together: --diff only shows the fixes")
    mode: FixMode | None = None
    if fix or diff:
        from .fix import FixMode

        mode = FixMode("diff" if diff else "write", unsafe=unsafe_fixes)

    backends = _start_backends(config)
    # The reporters describe the rule of every finding (SARIF): the backends' too.
    described = [*rules, *_backend_rules(config)] if backends else rules
    outcome = _Outcome(config, quiet, backend_required)
    output_format = config.output_format or _default_format()
    files = _open_output_files(config)
    # Each file with the configuration nearest it, unless --config or --no-config chose one:
    # found once, for the checks and the release dates both.
    from .configs import Nearest

    nearest = None if config_file or no_config else Nearest(config, allow_outside_paths)
    try:
        results = _results(paths, stdin_filename, config, checkers, mode, fix, unsafe_fixes, jobs, backends,
                           outcome, nearest, _result_cache(config, mode is not None))
        if show_release_date:
            results = _showing_release_dates(results, config, release_date is not None, outcome, nearest)
        checked = outcome.passing(results)
        out = sys.stdout
        color = _colored(out)
        reporter = get_reporter(output_format)
        # --output-file writes the same results again: they are kept, not streamed.
        if mode is None and not fix and FORMATS[output_format].streaming and not files:
            # Each file's findings are written as they come; nothing is kept.
            reporter(out, statistics=statistics, quiet=quiet, color=color, rules=described,
                     tally=outcome.tally, log=sys.stderr).report(checked)
        else:
            kept = list(checked)
            if fix and outcome.stdin is not None:
                # The text goes to standard output, fixed or as it came (skipped, an error,
                # nothing to fix: the bytes read), so the report goes to standard error.
                _write_stdin_text(kept, outcome)
                out = sys.stderr
            for result in kept:
                if result.diff:
                    out.write(result.diff)
            reporter(out, statistics=statistics, quiet=quiet, color=color, rules=described,
                     tally=outcome.tally, log=sys.stderr).report(kept)
            if files:
                from .outputs import write_all

                write_all(files, kept, described, outcome.tally.errors)
        out.flush()
    finally:
        if fix and outcome.stdin is not None and not outcome.stdin_written:
            # The run failed before the text was written back: it must not be lost.
            _write_stdin_text([], outcome)
        if files:
            from .outputs import discard

            discard(files)  # the temporary files not renamed into place: the run failed
        for backend in backends:
            backend.close()
    outcome.warn_about_backends()
    if outcome.crashed:
        raise SystemExit(ExitCode.INTERNAL_ERROR)
    if outcome.failed:
        raise SystemExit(ExitCode.USER_ERROR)
    raise SystemExit(ExitCode.FINDINGS if outcome.found and not exit_zero else ExitCode.OK)


class _Outcome:
    """What a run of `check` found, counted as results stream past: errors and warnings are
    printed as they come, the exit code is decided at the end."""

    def __init__(self, config: Config, quiet: bool, backend_required: bool) -> None:
        self.config, self.quiet, self.backend_required = config, quiet, backend_required
        self.failed = self.found = self.crashed = False
        self.tally = Tally()  # the reporter's: errors are counted into its summary
        self.backend_warnings: dict[str, None] = {}
        self.stdin: tuple[str, bytes] | None = None  # standard input's name and bytes, if read
        self.stdin_written = False  # with --fix, standard input's text written back
        self.named: set[str] = set()  # the files named on the command line (and '-'), by result path
        # The severities that fail the run (--fail-on): the gravest down to the one named.
        self.failing = set(SEVERITIES[:SEVERITIES.index(config.fail_on) + 1])

    def passing(self, results: Iterator[FileResult]) -> Iterator[FileResult]:
        """The results that checked a file; reports the others on the way."""
        from .packs import backend_rules
        from .selection import grammar_wanted

        # The grammar backends' codes, when there are backends (reading the packs costs).
        grammar = backend_rules() if self.config.backends else {}
        severities = _severities(grammar, self.config) if grammar and self.config.severity else {}
        for result in results:
            if result.not_text is not None:
                self.not_text(result.path, result.not_text)
                continue
            if result.error:
                self.error(result.error)
                # A rule's bug (the engine's line for it): an internal error, not the user's.
                self.crashed = self.crashed or result.error.startswith(f"{result.path}: internal error: ")
            if result.warning and not self.quiet:
                _warning(result.warning)
            if result.index is None:
                continue
            if self.backend_required:
                self.tally.errors += len(set(result.backend_warnings) - set(self.backend_warnings))
            self.backend_warnings.update(dict.fromkeys(result.backend_warnings))
            if grammar:
                result.diagnostics = [d for d in result.diagnostics
                                      if d.code not in grammar or grammar_wanted(d.code, d.rule, self.config)]
                if severities:
                    result.diagnostics = [replace(d, severity=severities[d.code]) if d.code in severities else d
                                          for d in result.diagnostics]
            self.found = self.found or bool(result.diff) or self._failing(result)
            yield result

    def _failing(self, result: FileResult) -> bool:
        if len(self.failing) == len(SEVERITIES):
            return bool(result.diagnostics)
        return any(d.severity.value in self.failing for d in result.diagnostics)

    def not_text(self, path: str, what: NotText) -> None:
        """A file that is not text (a PDF, an image). Named, it is an error: exit 2, never
        "All clear". Found by a walk, it is skipped and counted in the summary; a warning
        names it only when its name says text (a release.txt that is really a PDF), not
        each image that a broad --include picks up."""
        if path in self.named:
            self.error(f"{path}: cannot check {what.name}: {what.advice}")
            return
        self.tally.skipped += 1
        if not self.quiet and _named_as_text(path):
            _warning(f"{path}: skipped, {what.name}: {what.advice}")

    def error(self, message: str) -> None:
        _error(message)
        self.failed = True
        self.tally.errors += 1

    def warn_about_backends(self) -> None:
        for line in self.backend_warnings:
            _warning(line.removeprefix("warning: "))
            self.failed = self.failed or self.backend_required


def _named_as_text(path: str) -> bool:
    """Whether ``path``'s extension is one a walk looks for by default (.txt, .md, .html...)."""
    from fnmatch import fnmatchcase

    from .sources import DEFAULT_INCLUDE

    return any(fnmatchcase(Path(path).name.lower(), pattern) for pattern in DEFAULT_INCLUDE)


def _write_stdin_text(results: list[FileResult], outcome: _Outcome) -> None:
    """Standard input's text on standard output: fixed, or the very bytes read when no fix
    was applied (the input skipped as binary, an error, or nothing to fix)."""
    assert outcome.stdin is not None
    name, data = outcome.stdin
    outcome.stdin_written = True  # once, even if writing fails
    result = next((r for r in results if r.path == name and r.output is not None), None)
    fixed = _as_read(result.output or "", data) if result is not None and result.fixed else data
    if fixed is None:
        outcome.error(f"{name}: not fixed: a fix needs a character the input's encoding cannot store")
    sys.stdout.flush()
    sys.stdout.buffer.write(data if fixed is None else fixed)
    sys.stdout.flush()


def _as_read(text: str, data: bytes) -> bytes | None:
    """The fixed ``text`` as --fix writes a file: in the encoding ``data`` (the bytes read)
    came in, with its byte-order mark; None if that encoding cannot store the text."""
    from .decoding import decode
    from .document import Document
    from .fix import encode

    try:
        return encode(text, Document.from_decoded("-", decode(data)))
    except UnicodeEncodeError:
        return None


def _results(paths: tuple[str, ...], stdin_filename: str | None, config: Config, checkers: Sequence[Kind],
             mode: FixMode | None, fix: bool, unsafe_fixes: bool, jobs: int | None, backends: list[Backend],
             outcome: _Outcome, nearest: Nearest | None = None,
             cache: ResultCache | None = None) -> Iterator[FileResult]:
    """Standard input's result first (when '-' is given), then every file's, in order.
    No path: the configuration's paths, else the current folder; standard input is read
    only when '-' names it (as Ruff does), with a warning when it is a pipe."""
    from .runner import check_file, check_files
    from .selection import rules_for
    from .sources import SourceError, collect, read_stdin

    if "-" in paths:
        name = stdin_filename or "-"
        if fix:
            from .fix import FixMode

            mode = FixMode("stdout", unsafe_fixes)
        try:
            data = read_stdin()
        except SourceError as exc:  # closed, or endless (< /dev/zero)
            from .results import FileResult as Unread

            yield Unread(name, error=str(exc))
        else:
            outcome.stdin = (name, data)
            outcome.named.add(name)
            yield check_file(name, rules_for(name, checkers, config), data=data, fix=mode, backends=backends)
    if not paths:
        if _piped() and not outcome.quiet:
            _warning("standard input is not read without '-' (presslint check -); checking "
                     + ("the configuration's paths" if config.paths else "the current folder"))
        paths = tuple(_shown(path) for path in config.paths) or (".",)
    disk_paths = [p for p in paths if p != "-"]
    if disk_paths:
        selection = collect(disk_paths, config.include, config.exclude, config.extend_include,
                            config.extend_exclude)
        outcome.named.update(str(path) for path in selection.named)
        for problem in selection.errors:
            outcome.error(str(problem))
        for skipped in selection.skipped if not outcome.quiet else ():
            _warning(str(skipped))
        if not selection.files:
            list(checkers)  # built now if deferred (_checkers): a broken configuration is said all the same
        yield from check_files(selection.files, checkers, config, jobs=jobs, fix=mode, backends=backends,
                               nearest=nearest, cache=cache)


def _checkers(config: Config, fixing: bool) -> tuple[Sequence[Kind], Sequence[Rule]]:
    """The rules to run, and their checkers: built now, or, when the result cache may serve
    the run, the first time a file is checked (a run whose files are all in the cache
    builds none; a configuration that cannot build was never cached)."""
    from .engine import load_selected

    def build() -> list[Kind]:
        return load_selected(config)

    if _cache_serves(config, fixing):
        from .cache import Deferred

        checkers: Deferred[Kind] = Deferred(build)
        return checkers, Deferred(lambda: [checker.rule for checker in checkers])
    built = build()
    return built, [checker.rule for checker in built]


def _cache_serves(config: Config, fixing: bool) -> bool:
    """Whether the result cache is on and the run can use it: not a fix, not with grammar
    backends (remote, not always the same), not the cross-file checks (cache.py)."""
    if not config.cache or fixing or config.backends or config.consistency == "project":
        return False
    from .cache import enabled

    return enabled(config)


def _result_cache(config: Config, fixing: bool) -> ResultCache | None:
    if not _cache_serves(config, fixing):
        return None
    from .cache import ResultCache, location

    return ResultCache(location(config))


def _open_output_files(config: Config) -> list[OutputFile]:
    """The --output-file reports, opened now: an unwritable path is an error before any check."""
    if not config.output_file:
        return []  # tempfile is not imported for nothing
    from .outputs import open_all

    return open_all(config.output_file)


def _output_files(values: tuple[str, ...]) -> tuple[tuple[str, Path], ...] | None:
    """--output-file FORMAT:PATH, each; None when not given (the configuration's apply)."""
    from .config import output_file

    try:
        return tuple(output_file(value, Path()) for value in values) or None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--output-file'") from None


def _piped() -> bool:
    """Whether standard input is a pipe (text piped in, not a terminal, a file or nothing)."""
    import stat

    try:
        return stat.S_ISFIFO(os.fstat(sys.stdin.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # closed, or replaced by an object with no file
        return False


def _shown(path: Path) -> str:
    """A path of the configuration as findings name it: from the current folder if below it."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _now_option(value: str | None) -> datetime | None:
    """``--now``'s moment, or a usage error saying what it must be."""
    if value is None:
        return None
    from .config import parse_now

    try:
        return parse_now(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--now'") from None


def _showing_release_dates(results: Iterator[FileResult], config: Config, given: bool,
                           outcome: _Outcome, nearest: Nearest | None = None,
             cache: ResultCache | None = None) -> Iterator[FileResult]:
    from .kinds.dates.recognition import release_date_report

    for result in results:
        if result.index is not None:
            data = outcome.stdin[1] if outcome.stdin and outcome.stdin[0] == result.path else None
            # Each file's release date as its nearest configuration gives it (standard input: the run's).
            settings = (nearest.for_path(result.path) if nearest and data is None else config).settings()
            try:
                line = release_date_report(result.path, settings.dates, data, "--release-date" if given else "config",
                                           settings.html_scope)
            except (OSError, ValueError) as exc:  # deleted, or changed into binary, since it was checked
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                line = f"{result.path}: release date not shown: cannot read the file again ({reason})"
            click.echo(line, err=True)
        yield result


def _start_backends(config: Config) -> list[Backend]:
    """The configured grammar backends, if the selection wants grammar findings at all.
    A backend that is not installed or wrongly configured is a UserError."""
    if not config.backends:
        return []
    from .backends import create, notices

    if not _backend_rules(config):
        return []
    backends = [create(spec) for spec in config.backends]
    for line in notices(backends):
        click.echo(f"presslint: {line}", err=True)
    return backends


def _backend_rules(config: Config) -> list[Rule]:
    """The grammar backends' rules that the selection wants."""
    from .engine import with_severities
    from .packs import backend_rules
    from .selection import grammar_wanted

    return with_severities([rule for rule in backend_rules().values()
                            if grammar_wanted(rule.code, rule.name, config)], config)


def _severities(grammar: dict[str, Rule], config: Config) -> dict[str, Severity]:
    """The grammar codes whose severity the configuration's ``severity:`` changes (the
    backends report their pack's), with the new one."""
    from .engine import with_severities

    return {rule.code: rule.severity for rule in with_severities(list(grammar.values()), config)
            if rule.severity is not grammar[rule.code].severity}


def _colored(out: Any) -> bool:
    """Colour on a terminal, unless NO_COLOR is set to something (no-color.org: "when
    present and not an empty string")."""
    return bool(out.isatty()) and not os.environ.get("NO_COLOR")


def _default_format() -> str:
    # In GitHub Actions, annotations on the changed lines are what a reviewer sees.
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@cli.command("rules")
@_with(selection_options)
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--enabled", "enabled_only", is_flag=True, help="Only the rules that `check` would run.")
def list_rules(select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
               config_file: Path | None, no_config: bool, output_format: str, enabled_only: bool,
               allow_outside_paths: bool = False) -> None:
    """List every rule: code, name, severity and what it checks. A '-' before the code
    marks a rule that `check` would not run (opt-in, left out by the configuration, or a
    grammar backend's that is not configured)."""
    from .engine import load_checkers
    from .packs import backend_rules
    from .selection import select as select_rules

    config = _load_config(config_file, no_config, allow_outside_paths).merged(
        select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore))
    checkers = load_checkers(config)
    everything = [*(c.rule for c in checkers), *backend_rules().values()]
    configured = {spec.name for spec in config.backends}
    enabled = {c.rule.code for c in select_rules(checkers, config)}
    enabled.update(r.code for r in _backend_rules(config) if r.backend in configured)
    shown = sorted((r for r in everything if r.code in enabled or not enabled_only), key=lambda r: r.code)
    if output_format == "json":
        import json

        rows = [{"code": r.code, "name": r.name, "severity": r.severity.value, "enabled": r.code in enabled,
                 "default": r.default, "summary": _summary(r.docs)} for r in shown]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for rule in shown:
        marker = " " if rule.code in enabled else "-"
        click.echo(f"{marker}{rule.code}  {rule.name:<32} {rule.severity.value:<8} {_summary(rule.docs)}")


@cli.command("backends")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-config", is_flag=True)
@allow_outside_option
def list_backends(config_file: Path | None, no_config: bool, allow_outside_paths: bool = False) -> None:
    """List the configured grammar backends and whether each can be reached now.
    No document text is sent. Exit 1 when one is unreachable."""
    from .backends import BackendConfigError, BackendUnavailable, create

    config = _load_config(config_file, no_config, allow_outside_paths)
    if not config.backends:
        click.echo("no grammar backends configured (see 'backends:' in the README)")
        return
    unreachable = False
    for spec in config.backends:
        try:
            backend = create(spec)
        except (BackendUnavailable, BackendConfigError) as exc:
            click.echo(f"{spec.name}: unavailable - {exc}")
            unreachable = True
            continue
        try:
            ok, detail = backend.status()
        finally:
            backend.close()
        click.echo(f"{spec.name}: {'reachable' if ok else 'unreachable'} - {detail}")
        unreachable = unreachable or not ok
    if unreachable:
        raise SystemExit(ExitCode.FINDINGS)


@cli.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@_with(selection_options)
def show_config(path: Path | None, select: tuple[str, ...], extend_select: tuple[str, ...],
                ignore: tuple[str, ...], config_file: Path | None, no_config: bool,
                allow_outside_paths: bool = False) -> None:
    """Print the settings `check` uses for PATH (default: the current folder), one key a
    line, as YAML, each with where its value came from (an option, the configuration file,
    found beside it, or the default): the configuration nearest PATH, unless --config or
    --no-config chooses one. Run-wide keys (output, jobs, paths...) are the run's."""
    from .config import effective
    from .configs import Nearest

    if path is not None and not path.exists():
        raise click.UsageError(f"{path}: no such file or folder")
    config = _load_config(config_file, no_config, allow_outside_paths).merged(
        select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore))
    run = config
    if path is not None and not (config_file or no_config):
        config = Nearest(config, allow_outside_paths).for_path(path / "-" if path.is_dir() else path)
    for line in effective(config, run):
        click.echo(line)


@cli.command("clean")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-config", is_flag=True)
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), metavar="DIR")
def clean(config_file: Path | None, no_config: bool, cache_dir: Path | None) -> None:
    """Remove the result cache that `check` run here uses: .presslint_cache in the
    project's root, or the folder that --cache-dir, PRESSLINT_CACHE_DIR or the
    configuration's cache-dir names (only what presslint wrote in it)."""
    from .cache import clean as remove
    from .cache import location

    folder = location(_load_config(config_file, no_config).merged(
        cache_dir=cache_dir.absolute() if cache_dir else None))
    try:
        removed = remove(folder)
    except OSError as exc:
        raise UserError(str(folder), None, f"cannot remove the cache: {exc.strerror or exc}") from None
    click.echo(f"{'removed the cache in' if removed else 'no cache in'} {_shown(folder)}")


def _summary(docs: str) -> str:
    first = docs.split(". ")[0].strip()
    return first if first.endswith(".") else first + "."


@cli.command("server")
def server() -> None:
    """Run the language server (LSP over standard input and output) for editors: findings as
    diagnostics, fixes as code actions. Needs pygls: pip install 'presslint[server]'. See
    docs/editors.md."""
    from .server import MISSING, available, serve

    if not available():
        _error(MISSING)
        raise SystemExit(ExitCode.USER_ERROR)
    serve()


@cli.command("rule")
@click.argument("code")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-config", is_flag=True)
@allow_outside_option
def show_rule(code: str, config_file: Path | None, no_config: bool, allow_outside_paths: bool = False) -> None:
    """Explain one rule, by code or name, with examples of what it flags and what it allows."""
    from .engine import load_checkers
    from .packs import backend_rules

    checkers = load_checkers(_load_config(config_file, no_config, allow_outside_paths))
    options = {c.rule.code: c.options for c in checkers}
    rules = [*(c.rule for c in checkers), *backend_rules().values()]
    found = [r for r in rules if code in (r.code, r.name) or r.code == code.upper()]
    if not found:
        raise click.UsageError(f"no rule {code!r}; `presslint rules` lists them")
    rule = found[0]
    since = f", since {rule.since}" if rule.since else ""
    click.echo(f"{rule.code} {rule.name} ({rule.severity.value}{'' if rule.default else ', opt-in'}{since})\n")
    click.echo(click.wrap_text(rule.docs, width=88) + "\n")
    if rule.link:
        click.echo(f"More: {rule.link}\n")
    if rule.backend:
        click.echo(f"Found by the {rule.backend} grammar backend, when 'backends:' in the configuration turns it on.")
        return
    if options.get(rule.code):
        click.echo("Options:")
        for key, value in options[rule.code].items():
            if key != "pattern":
                click.echo(f"  {key}: {value!r}")
        click.echo("")
    from .rule_docs import example_notes, example_settings

    settings = example_settings(rule)
    if settings:
        click.echo("The examples run with these settings in the configuration:")
        for setting in settings:
            click.echo(f"  {setting}")
        click.echo("")
    click.echo("Flags:")
    for bad in rule.bad:
        click.echo(f"  {bad.text!r}")
        for note in example_notes(bad, repr):
            click.echo(f"    {note}")
    click.echo("\nAllows:")
    for good in rule.good:
        click.echo(f"  {good!r}")
    click.echo("")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code instead of exiting."""
    import gc

    # A lint run allocates many short-lived objects (matches, words) and a few large
    # long-lived ones (word lists) that contain no cycles: collecting less often saves
    # about 5% of a corpus run. Memory stays bounded; only the collection rhythm changes.
    gc.set_threshold(100_000, 50, 100)
    if sys.stderr is None:  # closed (2>&-): the error lines go nowhere, as they would anyway
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 -- for the rest of the process
    if sys.stdout is None:  # closed (>&-): nothing could be reported
        _error("standard output is closed: nothing can be reported")
        return ExitCode.USER_ERROR
    _tolerant_output()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="presslint", standalone_mode=False)
    except SystemExit as exit_:
        return int(exit_.code or 0) if not isinstance(exit_.code, str) else ExitCode.USER_ERROR
    except click.exceptions.Abort as abort:
        # Click turns Ctrl-C into Abort: interrupted, like Ctrl-C outside it.
        if isinstance(abort.__cause__, KeyboardInterrupt):
            return ExitCode.INTERRUPTED
        _error("aborted")
        return ExitCode.USER_ERROR
    except click.ClickException as exc:
        exc.show()
        return ExitCode.USER_ERROR
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except Exception as exc:  # the one place a crash becomes one line
        return _crashed(exc)
    return ExitCode.OK


def _tolerant_output() -> None:
    """Output that an encoding cannot hold (PYTHONIOENCODING=ascii, a Latin-1 terminal)
    is written as JSON escapes ("caf\\u00e9"), not a UnicodeEncodeError half-way through a
    report: readable in the text output, and still valid JSON, SARIF and XML."""
    import codecs

    codecs.register_error("presslint-escape", _escape)
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) in ("strict", "backslashreplace") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="presslint-escape")


def _escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for character in error.object[error.start:error.end]:
        for unit in _utf16(ord(character)):
            escaped.append(f"\\u{unit:04x}")
    return "".join(escaped), error.end


def _utf16(code: int) -> tuple[int, ...]:
    if code < 0x10000:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))
# Output errors: the disk (or quota) full, a file too large, a device failing, a closed stream.
_OUTPUT_ERRNOS = frozenset({"ENOSPC", "EDQUOT", "EFBIG", "EIO", "EBADF"})


def _crashed(exc: Exception) -> int:
    """The exit code for an exception no layer below handled, with one line on stderr:
    a closed pipe ends quietly, as Unix tools do; a failed write is an output error (2); a
    killed worker or a bug is an internal error (3), the traceback shown only when the
    environment asks for it (PRESSLINT_TRACEBACK=1)."""
    import errno

    if isinstance(exc, OSError) and errno.errorcode.get(exc.errno or 0) in _OUTPUT_ERRNOS:
        _quiet_stdout()
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}cannot write the output ({exc.strerror or exc})")
        return ExitCode.USER_ERROR
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, BrokenProcessPool):
        _error("a worker process ended abruptly (killed, perhaps for lack of memory); "
               "run again, with --jobs 1 to use less memory")
        return ExitCode.INTERNAL_ERROR
    if os.environ.get("PRESSLINT_TRACEBACK"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    _error(f"internal error: {type(exc).__name__}: {exc} (a bug in presslint: please report it, with the "
           "command that caused it; PRESSLINT_TRACEBACK=1 shows the traceback)")
    return ExitCode.INTERNAL_ERROR


def _quiet_stdout() -> None:
    """Standard output on /dev/null from here on, so that Python's last flush does not
    complain: after a closed pipe (output piped into `head` that stopped reading, which
    ends quietly, as Unix tools do) or a failed write."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file behind it (a test's buffer)
        pass


def entry_point() -> None:
    sys.exit(main())
