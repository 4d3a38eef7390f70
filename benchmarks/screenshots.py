"""Screenshots of the analyst's notebooks 01-04 in JupyterLab, taken by headless Chromium.

What it does:

1. optionally writes the first N Reuters-21578 bodies (``--reuters N``) into the
   ``--corpus`` folder as text files, one article a file: the title, a blank line,
   the body (the layout the plain-text reader takes as a headline and its article);
2. runs ``workbench notebooks --out OUT --corpus CORPUS`` (skipped with ``--no-run``,
   to photograph copies executed earlier);
3. starts JupyterLab on OUT (``jupyter lab --no-browser``, no token, localhost only,
   a throw-away settings and workspaces folder with every cell rendered, not only
   those in view);
4. opens each executed notebook in Chromium through Playwright, waits until its
   outputs are drawn, and saves into ``--shots``, for notebook ``NN-name``:
   ``NN-name.png``, the whole notebook (the notebook panel scrolled a screen at a
   time and the screens joined), and ``NN-name-top.png``, the first screen as the
   analyst sees it, JupyterLab around it.

It needs a Chromium (Debian's: ``apt-get install chromium``, at /usr/bin/chromium) and the
``playwright`` package (``pip install playwright``; no ``playwright install``: the browser
used is the one given by ``--chromium``). It is not a test and stays out of CI.

Run, from the project's root, with the project's Python::

    python benchmarks/screenshots.py --shots shots/seeds
    python benchmarks/screenshots.py --reuters 2000 --corpus /tmp/reuters2000 --shots shots/reuters

``--data`` is the reuters21578 folder (default ``../shared/data/reuters21578``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from workbench.config import PROJECT_ROOT

DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "data" / "reuters21578"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
#: Flags for a headless Chromium on a machine without network: no first-run page, no
#: background fetches (sync, component updates, QUIC) that would only be refused.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: JupyterLab settings for the photographs: every cell in the page (not only those on
#: screen), and no news or update prompts over the notebook.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


#: Pixels each screen of a whole-notebook image overlaps the one before.
SEAM = 6


def article_text(title: str | None, body: str) -> str:
    """One article as a text file: the title, a blank line, the body (just the body untitled).

    Examples
    --------
    >>> print(article_text("BAHIA COCOA REVIEW", "  Showers continued.  "))
    BAHIA COCOA REVIEW
    <BLANKLINE>
    Showers continued.
    <BLANKLINE>
    >>> article_text(None, "Showers continued.") == "Showers continued." + chr(10)
    True
    """
    body = body.replace("\x03", "").strip()
    body = body + "\n" if body else ""
    title = " ".join((title or "").split())
    return f"{title}\n\n{body}" if title else body


def write_reuters_folder(data: Path, folder: Path, limit: int) -> int:
    """Write the first ``limit`` Reuters bodies into ``folder`` as ``reuters-NEWID.txt``.

    Files of an earlier run there are replaced; returns how many were written.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from load_reuters import read_articles

    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("reuters-*.txt"):
        old.unlink()
    count = 0
    for article in read_articles(data, limit):
        text = article_text(article.title, article.body)
        (folder / f"reuters-{article.newid}.txt").write_text(text, encoding="utf-8")
        count += 1
    return count


def screen_offsets(total: int, screen: int, overlap: int = 0) -> list[int]:
    """Scroll positions that show a ``total``-pixel-high panel a ``screen`` at a time.

    Each screen overlaps the one before by ``overlap`` pixels (the panel's top edge
    carries a border, hidden under the screen before when they are joined); the last
    screen is aligned with the bottom, so it may overlap more.

    Examples
    --------
    >>> screen_offsets(2500, 1000)
    [0, 1000, 1500]
    >>> screen_offsets(2500, 1000, overlap=10)
    [0, 990, 1500]
    >>> screen_offsets(800, 1000)
    [0]
    """
    if screen <= overlap or overlap < 0:
        raise ValueError(f"a screen of {screen} px cannot overlap the next by {overlap} px")
    last = max(0, total - screen)
    offsets = list(range(0, last, screen - overlap))
    return [*offsets, last] if not offsets or offsets[-1] != last else offsets


def free_port() -> int:
    """A TCP port nobody listens on at the moment."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_notebooks(corpus: Path | None, out: Path, timeout: int) -> None:
    """``workbench notebooks --out OUT [--corpus CORPUS]`` with this Python."""
    command = [sys.executable, "-m", "workbench", "notebooks", "--out", str(out)]
    command += ["--timeout", str(timeout)]
    if corpus is not None:
        command += ["--corpus", str(corpus)]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True)


@contextlib.contextmanager
def jupyter_lab(root: Path, port: int) -> Iterator[str]:
    """A JupyterLab serving ``root`` on localhost without a token; yields its URL."""
    with tempfile.TemporaryDirectory(prefix="workbench-lab-") as scratch:
        settings = Path(scratch) / "settings"
        for name, values in LAB_SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        command = [
            sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
            "--ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=",
            "--ServerApp.disable_check_xsrf=True", f"--ServerApp.root_dir={root}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={Path(scratch) / 'workspaces'}",
            "--LabApp.expose_app_in_browser=True",
            "--MappingKernelManager.default_kernel_name=python3",
        ]  # fmt: skip
        if hasattr(os, "getuid") and os.getuid() == 0:
            command.append("--allow-root")
        log = open(Path(scratch) / "lab.log", "w")  # noqa: SIM115 (closed below)
        lab = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{url}/api/status", lab, Path(scratch) / "lab.log")
            yield url
        finally:
            lab.terminate()
            try:
                lab.wait(timeout=20)
            except subprocess.TimeoutExpired:
                lab.kill()
            log.close()


def _wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab stopped:\n{log.read_text(encoding='utf-8')}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5):
            return
        time.sleep(1)
    raise RuntimeError(f"JupyterLab did not answer at {url} in {seconds:.0f} s")


def photograph(
    url: str, notebooks: list[str], shots: Path, chromium: Path, width: int, height: int
) -> list[Path]:
    """Open each notebook in JupyterLab and save its screenshots into ``shots``."""
    from playwright.sync_api import sync_playwright

    shots.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with (
        tempfile.TemporaryDirectory(prefix="workbench-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(chromium),
            args=list(CHROMIUM_FLAGS),
            headless=True,
            viewport={"width": width, "height": height},
        )
        try:
            page = browser.new_page()
            for name in notebooks:
                written += _photograph_one(page, url, name, shots)
        finally:
            browser.close()
    return written


def _photograph_one(page, url: str, name: str, shots: Path) -> list[Path]:
    stem = Path(name).stem
    page.goto(f"{url}/lab/tree/{name}?reset", wait_until="domcontentloaded")
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    notebook.wait_for(state="visible", timeout=120_000)
    page.wait_for_selector(".jp-Notebook .jp-OutputArea-output", timeout=120_000)
    # The file browser off, so the notebook has the width of the window.
    page.evaluate("() => window.jupyterapp && window.jupyterapp.shell.collapseLeft()")
    page.wait_for_timeout(4_000)  # widgets, images and math are drawn after the outputs
    top = shots / f"{stem}-top.png"
    page.screenshot(path=str(top))
    # JupyterLab 4 scrolls an inner panel of the notebook; older ones the notebook itself.
    scroller = notebook.locator(".jp-WindowedPanel-outer")
    if not scroller.count():
        scroller = notebook
    box = scroller.bounding_box()
    total = int(scroller.evaluate("node => node.scrollHeight"))
    screen = int(scroller.evaluate("node => node.clientHeight"))
    parts = []
    for offset in screen_offsets(total, screen, overlap=SEAM):
        scroller.evaluate(f"node => {{ node.scrollTop = {offset}; }}")
        page.wait_for_timeout(400)
        shown = int(scroller.evaluate("node => node.scrollTop"))
        clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": screen}
        parts.append((shown, page.screenshot(clip=clip)))
    whole = shots / f"{stem}.png"
    _join(parts, screen, whole)
    print(f"{whole} ({total} px high), {top}", flush=True)
    return [whole, top]


def _join(parts: list[tuple[int, bytes]], screen: int, path: Path) -> None:
    """Join screens taken at scroll offsets into one image, overlaps removed."""
    import io

    from PIL import Image

    images = [(offset, Image.open(io.BytesIO(data))) for offset, data in parts]
    images.reverse()  # each screen's top edge goes under the bottom of the screen before
    scale = images[-1][1].height / screen  # device pixels per CSS pixel
    height = round((images[0][0] + screen) * scale)
    whole = Image.new("RGB", (images[0][1].width, height), "white")
    for offset, image in images:
        whole.paste(image, (0, round(offset * scale)))
    whole.save(path, optimize=True)


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the notebooks, and photograph them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shots", type=Path, required=True, help="folder for the PNGs")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="the folder of articles (default: the notebooks' own, the seeds)",
    )
    parser.add_argument(
        "--reuters",
        type=int,
        metavar="N",
        help="first write the first N Reuters-21578 bodies into --corpus",
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the reuters21578 folder")
    parser.add_argument(
        "--out", type=Path, help="where the executed notebooks go (default: a temporary folder)"
    )
    parser.add_argument(
        "--no-run", action="store_true", help="photograph the notebooks already in --out"
    )
    parser.add_argument("--timeout", type=int, default=1800, help="seconds a cell may run")
    parser.add_argument("--chromium", type=Path, default=DEFAULT_CHROMIUM)
    parser.add_argument("--port", type=int, help="JupyterLab's port (default: a free one)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    arguments = parser.parse_args(argv)
    if arguments.no_run and arguments.out is None:
        parser.error("--no-run needs --out, the folder of executed notebooks")
    if not arguments.chromium.exists():
        parser.error(f"no Chromium at {arguments.chromium} (apt-get install chromium)")
    if arguments.reuters is not None:
        if arguments.corpus is None:
            parser.error("--reuters needs --corpus, the folder to write the articles into")
        count = write_reuters_folder(arguments.data, arguments.corpus, arguments.reuters)
        print(f"{count} Reuters articles written into {arguments.corpus}", flush=True)
    with contextlib.ExitStack() as stack:
        out = arguments.out
        if out is None:
            out = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="workbench-nb-")))
        if not arguments.no_run:
            corpus = arguments.corpus.resolve() if arguments.corpus else None
            run_notebooks(corpus, out, arguments.timeout)
        notebooks = sorted(path.name for path in out.glob("[0-9][0-9]-*.ipynb"))
        if not notebooks:
            parser.error(f"no executed notebooks in {out}")
        port = arguments.port or free_port()
        url = stack.enter_context(jupyter_lab(out.resolve(), port))
        photograph(
            url, notebooks, arguments.shots, arguments.chromium, arguments.width, arguments.height
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
