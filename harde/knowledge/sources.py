"""Where knowledge documents come from: a local folder (default) or S3, mirrored into a cache.

Both give the index a local folder laid out as <CATEGORY>/<file> (and PROJECTS/<name>/<file>).
The S3 mirror downloads only objects whose ETag changed since the last sync.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from tenacity import retry, retry_if_exception, stop_after_attempt, wait_exponential

from harde.errors import ConfigurationError, IntegrationError

log = logging.getLogger(__name__)


class KnowledgeSourceError(IntegrationError):
    """The knowledge source (S3) could not be read after retries."""


class KnowledgeSource(Protocol):
    def sync(self) -> Path:
        """Bring the local copy up to date and return its root folder."""
        ...

    def describe(self) -> str: ...


class LocalFolderSource:
    """Documents read in place from a folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def sync(self) -> Path:
        return self.root

    def describe(self) -> str:
        return f"folder {self.root}"


@dataclass(frozen=True)
class S3Location:
    """Where one category lives. An empty category means "every category under this prefix"."""

    bucket: str
    prefix: str
    category: str = ""


@dataclass
class SyncReport:
    downloaded: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)


def parse_s3_locations(bucket: str, prefix: str, locations: str) -> list[S3Location]:
    """Locations from settings: "CATEGORY=bucket/prefix, ..." plus the default bucket and prefix.

    With only a bucket, each top-level folder under the prefix is a category.
    """
    found: list[S3Location] = []
    for item in locations.split(","):
        if not item.strip():
            continue
        category, sep, where = item.partition("=")
        where = where.strip().removeprefix("s3://")
        if not sep or not category.strip() or not where:
            raise ConfigurationError(f"kb_s3_locations: expected CATEGORY=bucket/prefix, got {item.strip()!r}")
        loc_bucket, _, loc_prefix = where.partition("/")
        found.append(S3Location(loc_bucket, loc_prefix, category.strip().upper()))
    if bucket:
        found.append(S3Location(bucket, prefix))
    if not found:
        raise ConfigurationError("HARDE_KB=s3 needs HARDE_KB_S3_BUCKET or HARDE_KB_S3_LOCATIONS")
    return found


def _retryable(exc: BaseException) -> bool:
    from botocore.exceptions import ClientError, ConnectionError, HTTPClientError

    if isinstance(exc, ConnectionError | HTTPClientError):
        return True
    if isinstance(exc, ClientError):
        status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        code = str(exc.response.get("Error", {}).get("Code", ""))
        return status == 429 or status >= 500 or code in {"SlowDown", "Throttling", "RequestTimeout"}
    return False


_s3_retry = retry(
    retry=retry_if_exception(_retryable),
    wait=wait_exponential(multiplier=0.5, max=8),
    stop=stop_after_attempt(4),
    reraise=True,
)


class S3Source:
    """Knowledge documents in S3 buckets, mirrored by ETag into a local cache folder."""

    def __init__(self, client: Any, locations: list[S3Location], cache_dir: Path) -> None:
        self.client = client
        self.locations = locations
        self.cache_dir = cache_dir
        self.last_sync = SyncReport()

    def describe(self) -> str:
        return ", ".join(f"s3://{loc.bucket}/{loc.prefix}" for loc in self.locations)

    @_s3_retry
    def _list(self, bucket: str, prefix: str) -> list[dict[str, Any]]:
        objects: list[dict[str, Any]] = []
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
            objects.extend(page.get("Contents", []))
        return objects

    @_s3_retry
    def _download(self, bucket: str, key: str, target: Path) -> None:
        body = self.client.get_object(Bucket=bucket, Key=key)["Body"].read()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
        os.replace(tmp, target)

    def _manifest_path(self) -> Path:
        return self.cache_dir / ".s3-etags.json"

    def sync(self) -> Path:
        from botocore.exceptions import BotoCoreError, ClientError

        self.cache_dir.mkdir(parents=True, exist_ok=True)
        try:
            known: dict[str, str] = json.loads(self._manifest_path().read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            known = {}
        report = SyncReport()
        seen: dict[str, str] = {}
        try:
            for loc in self.locations:
                prefix = loc.prefix.strip("/")
                list_prefix = f"{prefix}/" if prefix else ""
                for obj in self._list(loc.bucket, list_prefix):
                    key = str(obj["Key"])
                    if key.endswith("/"):
                        continue
                    relative = PurePosixPath(key[len(list_prefix) :])
                    if loc.category:
                        relative = PurePosixPath(loc.category) / relative
                    if len(relative.parts) < 2 or ".." in relative.parts or relative.name.startswith("."):
                        continue
                    rel = relative.as_posix()
                    etag = str(obj.get("ETag", "")).strip('"')
                    seen[rel] = etag
                    target = self.cache_dir / rel
                    if known.get(rel) == etag and target.is_file():
                        report.unchanged += 1
                        continue
                    self._download(loc.bucket, key, target)
                    report.downloaded.append(rel)
        except (BotoCoreError, ClientError) as exc:
            raise KnowledgeSourceError("S3", f"could not sync the knowledge base ({exc})") from exc
        for rel in set(known) - set(seen):
            (self.cache_dir / rel).unlink(missing_ok=True)
            report.deleted.append(rel)
        tmp = self._manifest_path().with_suffix(".tmp")
        tmp.write_text(json.dumps(seen, indent=0, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self._manifest_path())
        self.last_sync = report
        if report.downloaded or report.deleted:
            log.info("knowledge S3 sync: %d downloaded, %d deleted", len(report.downloaded), len(report.deleted))
        return self.cache_dir


def make_s3_client(endpoint_url: str | None, timeout_s: float = 20.0) -> Any:
    import boto3
    from botocore.config import Config

    # Retries are ours (tenacity, with backoff on 429/5xx/connection errors only).
    config = Config(connect_timeout=timeout_s, read_timeout=timeout_s, retries={"max_attempts": 1, "mode": "standard"})
    return boto3.client("s3", endpoint_url=endpoint_url or None, config=config)
