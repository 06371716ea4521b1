"""The S3 source against moto's S3 server on loopback: mirrored by ETag, unchanged objects kept."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from harde.knowledge import make_knowledge_base
from harde.knowledge.sources import S3Location, S3Source, make_s3_client, parse_s3_locations

from .conftest import kb_settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> tuple[object, str]:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    client = boto3.client("s3", endpoint_url=s3_endpoint)
    bucket = f"kb-{request.node.name.replace('_', '-')[:40].lower()}"
    client.create_bucket(Bucket=bucket)
    return client, bucket


def test_sync_downloads_new_and_changed_objects_only(s3: tuple[object, str], s3_endpoint: str, tmp_path: Path) -> None:
    client, bucket = s3
    client.put_object(Bucket=bucket, Key="kb/OBJECTION_HANDLING/price.md", Body=b"# Price\n\nAcknowledge, isolate.")  # type: ignore[attr-defined]
    client.put_object(Bucket=bucket, Key="kb/PRODUCT_KNOWLEDGE/gutters.md", Body=b"# Gutters\n\nSix inch.")  # type: ignore[attr-defined]
    source = S3Source(make_s3_client(s3_endpoint), [S3Location(bucket, "kb")], tmp_path / "cache")

    root = source.sync()
    assert sorted(source.last_sync.downloaded) == ["OBJECTION_HANDLING/price.md", "PRODUCT_KNOWLEDGE/gutters.md"]
    assert (root / "OBJECTION_HANDLING" / "price.md").read_bytes().startswith(b"# Price")

    source.sync()
    assert source.last_sync.downloaded == [] and source.last_sync.unchanged == 2

    client.put_object(Bucket=bucket, Key="kb/PRODUCT_KNOWLEDGE/gutters.md", Body=b"# Gutters\n\nSix inch, .032 aluminum.")  # type: ignore[attr-defined]
    client.delete_object(Bucket=bucket, Key="kb/OBJECTION_HANDLING/price.md")  # type: ignore[attr-defined]
    source.sync()
    assert source.last_sync.downloaded == ["PRODUCT_KNOWLEDGE/gutters.md"]
    assert source.last_sync.deleted == ["OBJECTION_HANDLING/price.md"]
    assert not (root / "OBJECTION_HANDLING" / "price.md").exists()


def test_a_bucket_and_prefix_per_category(s3: tuple[object, str], s3_endpoint: str, tmp_path: Path) -> None:
    client, bucket = s3
    client.put_object(Bucket=bucket, Key="scripts/primer.md", Body=b"# Primer\n\nSixty to ninety seconds.")  # type: ignore[attr-defined]
    locations = parse_s3_locations("", "", f"SCRIPT_TEMPLATES={bucket}/scripts")
    assert locations == [S3Location(bucket, "scripts", "SCRIPT_TEMPLATES")]
    root = S3Source(make_s3_client(s3_endpoint), locations, tmp_path / "cache").sync()
    assert (root / "SCRIPT_TEMPLATES" / "primer.md").is_file()


def test_knowledge_base_on_s3_searches_the_mirrored_documents(
    s3: tuple[object, str], s3_endpoint: str, tmp_path: Path
) -> None:
    client, bucket = s3
    client.put_object(  # type: ignore[attr-defined]
        Bucket=bucket,
        Key="OBJECTION_HANDLING/spouse.md",
        Body=b"# Spouse Not Present\n\nReschedule so both decision-makers see the photos.",
    )
    settings = kb_settings(tmp_path / "var", kb="s3", kb_s3_bucket=bucket, aws_endpoint_url=s3_endpoint)
    kb = make_knowledge_base(settings)
    hit = kb.search("husband is not home", k=1)[0]
    assert (hit.source, hit.title) == ("OBJECTION_HANDLING/spouse.md", "Spouse Not Present")
