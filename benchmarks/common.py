"""What the benchmarks share: the corpus, the machine, timing and a plain-text table."""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "polnear" / "train" / "text"
WORK = ROOT / "benchmarks" / ".work"


def train_files(limit: int | None = None) -> list[Path]:
    files = sorted(TRAIN.glob("*.txt"))
    return files[:limit] if limit else files


def machine() -> str:
    """nproc, CPU model and memory, for the header of every table."""
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    python = platform.python_version()
    return f"{os.cpu_count()} CPUs ({model}), {memory:.0f} GiB RAM, Python {python}"


_PR_SET_CHILD_SUBREAPER = 36


def measured_run(command: list[str], cwd: Path = ROOT) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + sys) and peak RSS (MiB, the largest process) of a
    command and every process under it. Build workers fork from a forkserver that the build
    does not wait for; as the subreaper this process inherits and reaps it, so its workers
    are counted too (``wait4`` of the build alone missed them)."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{command[:5]} exited with {os.waitstatus_to_exitcode(status)}")
    usages = [usage]
    while True:  # the orphaned forkserver, once it has seen its parent go
        try:
            usages.append(os.wait4(-1, 0)[2])
        except ChildProcessError:
            break
    prctl(_PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)  # what other commands leave is not ours
    cpu = sum(u.ru_utime + u.ru_stime for u in usages)
    return wall, cpu, max(u.ru_maxrss for u in usages) / 1024


@contextmanager
def timer() -> Iterator[list[float]]:
    """``with timer() as t: ...`` then ``t[0]`` is the wall time in seconds."""
    elapsed = [0.0]
    started = time.perf_counter()
    yield elapsed
    elapsed[0] = time.perf_counter() - started


def peak_rss_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table, so the output pastes into docs/performance.md as is."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in cells]
    return "\n".join(lines)
