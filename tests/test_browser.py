"""End to end: the built site in headless Chromium.

Serves a site built from a small fixture on 127.0.0.1, opens an account page
and checks, through the DevTools protocol, that the decision-maker map is
drawn (the <object>'s SVG has a node per stakeholder and a real size) and
that the page logs no error; saves screenshots (light, dark, print).

The DevTools protocol runs over --remote-debugging-pipe (file descriptors
3 and 4, NUL-separated JSON), so the standard library is enough: no
Playwright or Selenium, no websocket client.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from test_site import built_site  # noqa: F401 - the shared module-scoped site build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
         "--hide-scrollbars", "--mute-audio"]


class Browser:
    """Headless Chromium driven over the DevTools pipe; one page (session)."""

    def __init__(self, profile: Path, width: int = 1280, height: int = 900):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire():  # in the child: fd 3 reads our commands, fd 4 writes the answers
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=wire)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._id = 0
        self._answers: dict[int, dict] = {}
        self.events: list[dict] = []
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.resize(width, height)

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._from_chrome, 65536)
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            with self._cond:
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message:
                        self._answers[message["id"]] = message
                    else:
                        self.events.append(message)
                self._cond.notify_all()

    def call(self, method: str, session: bool = False, timeout: float = 30, **params) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._id not in self._answers:
                if not self._cond.wait(deadline - time.monotonic()):
                    raise TimeoutError(method)
            answer = self._answers.pop(self._id)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def wait_event(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for event in self.events:
                    if event["method"] == method:
                        self.events.remove(event)
                        return event
                if not self._cond.wait(deadline - time.monotonic()):
                    raise TimeoutError(method)

    def resize(self, width: int, height: int) -> None:
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def open(self, url: str) -> None:
        with self._cond:
            self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        self.call("Page.navigate", session=True, url=url)
        self.wait_event("Page.loadEventFired")
        time.sleep(0.3)  # let late scripts (search worker, palette) settle

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def media(self, media: str = "", dark: bool = False) -> None:
        self.call("Emulation.setEmulatedMedia", session=True, media=media,
                  features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])

    def screenshot(self, path: Path, full: bool = True) -> Path:
        params = {"format": "png"}
        if full:
            size = self.call("Page.getLayoutMetrics", session=True)["cssContentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
        data = self.call("Page.captureScreenshot", session=True, **params)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads seen so far."""
        out = []
        for event in self.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.exceptionThrown":
                out.append(json.dumps(params["exceptionDetails"])[:500])
            elif event["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append(json.dumps(params.get("args"))[:500])
            elif event["method"] == "Log.entryAdded" and params["entry"].get("level") == "error":
                out.append(f"{params['entry'].get('text')} {params['entry'].get('url', '')}")
        return out

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._to_chrome)


class Server:
    """The built site over HTTP on 127.0.0.1 (an ephemeral port), in a thread."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.mark.browser
def test_account_page_in_chromium(built_site, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (make test installs it)")
    site_dir, portfolio = built_site
    plan = portfolio.plan("nordvik")
    server = Server(site_dir)
    browser = Browser(tmp_path / "profile")
    try:
        browser.media(dark=False)
        browser.open(f"{server.url}accounts/nordvik/")
        state = browser.evaluate("""(() => {
            const o = document.querySelector('.kam-map object');
            const svg = o && o.contentDocument && o.contentDocument.querySelector('svg');
            const r = o ? o.getBoundingClientRect() : null;
            return {title: document.title, svg: !!svg, width: r && r.width, height: r && r.height,
                    nodes: svg ? svg.querySelectorAll('g.node').length : 0,
                    links: svg ? [...svg.querySelectorAll('a')].map(a => a.getAttribute('xlink:href')) : [],
                    names: [...document.querySelectorAll('#stakeholders ~ div table strong[id]')].map(e => e.id)};
        })()""")
        shot = browser.screenshot(tmp_path / "account.png")
        print(f"\nscreenshot of the account page: {shot}")
        errors = browser.errors()
    finally:
        browser.close()
        server.close()
    assert state["svg"], state
    assert state["nodes"] == len(plan.stakeholders)
    assert state["width"] > 150 and state["height"] > 100, state
    assert all(link.endswith(tuple(f"#s-{s.id}" for s in plan.stakeholders)) for link in state["links"])
    assert not errors, errors
    assert shot.stat().st_size > 10_000
