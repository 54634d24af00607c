"""The HTML report in a real browser: headless Chromium driven over the DevTools protocol.

Chromium is started with ``--remote-debugging-pipe`` (DevTools messages on file
descriptors 3 and 4, no port opened) and without any background networking. At
1280 and 400 px wide the page must load every image, show the whole verdict table on
the first screen, make no network request, and not overflow sideways.

`.ci/run` installs Debian's ``chromium``; where no browser is installed the test is
skipped, saying so. ``NUTRILOG_SCREENSHOTS=DIR`` keeps the screenshots.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

import nutrilog as nl

ROOT = Path(__file__).resolve().parents[1]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-pipe",
)
TIMEOUT = 60.0


def _browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


class DevTools:
    """A minimal DevTools protocol client over Chromium's pipe (NUL-separated JSON)."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # the child's ends, away from 3 and 4 until the child moves them there
        high_r, high_w = _dup_high(to_child_r), _dup_high(from_child_w)

        def move() -> None:  # in the child, before exec: its DevTools pipe on fds 3 and 4
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=move,
        )
        for fd in (to_child_r, from_child_w, high_r, high_w):
            os.close(fd)
        self._next = 0
        self._buffer = b""
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
        os.close(self._to_child)
        os.close(self._from_child)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_child], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("no answer from the browser")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._read(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)


def _dup_high(fd: int) -> int:
    """A copy of ``fd`` numbered 10 or more, closed on exec."""
    import fcntl

    return fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)


_CHECKS = """
(() => {
  const images = [...document.images];
  const table = document.querySelector('.nutrilog-report table.verdicts');
  const box = table ? table.getBoundingClientRect() : null;
  const root = document.documentElement;
  return JSON.stringify({
    images: images.length,
    broken: images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt),
    scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    bodyScrollWidth: document.body.scrollWidth,
    table: box && {top: box.top, bottom: box.bottom, left: box.left, right: box.right},
    viewportHeight: window.innerHeight,
    detailsOpen: [...document.querySelectorAll('details')].filter(d => d.open).length,
    scripts: document.scripts.length,
  });
})()
"""


def _render(devtools: DevTools, url: str, width: int, height: int) -> tuple[dict[str, Any], bytes]:
    target = devtools.call("Target.createTarget", url="about:blank")["targetId"]
    session = devtools.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    devtools.call("Network.enable", session)
    devtools.call("Page.enable", session)
    devtools.call(
        "Emulation.setDeviceMetricsOverride",
        session,
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=width < 600,
    )
    devtools.call("Page.navigate", session, url=url)
    devtools.wait_for("Page.loadEventFired")
    found = json.loads(
        devtools.call("Runtime.evaluate", session, expression=_CHECKS, returnByValue=True)[
            "result"
        ]["value"]
    )
    shot = devtools.call("Page.captureScreenshot", session, format="png")["data"]
    devtools.call("Target.closeTarget", targetId=target)
    return found, base64.b64decode(shot)


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = nl.analyze(ROOT / "examples" / "week.csv", nl.Profile(age=34, sex="female"))
    return result.report().save(tmp_path_factory.mktemp("browser") / "week.html")


def test_html_report_in_headless_chromium(report_page: Path, tmp_path: Path) -> None:
    executable = _browser()
    if executable is None:
        pytest.skip(
            "no Chromium on this machine (Debian: apt-get install chromium; .ci/run installs it)"
        )
    devtools = DevTools(executable, tmp_path / "profile")
    keep = os.environ.get("NUTRILOG_SCREENSHOTS")
    try:
        devtools.call("Target.setDiscoverTargets", discover=False)
        for width, height in ((1280, 800), (400, 800)):
            devtools.events.clear()
            found, png = _render(devtools, report_page.as_uri(), width, height)
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                (Path(keep) / f"report-{width}.png").write_bytes(png)
            assert png.startswith(b"\x89PNG")
            # every chart loaded (the daily intake and the foods that gave the most)
            assert found["images"] >= 2 and found["broken"] == [], (width, found)
            # the verdict table is on the first screen, whole
            table = found["table"]
            assert table is not None, width
            assert 0 <= table["top"] < table["bottom"] <= found["viewportHeight"], (width, table)
            # no script, the details and explanations folded
            assert found["scripts"] == 0 and found["detailsOpen"] == 0
            # nothing wider than the window, on a desktop and on a phone (wide tables
            # scroll inside their own box)
            assert found["scrollWidth"] <= found["clientWidth"], (width, found)
            assert found["bodyScrollWidth"] <= found["clientWidth"], (width, found)
            assert table["right"] <= width
            # no request left the machine: the page, its data: images, nothing else
            urls = [
                e["params"]["request"]["url"]
                for e in devtools.events
                if e.get("method") == "Network.requestWillBeSent"
            ]
            assert urls and all(u.split(":", 1)[0] in ("file", "data") for u in urls), urls
    finally:
        devtools.close()
