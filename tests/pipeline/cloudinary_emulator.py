"""A small Cloudinary on loopback for the real SDK: uploads, admin lookups and deletes, and the
delivery URL rendered with ffmpeg (the voice overlaid on the template, cut with `du_`)."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import threading
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from harde.integrations.video.ffmpeg import ffmpeg_exe


class CloudinaryEmulator:
    def __init__(self, folder: Path, cloud: str = "demo") -> None:
        self.folder = folder
        self.cloud = cloud
        self.resources: dict[str, dict[str, Any]] = {}
        self.deliveries: list[str] = []
        self.uploads: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host = f"127.0.0.1:{self.port}"
        return f"cloudinary://key:secret@{self.cloud}?upload_prefix=http://{host}&secure=false&cname={host}"

    def __enter__(self) -> CloudinaryEmulator:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        emu = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return None

            def _json(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                ctype = self.headers.get("Content-Type", "")
                msg = BytesParser().parsebytes(f"Content-Type: {ctype}\r\n\r\n".encode() + body)
                fields: dict[str, bytes] = {}
                for part in msg.walk():
                    name = part.get_param("name", header="content-disposition")
                    if name:
                        payload = part.get_payload(decode=True)
                        fields[str(name)] = payload if isinstance(payload, bytes) else b""
                public_id = fields["public_id"].decode()
                emu.uploads.append(public_id)
                path = emu.folder / (public_id.replace("/", "__") + ".bin")
                path.write_bytes(fields["file"])
                created = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                emu.resources[public_id] = {
                    "public_id": public_id,
                    "path": path,
                    "created_at": created,
                }
                self._json(
                    200, {"public_id": public_id, "resource_type": "video", "created_at": created}
                )

            def do_GET(self) -> None:
                url = urlparse(self.path)
                admin = f"/v1_1/{emu.cloud}/resources/video/upload"
                if url.path.startswith(admin + "/"):
                    public_id = unquote(url.path[len(admin) + 1 :])
                    found = emu.resources.get(public_id)
                    if found is None:
                        self._json(404, {"error": {"message": f"Resource not found - {public_id}"}})
                    else:
                        self._json(200, {k: v for k, v in found.items() if k != "path"})
                    return
                if url.path == admin:
                    prefix = parse_qs(url.query).get("prefix", [""])[0]
                    listed = [
                        {k: v for k, v in r.items() if k != "path"}
                        for pid, r in emu.resources.items()
                        if pid.startswith(prefix)
                    ]
                    self._json(200, {"resources": listed})
                    return
                if url.path.startswith(f"/{emu.cloud}/video/upload/"):
                    self._deliver(url.path[len(f"/{emu.cloud}/video/upload/") :])
                    return
                self._json(404, {"error": {"message": "no route"}})

            def _deliver(self, rest: str) -> None:
                emu.deliveries.append(rest)
                audio = re.search(r"l_audio:([^/]+)", rest)
                duration = re.search(r"du_([\d.]+)", rest)
                base = re.sub(r"\.mp4$", "", rest.split("/v1/", 1)[1])
                template = emu.resources[base]["path"]
                voice = emu.resources[audio.group(1).replace(":", "/")]["path"] if audio else None
                out = emu.folder / "derived.mp4"
                args = [ffmpeg_exe(), "-v", "error", "-y", "-i", str(template)]
                if voice is not None:
                    # Cloudinary mixes an audio layer with the video's own sound (the music bed).
                    args += [
                        "-i",
                        str(voice),
                        "-filter_complex",
                        "[0:a][1:a]amix=inputs=2:duration=first:normalize=0[a]",
                    ]
                    args += ["-map", "0:v", "-map", "[a]"]
                args += [
                    "-c:v",
                    "copy",
                    "-c:a",
                    "aac",
                    "-t",
                    duration.group(1) if duration else "5",
                    str(out),
                ]
                subprocess.run(args, check=True, timeout=120)
                data = out.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "video/mp4")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_DELETE(self) -> None:
                url = urlparse(self.path)
                query = parse_qs(url.query)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0)).decode()
                if body.startswith("{"):
                    for name, value in json.loads(body).items():
                        query[name] = value if isinstance(value, list) else [value]
                else:
                    query.update(parse_qs(body))
                prefix = query.get("prefix", [None])[0]
                ids = query.get("public_ids[]", []) + query.get("public_ids", [])
                doomed = [
                    pid
                    for pid in emu.resources
                    if (prefix and pid.startswith(prefix)) or pid in ids
                ]
                for pid in doomed:
                    emu.resources.pop(pid)["path"].unlink(missing_ok=True)
                self._json(200, {"deleted": dict.fromkeys(doomed, "deleted")})

        return Handler
