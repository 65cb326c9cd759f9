#!/usr/bin/env bash
# The check step of the GitHub Action (action.yml): `presslint check` with the action's inputs,
# given as INPUT_* variables, writing annotations (the github format) on standard output and
# the summary on standard error. Run by tests/test_action.py with a fake GITHUB_* environment.
set -euo pipefail

args=(check --output-format github)
if [[ -n "${INPUT_FAIL_ON:-}" ]]; then args+=(--fail-on "$INPUT_FAIL_ON"); fi
if [[ -n "${INPUT_SARIF_FILE:-}" ]]; then args+=(--output-file "sarif:$INPUT_SARIF_FILE"); fi
read -r -a extra <<< "${INPUT_ARGS:-}"
read -r -a paths <<< "${INPUT_PATHS:-}"

if [[ "${INPUT_CHANGED_ONLY:-true}" == "true" && -n "${GITHUB_BASE_REF:-}" ]]; then
    # A pull request: the release files it changes. actions/checkout checks out the merge
    # commit, one commit deep, so the files changed are those that differ from the base
    # branch's tip, whatever the checkout's depth.
    git fetch --quiet --no-tags --depth=1 origin "$GITHUB_BASE_REF"
    changed=()
    while IFS= read -r -d '' file; do
        case "$file" in
            *.txt|*.md|*.markdown|*.html|*.htm|*.docx) changed+=("$file") ;;
        esac
    done < <(git diff -z --name-only --diff-filter=d FETCH_HEAD HEAD -- "${paths[@]}")
    if (( ${#changed[@]} == 0 )); then
        echo "presslint: no release file changed against $GITHUB_BASE_REF; nothing to check" >&2
        exit 0
    fi
    paths=("${changed[@]}")
fi

exec presslint "${args[@]}" "${extra[@]}" "${paths[@]}"
