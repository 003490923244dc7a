"""A minimal LSP client for the YAML language server (redhat yaml-language-server), to see
what an editor shows for a plan: start it over stdio, open one document, collect the diagnostics."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Optional

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kam-tests" / "yaml-language-server"
VERSION = "1.25.0"


def server() -> Optional[list[str]]:
    """The command that starts the server, installing it once with npm; None when that cannot be done."""
    if shutil.which("node") is None:
        return None
    script = CACHE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    if not script.exists() and shutil.which("npm"):
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund",
                        f"yaml-language-server@{VERSION}"], capture_output=True, timeout=300, check=False)
    return ["node", str(script), "--stdio"] if script.exists() else None


class Client:
    def __init__(self, command: list[str]):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.next_id = 0

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: dict) -> None:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})

    def receive(self) -> dict:
        length = 0
        while (line := self.process.stdout.readline().strip()):
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        if not length:
            raise EOFError("the language server stopped")
        return json.loads(self.process.stdout.read(length))

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


SETTINGS = {"yaml": {"validate": True, "hover": True, "completion": True, "format": {"enable": False}}}


def diagnostics(command: list[str], path: Path) -> list[dict]:
    """What the server reports for the file at `path` (its modeline names the schema)."""
    client = Client(command)
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": path.parent.as_uri(),
                                      "capabilities": {"workspace": {"configuration": True}}})
        uri = path.resolve().as_uri()
        while True:
            message = client.receive()
            if message.get("id") == 1 and "result" in message:
                break
        client.send({"method": "initialized", "params": {}})
        client.send({"method": "workspace/didChangeConfiguration", "params": {"settings": SETTINGS}})
        client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}}})
        while True:
            message = client.receive()
            if message.get("method") == "workspace/configuration":
                items = message["params"]["items"]
                client.send({"id": message["id"], "result": [SETTINGS.get(i.get("section", ""), SETTINGS["yaml"])
                                                             if i.get("section") != "yaml" else SETTINGS["yaml"]
                                                             for i in items]})
            elif "id" in message and "method" in message:
                client.send({"id": message["id"], "result": None})
            elif message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri \
                    and message["params"]["diagnostics"]:
                return message["params"]["diagnostics"]
    finally:
        client.close()
