"""The inbox daemon against forged, automatic and quoted trigger emails: each attack that once
got a homeowner emailed now starts nothing (one log line says why, with no address in it), and
a genuine trigger, authenticated by DKIM or by the company's MX, still runs."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from dbos import DBOS

from harde.config import Settings
from harde.integrations.mail import MaildirInbox, inbox_dir, outbox_dir
from harde.integrations.mail.authentication import DnsUnavailable, TriggerAuthenticator
from harde.workflows.daemon import InboxDaemon
from harde.workflows.pipeline import PrimerPipeline
from harde.workflows.primer import WORKFLOW_NAME
from tests.pipeline.conftest import (
    DIRECTOR,
    MX,
    DkimKey,
    StubDns,
    drop_email,
    trigger_email,
)
from tests.pipeline.outbox_reading import body_of, sent_messages, sent_to

# Hard-E's "which job?" reply for "Johnson", as a mail client quotes it back.
WHICH_JOB = (
    "On Mon, Nov 23, 2026 at 9:02 AM Hard-E <hard-e@summitridge.example> wrote:\n"
    '> I found more than one job for "Johnson", so I have not made a video yet:\n'
    ">\n"
    ">   - Job 1052 · Johnson windows (Linda Johnson, Worcester)\n"
    ">   - Job 1027 · Johnson gutters (Linda Johnson, Worcester)\n"
    ">   - Job 1012 · Johnson roof replacement (Robert Johnson, Framingham)\n"
)
# Quick to run: an ambiguous name ends in a reply to the director, with no video.
QUICK = "Please produce Primer Video for Theresa Sweeney"


async def poll(
    settings: Settings, authenticator: TriggerAuthenticator | None = None
) -> tuple[InboxDaemon, list[dict[str, Any]]]:
    daemon = InboxDaemon(settings, MaildirInbox(inbox_dir(settings)), authenticator=authenticator)
    await daemon.poll_once()
    results = []
    for workflow_id in dict.fromkeys(daemon.started):
        handle: Any = await DBOS.retrieve_workflow_async(workflow_id)
        results.append(await handle.get_result())
    return daemon, results


def pipeline_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "harde.pipeline" and r.levelno >= logging.WARNING
    ]


FORGED = {
    # Its own Authentication-Results, from the company's MX, says it failed.
    "spf_and_dmarc_fail": {
        "authentication_results": f"{MX}; spf=fail smtp.mailfrom=evil.io; dmarc=fail header.from=summitridge.example"
    },
    # An encoded word that only a decoder reads as the director's address.
    "encoded_word_from": {"from_header": "=?utf-8?b?ZGlyZWN0b3JAc3VtbWl0cmlkZ2UuZXhhbXBsZQ==?="},
    # The director first, the attacker second.
    "two_addresses": {"from_header": "director@summitridge.example, attacker@evil.io"},
}


@pytest.mark.parametrize("variant", sorted(FORGED))
async def test_a_forged_from_starts_nothing_and_one_line_says_why(
    variant: str,
    pipeline_settings: Settings,
    pipeline: PrimerPipeline,
    caplog: pytest.LogCaptureFixture,
) -> None:
    drop_email(inbox_dir(pipeline_settings), trigger_email(**FORGED[variant]))

    with caplog.at_level(logging.INFO, logger="harde.pipeline"):
        daemon, _ = await poll(pipeline_settings)

    assert daemon.started == []
    assert await DBOS.list_workflows_async(name=WORKFLOW_NAME) == []
    assert sent_messages(outbox_dir(pipeline_settings)) == []
    [line] = pipeline_warnings(caplog)
    assert "ignored a trigger email" in line
    assert "@" not in line and "attacker" not in line and "director" not in line
    assert not list((inbox_dir(pipeline_settings) / "new").iterdir())  # marked, not re-read


async def test_an_out_of_office_reply_quoting_the_job_list_starts_nothing(
    pipeline_settings: Settings, pipeline: PrimerPipeline, caplog: pytest.LogCaptureFixture
) -> None:
    ooo = trigger_email(
        "Automatic reply: Re: Please produce Primer Video for Johnson",
        body="I am out of the office until Monday.\n\n" + WHICH_JOB,
        headers={"Auto-Submitted": "auto-replied", "X-Autoreply": "yes"},
    )
    drop_email(inbox_dir(pipeline_settings), ooo)

    with caplog.at_level(logging.INFO, logger="harde.pipeline"):
        daemon, _ = await poll(pipeline_settings)

    assert daemon.started == []
    assert sent_messages(outbox_dir(pipeline_settings)) == []
    [line] = pipeline_warnings(caplog)
    assert "automatic reply" in line and "Auto-Submitted" in line


async def test_the_job_named_above_the_quote_is_the_one_made(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    reply = trigger_email(
        "Re: Please produce Primer Video for Johnson", body="Please do #1012\n\n" + WHICH_JOB
    )
    drop_email(inbox_dir(pipeline_settings), reply)

    _, [result] = await poll(pipeline_settings)

    assert result["outcome"] == "done" and result["job_id"] == 1012
    assert len(sent_to(outbox_dir(pipeline_settings), "rjohnson@example.com")) == 1
    assert sent_to(outbox_dir(pipeline_settings), "ljohnson@example.net") == []


async def test_a_dkim_signed_trigger_runs_without_any_receivers_verdict(
    pipeline_settings: Settings, pipeline: PrimerPipeline, dkim_key: DkimKey
) -> None:
    dns_stub = StubDns({dkim_key.record_name(): dkim_key.txt})
    signed = dkim_key.sign(trigger_email(QUICK, authentication_results=None))
    drop_email(inbox_dir(pipeline_settings), signed)

    _, [result] = await poll(
        pipeline_settings, TriggerAuthenticator(trusted_authserv_ids=[], dnsfunc=dns_stub)
    )

    assert result["outcome"] == "job_ambiguous"
    assert len(sent_to(outbox_dir(pipeline_settings), DIRECTOR)) == 1  # the "which job?" reply
    assert dns_stub.asked == [dkim_key.record_name()]


async def test_when_dns_is_down_the_trigger_waits_unread_for_a_later_poll(
    pipeline_settings: Settings,
    pipeline: PrimerPipeline,
    dkim_key: DkimKey,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def down(name: bytes | str, timeout: float = 5.0) -> bytes | None:
        raise DnsUnavailable("Timeout")

    signed = dkim_key.sign(trigger_email(QUICK, authentication_results=None))
    dropped = drop_email(inbox_dir(pipeline_settings), signed)
    daemon = InboxDaemon(
        pipeline_settings,
        MaildirInbox(inbox_dir(pipeline_settings)),
        authenticator=TriggerAuthenticator(dnsfunc=down),
    )
    with caplog.at_level(logging.INFO, logger="harde.pipeline"):
        await daemon.poll_once()
        await daemon.poll_once()
    assert daemon.started == [] and dropped.exists()
    [line] = pipeline_warnings(caplog)
    assert "could not check" in line

    dns_back = StubDns({dkim_key.record_name(): dkim_key.txt})
    _, [result] = await poll(
        pipeline_settings, TriggerAuthenticator(trusted_authserv_ids=[], dnsfunc=dns_back)
    )
    assert result["outcome"] == "job_ambiguous"


async def test_the_unsafe_setting_obeys_unauthenticated_triggers_and_says_so_each_time(
    pipeline_settings: Settings, pipeline: PrimerPipeline, caplog: pytest.LogCaptureFixture
) -> None:
    unsafe = pipeline_settings.model_copy(update={"unsafe_obey_unauthenticated_triggers": True})
    drop_email(inbox_dir(unsafe), trigger_email(QUICK, authentication_results=None))
    # It relaxes authentication only: a From with two addresses is still refused.
    drop_email(
        inbox_dir(unsafe),
        trigger_email(QUICK, from_header="director@summitridge.example, attacker@evil.io"),
    )

    with caplog.at_level(logging.INFO, logger="harde.pipeline"):
        _, results = await poll(unsafe)

    assert [r["outcome"] for r in results] == ["job_ambiguous"]
    warnings = pipeline_warnings(caplog)
    assert len(warnings) == 2
    assert any(w.startswith("UNSAFE: obeying an unauthenticated trigger") for w in warnings)
    assert any("holds 2 addresses" in w for w in warnings)


async def test_the_same_email_without_message_id_delivered_twice_is_one_run(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    email = trigger_email(QUICK, message_id="")
    drop_email(inbox_dir(pipeline_settings), b"Received: from mx1 by hop1; Mon\r\n" + email)
    drop_email(inbox_dir(pipeline_settings), b"Received: from mx2 by hop2; Tue\r\n" + email)

    daemon, results = await poll(pipeline_settings)

    assert len(set(daemon.started)) == 1 and len(results) == 1
    assert len(await DBOS.list_workflows_async(name=WORKFLOW_NAME)) == 1
    replies = sent_to(outbox_dir(pipeline_settings), DIRECTOR)
    assert len(replies) == 1 and "1001" in body_of(replies[0])
