"""What git knows about the files to check: staged blobs, lines changed since a revision, and the
files of a directory as git would track them.

Every function runs a small, fixed number of git processes (never one per file), reads their
output NUL-separated where git offers it, and turns every way git can fail into a one-line
``GitError``. The environment is inherited on purpose: inside a hook, git points
``GIT_INDEX_FILE`` at the index about to be committed (``git commit -a`` uses a temporary one),
and that is the index ``staged_files`` must read.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import subprocess
from collections.abc import Sequence

from hooklint.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Final, NoReturn

__all__ = ["ALL_LINES", "GitError", "changed_lines", "files_at", "list_files", "staged_files"]


class GitError(Exception):
    """git is missing, the directory is not in a repository, or a git command failed."""


class _NotARepository(GitError):
    """The directory is not inside a git work tree."""


class _GitMissing(GitError):
    """There is no git command to run."""


class _AllLines(set[int]):
    """The lines of a file that is new since the revision: all of them.

    ``line in ALL_LINES`` is true for every line and ``bool(ALL_LINES)`` is true, so code that
    only asks ``in`` works unchanged; but the object holds no numbers, so iterating it, ``len``
    and set operators see an empty set. Test for it with ``is``. It cannot be changed, and it
    stays the same object through ``copy`` and ``pickle``.
    """

    __slots__ = ()

    def __contains__(self, line: object) -> bool:
        return True

    def __bool__(self) -> bool:
        return True

    def __eq__(self, other: object) -> bool:
        return other is self

    def __ne__(self, other: object) -> bool:
        return other is not self

    def __repr__(self) -> str:
        return "ALL_LINES"

    def __reduce__(self) -> str:
        return "ALL_LINES"  # pickle and copy look up the module constant

    def _refuse(self, *args: object) -> NoReturn:
        raise TypeError("ALL_LINES cannot be changed")

    add = discard = remove = pop = clear = _refuse
    update = difference_update = intersection_update = symmetric_difference_update = _refuse
    __ior__ = __iand__ = __isub__ = __ixor__ = _refuse


#: The value ``changed_lines`` gives a file that is new since the revision or untracked.
ALL_LINES: Final[set[int]] = _AllLines()

# Directories that os.walk does not enter outside a repository, besides hidden ones (".git",
# ".venv", ".tox"): installed packages and bytecode, never the project's own text.
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})

# The index entries that hold file content: regular files, executable or not. Symlinks
# (120000) and submodules (160000) are not files of this repository.
_FILE_MODES = (b"100644", b"100755", b"100664")

_HUNK = re.compile(rb"@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def staged_files(cwd: str | None = None) -> list[tuple[str, bytes]]:
    """The files staged for commit, as (path, content) pairs in git's order.

    The content is the blob in the index, which is what the commit will hold, not the working
    tree file: partial staging is honoured. Added, copied, modified, renamed (by the new path) and
    type-changed files are listed; deleted files, symlinks and submodules are not. Paths are
    relative to ``cwd`` (``../x`` for a file above it) as git spells them with core.quotePath
    off, so any file name works. Three git processes run whatever the number of files:
    ``rev-parse``, ``diff`` and one ``cat-file --batch`` for all the blobs.
    """
    _, prefix = _location(cwd)
    # Renames and copies come out as additions at their new path; --no-renames makes that so
    # whatever diff.renames says, and saves the rename detection.
    raw = _git(
        ["diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--diff-filter=ACMRT"],
        cwd,
    )
    paths: list[str] = []
    blob_ids: list[bytes] = []
    fields = raw.split(b"\0")
    at = 0
    while at + 1 < len(fields):
        # ":old_mode new_mode old_id new_id status", then one path (two for a rename or copy)
        meta = fields[at].split(b" ")
        if len(meta) != 5 or not meta[0].startswith(b":"):
            raise GitError(f"git diff: unexpected output {fields[at][:80]!r}")
        count = 2 if meta[4][:1] in (b"R", b"C") else 1
        path = fields[at + count]
        at += 1 + count
        if meta[1] in _FILE_MODES:
            paths.append(_from_top(os.fsdecode(path), prefix))
            blob_ids.append(meta[3])
    return list(zip(paths, _read_blobs(blob_ids, cwd), strict=True))


def changed_lines(
    rev: str, paths: Sequence[str] | None = None, cwd: str | None = None
) -> dict[str, set[int]]:
    """The line numbers (1-based) added or changed in the working tree since ``rev``, by path.

    Lines come from ``git diff --unified=0 REV`` (text conversion, external diff drivers and
    submodules off; renames followed, so a renamed file counts by its new path and only its
    edits count). A file that is new since ``rev`` gets ALL_LINES; so does an untracked file
    named in ``paths``. A changed file git calls binary has no lines in the diff: it gets
    ALL_LINES when its start reads as text to hooklint (UTF-16, or text that .gitattributes
    marks binary), and is left out otherwise.

    ALL_LINES is a module constant, to be tested with ``is``; it is also an immutable
    ``set[int]`` for which ``line in ALL_LINES`` is always true, so a caller that only asks
    ``in`` needs no special case (see ``_AllLines``). Only paths with at least one added or
    changed line are keys: a file that only lost lines is absent.

    Without ``paths`` (or with none), the keys are normalized paths relative to ``cwd`` of every
    changed tracked file (``../x`` for one outside it); untracked files are not looked at. With
    ``paths``, a file is keyed by its spelling in ``paths``, and a directory in ``paths`` stands
    for the changed and untracked, not ignored, files under it (keyed relative to ``cwd``). A
    named file that is untracked, even if ignored, is new: ALL_LINES.

    The diff always covers the whole work tree and is filtered afterwards: a pathspec would hide
    the old name of a renamed file from rename detection (making the file look new), and would
    put every path on git's command line.
    """
    if not rev or rev.startswith("-"):
        raise GitError(f"not a revision: {rev!r}")
    cdup, prefix = _location(cwd)
    patch = _git(
        [
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--find-renames",
            "--ignore-submodules=all",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            rev,
            "--",
        ],
        cwd,
    )
    found_in_patch = _parse_patch(patch)
    if b"Binary files " in patch:
        # A file git calls binary has no lines in the patch; it may be text all the same (UTF-16,
        # or a .gitattributes "binary" a change can add): checked whole when it reads as text.
        for path in _binary_changes(rev, cwd):
            if _reads_as_text(os.path.join(cwd or os.curdir, cdup, path)):
                found_in_patch[path] = ALL_LINES
    changed = {_from_top(path, prefix): lines for path, lines in found_in_patch.items()}
    if not paths:
        return changed

    base = cwd or os.curdir
    files: list[str] = []
    directories: list[str] = []
    for path in paths:
        (directories if os.path.isdir(os.path.join(base, path)) else files).append(path)
    found: dict[str, set[int]] = {}
    for path in files:
        lines = changed.get(_normalize(path, base))
        if lines is not None:
            found[path] = lines
    wanted = [_normalize(directory, base) for directory in directories]
    for path, lines in changed.items():
        if any(_is_under(path, directory) for directory in wanted):
            found.setdefault(path, lines)

    unknown = [p for p in files if p not in found and os.path.isfile(os.path.join(base, p))]
    if unknown:
        # Not changed since REV, so either tracked and unchanged, or not tracked at all. The
        # whole index, listed from the top, answers for any number of files in one call.
        tracked = set(_split(_git(["ls-files", "-z", "--cached"], os.path.join(base, cdup))))
        for path in unknown:
            top_path = posixpath.normpath(posixpath.join(prefix, _normalize(path, base)))
            if os.fsencode(top_path) not in tracked:
                found[path] = ALL_LINES
    if directories:
        listed = _git(["ls-files", "-z", "--others", "--exclude-standard", "--", *wanted], cwd)
        for name in _split(listed):
            found.setdefault(os.fsdecode(name), ALL_LINES)
    return found


def _binary_changes(rev: str, cwd: str | None) -> list[str]:
    """The files (from the top) that git finds binary among those changed since ``rev`` and not
    deleted, from ``git diff --numstat -z`` ("-\t-\tpath", or "-\t-\t", old, new)."""
    output = _git(
        ["diff", "--numstat", "-z", "--no-ext-diff", "--no-textconv", "--find-renames",
         "--ignore-submodules=all", "--diff-filter=d", rev, "--"],
        cwd,
    )  # fmt: skip
    fields = output.split(b"\0")
    found: list[str] = []
    at = 0
    while at < len(fields) and fields[at]:
        added, _, rest = fields[at].partition(b"\t")
        deleted, _, path = rest.partition(b"\t")
        at += 1
        if not path:  # a rename: the old and the new path follow
            path = fields[at + 1] if at + 1 < len(fields) else b""
            at += 2
        if added == deleted == b"-" and path:
            found.append(os.fsdecode(path))
    return found


def _reads_as_text(path: str) -> bool:
    """Whether the start of the file at ``path`` decodes as text (hooklint's own judgement)."""
    from hooklint.source import decode

    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return decode(head).text is not None


def files_at(rev: str, paths: Sequence[str], cwd: str | None = None) -> list[bytes | None]:
    """The content of each file in ``paths`` (relative to ``cwd``) as it is in revision ``rev``,
    read without a checkout; None for a path that is no file there (absent, a directory, outside
    the work tree). A GitError when ``rev`` names no commit: a mistyped revision must not pass
    for one without the files. Three git processes whatever the number of paths."""
    if not rev or rev.startswith("-") or any(c.isspace() for c in rev):
        raise GitError(f"not a revision: {rev!r}")
    _, prefix = _location(cwd)
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd)
    except _NotARepository:
        raise
    except GitError:
        raise GitError(f"unknown revision {rev!r} (is it fetched?)") from None
    names: list[str | None] = []
    for path in paths:
        if os.path.isabs(path):
            path = os.path.relpath(path, cwd or os.curdir)
        top = posixpath.normpath(posixpath.join(prefix, path.replace(os.sep, "/")))
        outside = top == os.pardir or top.startswith(os.pardir + "/") or top == "."
        names.append(None if outside or "\n" in top else top)
    asked = [name for name in names if name is not None]
    if not asked:
        return [None] * len(names)
    request = b"".join(rev.encode() + b":" + os.fsencode(name) + b"\n" for name in asked)
    output = _git(["cat-file", "--batch"], cwd, stdin=request)
    found: list[bytes | None] = []
    at = 0
    for _ in asked:
        # "<id> <type> <size>\n<content>\n", or "<name> missing\n" (or "ambiguous")
        end = output.find(b"\n", at)
        if end < 0:
            raise GitError("git cat-file: output ends early")
        header = output[at:end].split(b" ")
        if len(header) == 3 and header[2].isdigit():
            size = int(header[2])
            found.append(output[end + 1 : end + 1 + size] if header[1] == b"blob" else None)
            at = end + 1 + size + 1
        else:
            found.append(None)
            at = end + 1
    answers = iter(found)
    return [None if name is None else next(answers) for name in names]


def list_files(paths: Sequence[str], cwd: str | None = None) -> list[str]:
    """``paths`` with each directory replaced by the files in it; files stay as given.

    Inside a git work tree, a directory holds the files git would track there: those in the
    index and still on disk, and untracked ones that .gitignore and the other exclude files do
    not ignore (``git ls-files --cached --others --exclude-standard``). Outside a repository it
    is walked, skipping hidden directories (``.git``, ``.venv``) and ``node_modules`` and
    ``__pycache__``. A path that is not a directory is kept as given even if it does not exist
    (the caller reports it). Order: as given, each directory's files sorted.

    Files found in a directory ``DIR`` are spelled ``DIR/name`` with ``DIR`` normalized (``./src/``
    gives ``src/a.py``, ``.`` gives ``a.py``). Only regular files are listed: not symlinks, and
    not submodules or nested repositories. Duplicates are found by normalized path; the first
    spelling wins. Each directory is asked of its own repository, so directories from different
    repositories (or none) can be mixed. Without git, a directory outside any repository is still
    walked; one inside a repository is a GitError, as .gitignore could not be honoured.
    """
    base = cwd or os.curdir
    listed: list[str] = []
    seen: set[str] = set()
    for arg in paths:
        found = _files_in(arg, base) if os.path.isdir(os.path.join(base, arg)) else [arg]
        for path in found:
            key = _normalize(path, base)
            if key not in seen:
                seen.add(key)
                listed.append(path)
    return listed


def _files_in(directory: str, base: str) -> list[str]:
    where = os.path.join(base, directory)
    try:
        output = _git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], where)
    except _NotARepository:
        names = _walk(where)
    except _GitMissing as exc:
        if _in_repository(where):
            raise GitError(f"{exc}; it is needed to list the files of the repository") from None
        names = _walk(where)
    else:
        # --cached still lists files deleted from the work tree; lstat drops them along with
        # symlinks, submodules and nested repositories.
        names = [
            name
            for name in map(os.fsdecode, _split(output))
            if _is_regular_file(os.path.join(where, name))
        ]
    stem = os.path.normpath(directory)
    return sorted(name if stem == os.curdir else os.path.join(stem, name) for name in names)


def _walk(where: str) -> list[str]:
    names: list[str] = []
    for root, subdirs, files in os.walk(where):
        subdirs[:] = [d for d in subdirs if not d.startswith(".") and d not in _SKIPPED_DIRS]
        relative = os.path.relpath(root, where)
        for name in files:
            if _is_regular_file(os.path.join(root, name)):
                names.append(name if relative == os.curdir else os.path.join(relative, name))
    return names


def _in_repository(where: str) -> bool:
    directory = os.path.abspath(where)
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return True
        parent = os.path.dirname(directory)
        if parent == directory:
            return False
        directory = parent


def _is_regular_file(path: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _parse_patch(patch: bytes) -> dict[str, set[int]]:
    """The new-side line numbers of each file in a ``--unified=0`` patch, by top-level path."""
    found: dict[str, set[int]] = {}
    lines: set[int] | None = None  # of the file being read; None when its lines do not count
    new_file = False
    old_left = new_left = 0
    for line in patch.split(b"\n"):
        if old_left > 0 or new_left > 0:
            # Inside a hunk, a line is content whatever it looks like ("--- x" was "-- x").
            tag = line[:1]
            if tag == b"-":
                old_left -= 1
            elif tag == b"+":
                new_left -= 1
            elif tag == b" ":
                old_left -= 1
                new_left -= 1
            continue
        if line.startswith(b"diff --git "):
            lines, new_file = None, False
        elif line.startswith(b"--- "):
            new_file = line == b"--- /dev/null"
        elif line.startswith(b"+++ "):
            if line == b"+++ /dev/null":  # deleted
                lines = None
                continue
            path = _header_path(line[4:])
            if new_file:
                found[path] = ALL_LINES
                lines = None
            else:
                lines = found.setdefault(path, set())
        elif line.startswith(b"@@ "):
            match = _HUNK.match(line)
            if match is None:
                raise GitError(f"git diff: unexpected hunk header {line[:80]!r}")
            old_count, start, new_count = match.groups()
            old_left = 1 if old_count is None else int(old_count)
            new_left = 1 if new_count is None else int(new_count)
            if lines is not None:
                lines.update(range(int(start), int(start) + new_left))
        # Anything else is a header that carries no line numbers (index, mode, rename, "Binary
        # files ... differ" — which has no "+++" line, so binary files stay out).
    return {path: lines for path, lines in found.items() if lines}


_ESCAPES = {ord(k): ord(v) for k, v in zip('abtnvfr"\\', '\a\b\t\n\v\f\r"\\', strict=True)}


def _header_path(name: bytes) -> str:
    """The path in a ``+++ b/path`` line: git quotes it C-style when it holds a control character,
    a quote or a backslash, and ends the line with a tab when it holds a space."""
    if name.endswith(b"\t"):
        name = name[:-1]
    if name.startswith(b'"') and name.endswith(b'"'):
        name = _unquote(name[1:-1])
    if not name.startswith(b"b/"):
        raise GitError(f"git diff: unexpected file header {name[:80]!r}")
    return os.fsdecode(name[2:])


def _unquote(quoted: bytes) -> bytes:
    out = bytearray()
    at = 0
    while at < len(quoted):
        byte = quoted[at]
        if byte != ord("\\"):
            out.append(byte)
            at += 1
        elif quoted[at + 1 : at + 2].isdigit():  # three octal digits, one byte
            out.append(int(quoted[at + 1 : at + 4], 8))
            at += 4
        else:
            out.append(_ESCAPES.get(quoted[at + 1], quoted[at + 1]))
            at += 2
    return bytes(out)


def _read_blobs(blob_ids: Sequence[bytes], cwd: str | None) -> list[bytes]:
    """The content of each blob, read by one ``git cat-file --batch``."""
    if not blob_ids:
        return []
    output = _git(["cat-file", "--batch"], cwd, stdin=b"".join(i + b"\n" for i in blob_ids))
    blobs: list[bytes] = []
    at = 0
    for blob_id in blob_ids:
        # "<id> blob <size>\n<content>\n", or "<id> missing\n"
        end = output.find(b"\n", at)
        header = output[at:end].split(b" ")
        if end < 0 or len(header) != 3 or header[1] != b"blob":
            raise GitError(f"git cat-file: cannot read blob {blob_id.decode('ascii', 'replace')}")
        size = int(header[2])
        blobs.append(output[end + 1 : end + 1 + size])
        at = end + 1 + size + 1
    return blobs


def _location(cwd: str | None) -> tuple[str, str]:
    """(the way up to the top of the work tree, like ``../../`` or ``""``; the way down from it
    to ``cwd``, like ``sub/dir/`` or ``""``), in one ``git rev-parse``."""
    output = _git(["rev-parse", "--show-cdup", "--show-prefix"], cwd)
    cdup, _, prefix = output.partition(b"\n")
    return os.fsdecode(cdup), os.fsdecode(prefix.removesuffix(b"\n"))


def _from_top(path: str, prefix: str) -> str:
    """A path git printed from the top of the work tree, made relative to ``cwd``."""
    return posixpath.relpath(path, prefix) if prefix else path


def _normalize(path: str, base: str) -> str:
    return os.path.relpath(os.path.join(base, path), base)


def _is_under(path: str, directory: str) -> bool:
    relative = posixpath.relpath(path, directory)
    return relative != os.pardir and not relative.startswith(os.pardir + "/")


def _split(output: bytes) -> list[bytes]:
    return [name for name in output.split(b"\0") if name]


def _git(args: Sequence[str], cwd: str | None, stdin: bytes | None = None) -> bytes:
    """The output of ``git ARGS`` run in ``cwd``; a GitError when git cannot run or fails."""
    if cwd is not None and not os.path.isdir(cwd):
        raise GitError(f"not a directory: {cwd}")
    env = {
        **os.environ,
        "LC_ALL": "C",  # messages in English, so "not a git repository" can be recognised
        "GIT_OPTIONAL_LOCKS": "0",  # a read-only look must not take index.lock from a commit
        "GIT_LITERAL_PATHSPECS": "1",  # a file named "*.md" or ":x" means just that file
    }
    command = ["git", "-c", "core.quotePath=false", "-c", "diff.relative=false", *args]
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=env,
            input=stdin,
            stdin=subprocess.DEVNULL if stdin is None else None,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise _GitMissing("git is not installed (there is no git command on PATH)") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        message = _error_line(done.stderr)
        if "not a git repository" in message:
            raise _NotARepository(f"not a git repository: {os.path.abspath(cwd or os.curdir)}")
        raise GitError(f"git {args[0]} failed: {message or f'exit status {done.returncode}'}")
    return done.stdout


def _error_line(stderr: bytes) -> str:
    """The line of git's error output that says what went wrong, without its "fatal: "."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line]
    for line in lines:
        for label in ("fatal: ", "error: "):
            if line.startswith(label):
                return line.removeprefix(label)
    return lines[0] if lines else ""
