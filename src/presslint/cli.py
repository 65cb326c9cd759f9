"""The command line: parsing and wiring only. Exit codes are documented in README.md:
0 no problems, 1 problems found, 2 a usage, configuration or input error."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .config import OUTPUT_FORMATS

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def _error(message: str) -> None:
    click.echo(f"presslint: error: {message}", err=True)


def _warning(message: str) -> None:
    click.echo(f"presslint: warning: {message}", err=True)


def _split(values: Sequence[str]) -> tuple[str, ...] | None:
    """Options may repeat and take comma-separated lists: --select W1,T --select C."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _load_config(config_file: Path | None, no_config: bool) -> Any:
    from . import config as config_module

    if no_config:
        return config_module.Config()
    if config_file is not None:
        return config_module.load(config_file)
    return config_module.discover(Path.cwd())


class _Group(click.Group):
    """Turns a user's mistake anywhere below into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from .config import ConfigError
        from .engine import SelectionError
        from .packs import PackError
        from .rule import UserFileError

        try:
            return super().invoke(ctx)
        except (ConfigError, PackError, SelectionError, UserFileError) as exc:
            _error(str(exc))
            raise SystemExit(EXIT_ERROR) from None


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
              help="File patterns to check in directories (default: *.txt *.md *.markdown *.html *.htm).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Files or folders to skip.")
@click.option("--output-format", type=click.Choice(list(OUTPUT_FORMATS)),
              help="Output format (default: text; github inside GitHub Actions).")
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
@click.option("--date-order", type=click.Choice(["mdy", "dmy"]), help="How to read 3/4/2024 (default: mdy).")
@click.option("--show-release-date", is_flag=True,
              help="Say on stderr which release date each file is checked against, and where it came from.")
@click.option("--consistency", type=click.Choice(["document", "project"]),
              help="Check that a term is spelled one way per document (default) or across all files.")
@click.option("--backend-required", is_flag=True,
              help="Exit 2 when a configured grammar backend fails, instead of only warning.")
def check(paths: tuple[str, ...], select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], config_file: Path | None, no_config: bool, include: tuple[str, ...],
          exclude: tuple[str, ...], output_format: str | None, stdin_filename: str | None, quiet: bool,
          exit_zero: bool, statistics: bool, jobs: int | None, release_date: Any, date_order: str | None,
          consistency: str | None, fix: bool, diff: bool, unsafe_fixes: bool,
          show_release_date: bool = False, backend_required: bool = False) -> None:
    """Check press releases: files, directories (recursively), or '-' for standard input."""
    from .engine import FixMode, load_rules
    from .engine import select as select_rules
    from .report import STREAMING
    from .report import get as get_reporter

    config = _load_config(config_file, no_config).merged(
        select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore),
        include=tuple(include) or None, exclude=tuple(exclude) or None, output_format=output_format,
        release_date=release_date.date() if release_date else None, date_order=date_order,
        consistency=consistency)
    rules = select_rules(load_rules(config), config)
    if fix and diff:
        raise click.UsageError("--fix and --diff do not go together: --diff only shows the fixes")
    mode = FixMode("diff" if diff else "write", unsafe=unsafe_fixes) if fix or diff else None

    backends = _start_backends(config)
    outcome = _Outcome(config, quiet, backend_required)
    output_format = config.output_format or _default_format()
    try:
        results = _results(paths, stdin_filename, config, rules, mode, fix, unsafe_fixes, jobs, backends, outcome)
        if show_release_date:
            results = _showing_release_dates(results, config, release_date is not None, outcome)
        checked = outcome.passing(results)
        out = sys.stdout
        color = out.isatty() and "NO_COLOR" not in os.environ
        reporter = get_reporter(output_format)
        if mode is None and not fix and output_format in STREAMING:
            # Each file's findings are written as they come; nothing is kept.
            reporter(checked, out, statistics=statistics, quiet=quiet, color=color, rules=rules)
        else:
            kept = list(checked)
            stdin_output = next((r.output for r in kept if r.output is not None), None)
            if stdin_output is not None:
                # The fixed text goes to standard output, so the report goes to standard error.
                out.write(stdin_output)
                out.flush()
                out = sys.stderr
            for result in kept:
                if result.diff:
                    out.write(result.diff)
            reporter(kept, out, statistics=statistics, quiet=quiet, color=color, rules=rules)
        out.flush()
    finally:
        for backend in backends:
            backend.close()
    outcome.warn_about_backends()
    if outcome.failed:
        raise SystemExit(EXIT_ERROR)
    raise SystemExit(EXIT_PROBLEMS if outcome.found and not exit_zero else EXIT_CLEAN)


class _Outcome:
    """What a run of `check` found, counted as results stream past: errors and warnings are
    printed as they come, the exit code is decided at the end."""

    def __init__(self, config: Any, quiet: bool, backend_required: bool) -> None:
        self.config, self.quiet, self.backend_required = config, quiet, backend_required
        self.failed = self.found = False
        self.backend_warnings: dict[str, None] = {}
        self.stdin: tuple[str, bytes] | None = None  # standard input's name and bytes, if read

    def passing(self, results: Iterator[Any]) -> Iterator[Any]:
        """The results that checked a file; reports the others on the way."""
        from .engine import grammar_wanted

        for result in results:
            if result.error:
                _error(result.error)
                self.failed = True
            if result.warning and not self.quiet:
                _warning(result.warning)
            if result.index is None:
                continue
            self.backend_warnings.update(dict.fromkeys(result.backend_warnings))
            if self.config.backends:
                result.diagnostics = [d for d in result.diagnostics
                                      if d.code[0] != "G" or grammar_wanted(d.code, d.rule, self.config)]
            self.found = self.found or bool(result.diagnostics) or bool(result.diff)
            yield result

    def warn_about_backends(self) -> None:
        for line in self.backend_warnings:
            _warning(line.removeprefix("warning: "))
            self.failed = self.failed or self.backend_required


def _results(paths: tuple[str, ...], stdin_filename: str | None, config: Any, rules: Any, mode: Any, fix: bool,
             unsafe_fixes: bool, jobs: int | None, backends: list[Any], outcome: _Outcome) -> Iterator[Any]:
    """Standard input's result first (when '-' is given), then every file's, in order."""
    from .engine import FixMode, check_file, rules_for
    from .runner import check_files
    from .sources import collect

    if "-" in paths:
        name = stdin_filename or "-"
        data = sys.stdin.buffer.read()
        outcome.stdin = (name, data)
        yield check_file(name, rules_for(name, rules, config), data=data,
                         fix=FixMode("stdout", unsafe_fixes) if fix else mode, backends=backends)
    disk_paths = [p for p in (paths or (".",)) if p != "-"]
    if disk_paths:
        selection = collect(disk_paths, config.include, config.exclude)
        for problem in selection.errors:
            _error(str(problem))
            outcome.failed = True
        yield from check_files(selection.files, rules, config, jobs=jobs, fix=mode, backends=backends)


def _showing_release_dates(results: Iterator[Any], config: Any, given: bool,
                           outcome: _Outcome) -> Iterator[Any]:
    from .kinds.dates.recognition import release_date_report

    for result in results:
        if result.index is not None:
            data = outcome.stdin[1] if outcome.stdin and outcome.stdin[0] == result.path else None
            click.echo(release_date_report(result.path, config, data, "--release-date" if given else "config"),
                       err=True)
        yield result


def _start_backends(config: Any) -> list[Any]:
    """The configured grammar backends, if the selection wants grammar findings at all."""
    if not config.backends:
        return []
    from .backends import BackendConfigError, BackendUnavailable, create, notices
    from .engine import grammar_wanted

    if not grammar_wanted("G", "", config) and not any(s.startswith("G") for s in config.select or ()):
        return []
    try:
        backends = [create(spec) for spec in config.backends]
    except (BackendUnavailable, BackendConfigError) as exc:
        _error(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    for line in notices(backends):
        click.echo(f"presslint: {line}", err=True)
    return backends


def _default_format() -> str:
    # In GitHub Actions, annotations on the changed lines are what a reviewer sees.
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


@cli.command("rules")
@_with(selection_options)
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--enabled", "enabled_only", is_flag=True, help="Only the rules that `check` would run.")
@click.option("--all", "show_all", is_flag=True, hidden=True)  # the default; kept for scripts that say it
def list_rules(select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
               config_file: Path | None, no_config: bool, output_format: str, enabled_only: bool,
               show_all: bool) -> None:
    """List every rule: code, name, severity and what it checks. A '-' before the code
    marks a rule that `check` would not run (opt-in, or left out by the configuration)."""
    from .engine import load_rules, select as select_rules

    config = _load_config(config_file, no_config).merged(
        select=_split(select), extend_select=_split(extend_select), ignore=_split(ignore))
    everything = load_rules(config)
    enabled = {r.code for r in select_rules(everything, config)}
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
def list_backends(config_file: Path | None, no_config: bool) -> None:
    """List the configured grammar backends and whether each can be reached now.
    No document text is sent. Exit 1 when one is unreachable."""
    from .backends import BackendConfigError, BackendUnavailable, create

    config = _load_config(config_file, no_config)
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
        raise SystemExit(EXIT_PROBLEMS)


def _summary(docs: str) -> str:
    first = docs.split(". ")[0].strip()
    return first if first.endswith(".") else first + "."


@cli.command("rule")
@click.argument("code")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-config", is_flag=True)
def show_rule(code: str, config_file: Path | None, no_config: bool) -> None:
    """Explain one rule, by code or name, with examples of what it flags and what it allows."""
    from .engine import load_rules

    rules = load_rules(_load_config(config_file, no_config))
    found = [r for r in rules if code in (r.code, r.name) or r.code == code.upper()]
    if not found:
        raise click.UsageError(f"no rule {code!r}; `presslint rules --all` lists them")
    rule = found[0]
    click.echo(f"{rule.code} {rule.name} ({rule.severity.value}{'' if rule.default else ', opt-in'})\n")
    click.echo(click.wrap_text(rule.docs, width=88) + "\n")
    if rule.checker is not None and rule.checker.options:
        click.echo("Options:")
        for key, value in rule.checker.options.items():
            if key != "pattern":
                click.echo(f"  {key}: {value!r}")
        click.echo("")
    for title, examples in (("Flags", rule.bad), ("Allows", rule.good)):
        click.echo(f"{title}:")
        for example in examples:
            click.echo(f"  {example!r}")
        click.echo("")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code instead of exiting."""
    import gc

    # A lint run allocates many short-lived objects (matches, words) and a few large
    # long-lived ones (word lists) that contain no cycles: collecting less often saves
    # about 5% of a corpus run. Memory stays bounded; only the collection rhythm changes.
    gc.set_threshold(100_000, 50, 100)
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="presslint", standalone_mode=False)
    except SystemExit as exit_:
        return int(exit_.code or 0) if not isinstance(exit_.code, str) else EXIT_ERROR
    except click.exceptions.Abort:
        _error("aborted")
        return EXIT_ERROR
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except BrokenPipeError:
        # Output piped into `head` that stopped reading: not an error of ours.
        sys.stderr.close()
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130
    return EXIT_CLEAN


def entry_point() -> None:
    sys.exit(main())
