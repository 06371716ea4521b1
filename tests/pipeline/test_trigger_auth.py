"""Who a trigger email is from, and what in it is the sender's own: the From header's shape,
DKIM (signed here with a key made for the test, its public key served by a stub lookup or a DNS
server on loopback), a trusted receiver's Authentication-Results, auto-replies, quoted text."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import dns.message
import dns.rcode
import dns.rrset
import pytest

from harde.integrations.mail.authentication import (
    DnspythonTxt,
    DnsUnavailable,
    TriggerAuthenticator,
    aligned,
)
from harde.integrations.mail.message import parse_email, reply_text, single_address
from tests.pipeline.conftest import DIRECTOR, MX, DkimKey, StubDns, trigger_email


def authenticator(dns_lookup: object = None) -> TriggerAuthenticator:
    return TriggerAuthenticator(trusted_authserv_ids=[MX], dnsfunc=dns_lookup or StubDns({}))  # type: ignore[arg-type]


# --- the From header --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("director@summitridge.example, attacker@evil.io", "holds 2 addresses"),
        ("=?utf-8?b?ZGlyZWN0b3JAc3VtbWl0cmlkZ2UuZXhhbXBsZQ==?=", "encoded word"),
        ("=?utf-8?q?director=40summitridge=2Eexample?=", "encoded word"),
        ("Dir <=?utf-8?q?director=40summitridge.example?=>", "encoded word"),
        ("director@summitridge.example <attacker@evil.io>", "holds 2 addresses"),
        ("", "holds no addresses"),
    ],
)
def test_a_from_header_that_does_not_name_one_plain_address_names_no_sender(
    written: str, problem: str
) -> None:
    email = parse_email(trigger_email(from_header=written))
    assert email.sender == ""
    assert problem in email.sender_problem


def test_two_from_headers_name_no_sender() -> None:
    data = trigger_email().replace(b"To: ", b"From: attacker@evil.io\r\nTo: ", 1)
    email = parse_email(data)
    assert (email.sender, email.sender_problem) == ("", "the email has several From headers")


@pytest.mark.parametrize(
    "written",
    [
        "Director <director@summitridge.example>",
        "=?utf-8?q?Jos=C3=A9_Garc=C3=ADa?= <Director@SummitRidge.example>",  # an encoded name is fine
        "director@summitridge.example",
    ],
)
def test_a_plain_from_names_its_one_sender(written: str) -> None:
    email = parse_email(trigger_email(from_header=written))
    assert (email.sender, email.sender_problem) == (DIRECTOR, "")


def test_a_display_name_that_looks_like_the_directors_address_is_not_the_sender() -> None:
    email = parse_email(
        trigger_email(from_header='"director@summitridge.example" <attacker@evil.io>')
    )
    assert email.sender == "attacker@evil.io"


# --- Authentication-Results from the company's MX ---------------------------------------------


def test_the_messages_own_failing_results_do_not_authenticate_it() -> None:
    data = trigger_email(
        authentication_results=f"{MX}; spf=fail smtp.mailfrom=summitridge.example; dmarc=fail header.from=summitridge.example"
    )
    result = authenticator().check(data, DIRECTOR)
    assert result.status == "fail"
    assert "spf=fail" in result.detail and "dmarc=fail" in result.detail


def test_results_from_a_receiver_that_is_not_trusted_do_not_count() -> None:
    data = trigger_email(
        authentication_results="mx.evil.io; dmarc=pass header.from=summitridge.example"
    )
    assert authenticator().check(data, DIRECTOR).status == "fail"


def test_a_forged_pass_below_the_receivers_own_fail_does_not_count() -> None:
    data = trigger_email(
        authentication_results=f"{MX}; dmarc=pass header.from=summitridge.example"
    )  # the attacker's copy, written by the sender...
    data = (
        f"Authentication-Results: {MX}; spf=fail smtp.mailfrom=evil.io; dmarc=fail header.from=summitridge.example\r\n".encode()
        + data
    )  # ...and the MX's, on top
    assert authenticator().check(data, DIRECTOR).status == "fail"


def test_a_trusted_dmarc_pass_for_the_from_domain_authenticates() -> None:
    result = authenticator().check(trigger_email(), DIRECTOR)
    assert (result.status, result.method) == ("pass", "authentication-results")


def test_a_pass_for_another_domain_does_not_authenticate_the_from_domain() -> None:
    data = trigger_email(authentication_results=f"{MX}; dmarc=pass header.from=evil.io")
    assert authenticator().check(data, DIRECTOR).status == "fail"


def test_gmail_style_aligned_dkim_pass_authenticates() -> None:
    data = trigger_email(
        authentication_results="mx.google.com; dkim=pass header.i=@summitridge.example header.s=sel header.b=abc; spf=softfail smtp.mailfrom=x@summitridge.example",
    )
    gmail = TriggerAuthenticator(trusted_authserv_ids=["mx.google.com"], dnsfunc=StubDns({}))
    assert gmail.check(data, DIRECTOR).status == "pass"


# --- DKIM, verified here --------------------------------------------------------------------


def test_a_dkim_signature_of_the_from_domain_authenticates(dkim_key: DkimKey) -> None:
    dns_stub = StubDns({dkim_key.record_name(): dkim_key.txt})
    data = dkim_key.sign(trigger_email(authentication_results=None))

    result = authenticator(dns_stub).check(data, DIRECTOR)

    assert (result.status, result.method) == ("pass", "dkim")
    assert dns_stub.asked == [dkim_key.record_name()]


def test_a_signature_from_the_attackers_own_domain_does_not_vouch_for_the_from(
    dkim_key: DkimKey,
) -> None:
    dns_stub = StubDns({dkim_key.record_name("evil.io"): dkim_key.txt})
    data = dkim_key.sign(trigger_email(authentication_results=None), domain="evil.io")
    result = authenticator(dns_stub).check(data, DIRECTOR)
    assert result.status == "fail" and "not the From domain" in result.detail


def test_a_body_changed_after_signing_fails(dkim_key: DkimKey) -> None:
    dns_stub = StubDns({dkim_key.record_name(): dkim_key.txt})
    data = dkim_key.sign(trigger_email(authentication_results=None, body="Thanks!"))
    data = data.replace(b"Thanks!", b"Job 1052 please")
    result = authenticator(dns_stub).check(data, DIRECTOR)
    assert result.status == "fail" and "dkim=fail" in result.detail


def test_a_signature_over_part_of_the_body_or_without_the_subject_is_not_enough(
    dkim_key: DkimKey,
) -> None:
    dns_stub = StubDns({dkim_key.record_name(): dkim_key.txt})
    partial = dkim_key.sign(trigger_email(authentication_results=None), length=True)
    no_subject = dkim_key.sign(
        trigger_email(authentication_results=None), include_headers=[b"from", b"to", b"date"]
    )
    assert "part of the body" in authenticator(dns_stub).check(partial, DIRECTOR).detail
    assert "Subject" in authenticator(dns_stub).check(no_subject, DIRECTOR).detail


def test_a_signing_parent_domain_is_aligned_but_a_bare_suffix_is_not() -> None:
    assert aligned("summitridge.example", "mail.summitridge.example")
    assert not aligned("example", "summitridge.example")
    assert not aligned("mail.summitridge.example", "summitridge.example")


def test_when_dns_does_not_answer_the_check_is_unknown_not_failed(dkim_key: DkimKey) -> None:
    def down(name: bytes | str, timeout: float = 5.0) -> bytes | None:
        raise DnsUnavailable("Timeout")

    data = dkim_key.sign(trigger_email(authentication_results=None))
    assert authenticator(down).check(data, DIRECTOR).status == "unknown"


def test_an_unsigned_email_without_trusted_results_fails() -> None:
    result = authenticator().check(trigger_email(authentication_results=None), DIRECTOR)
    assert result.status == "fail" and "dkim=none" in result.detail


# --- the key over real DNS, from a server on loopback -----------------------------------------


class LoopbackDns:
    """A one-socket UDP DNS server answering TXT queries from a dict (or never, when mute)."""

    def __init__(self, records: dict[str, bytes], *, mute: bool = False) -> None:
        self.records = records
        self.mute = mute
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.queries = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                data, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            self.queries += 1
            if self.mute:
                continue
            query = dns.message.from_wire(data)
            reply = dns.message.make_response(query)
            question = query.question[0]
            value = self.records.get(question.name.to_text().rstrip("."))
            if value is None:
                reply.set_rcode(dns.rcode.NXDOMAIN)
            else:
                chunks = " ".join(
                    f'"{value[i : i + 200].decode()}"' for i in range(0, len(value), 200)
                )
                reply.answer.append(dns.rrset.from_text(question.name, 60, "IN", "TXT", chunks))
            self.sock.sendto(reply.to_wire(), peer)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def loopback_dns(dkim_key: DkimKey) -> Iterator[LoopbackDns]:
    server = LoopbackDns({dkim_key.record_name(): dkim_key.txt})
    yield server
    server.close()


def test_dkim_keys_are_fetched_through_dnspython(
    dkim_key: DkimKey, loopback_dns: LoopbackDns
) -> None:
    lookup = DnspythonTxt(["127.0.0.1"], port=loopback_dns.port)
    assert lookup(dkim_key.record_name(), timeout=2) == dkim_key.txt
    assert lookup("nothing._domainkey.summitridge.example", timeout=2) is None

    data = dkim_key.sign(trigger_email(authentication_results=None))
    assert authenticator(lookup).check(data, DIRECTOR).status == "pass"


def test_a_dns_server_that_never_answers_is_retried_then_unavailable() -> None:
    mute = LoopbackDns({}, mute=True)
    try:
        lookup = DnspythonTxt(["127.0.0.1"], port=mute.port, attempts=2)
        with pytest.raises(DnsUnavailable):
            lookup("hard-e._domainkey.summitridge.example", timeout=0.3)
    finally:
        mute.close()
    assert mute.queries >= 2


# --- auto-replies, quoted text, stand-in ids, the homeowner's address ------------------------


@pytest.mark.parametrize(
    ("headers", "marked"),
    [
        ({"Auto-Submitted": "auto-replied"}, "Auto-Submitted"),
        ({"Auto-Submitted": "auto-generated; owner-email=x"}, "Auto-Submitted"),
        ({"Precedence": "bulk"}, "Precedence"),
        ({"Precedence": "list"}, "Precedence"),
        ({"Precedence": "junk"}, "Precedence"),
        ({"X-Autoreply": "yes"}, "X-Autoreply"),
        ({"Auto-Submitted": "no"}, ""),
        ({"Precedence": "first-class"}, ""),
    ],
)
def test_auto_replies_and_bulk_mail_are_recognised(headers: dict[str, str], marked: str) -> None:
    assert parse_email(trigger_email(headers=headers)).automated == marked


def test_only_the_new_text_of_a_reply_is_read() -> None:
    body = (
        "Please do #1012\n\n"
        "On Mon, Nov 23, 2026 at 9:00 AM Hard-E <hard-e@summitridge.example>\nwrote:\n"
        "> I found more than one job:\n>   - Job 1052 · Johnson windows\n"
        "Job 1027 · Johnson gutters\n"
    )
    assert reply_text(body) == "Please do #1012"
    assert reply_text("Yes, 1043.\n> Job 1052\nThanks") == "Yes, 1043.\nThanks"
    assert reply_text("again\n\nOn Tue, Hard-E wrote:\nReply 'again' to resend") == "again"
    assert (
        reply_text("go\n\nFrom: Hard-E <hard-e@summitridge.example>\nSent: Monday\nagain") == "go"
    )
    assert reply_text("ok\n-----Original Message-----\njob 1052") == "ok"


def test_an_email_without_message_id_gets_the_same_id_whichever_way_it_arrived() -> None:
    data = trigger_email(message_id="")
    first = parse_email(b"Received: from a by mx1; Mon, 23 Nov 2026 09:00:01\r\n" + data)
    second = parse_email(b"Received: from b by mx2; Mon, 23 Nov 2026 09:05:00\r\n" + data)
    other = parse_email(trigger_email("Please produce Primer Video for job 1001", message_id=""))
    assert first.message_id == second.message_id != other.message_id
    assert first.message_id.endswith("@harde.invalid")


@pytest.mark.parametrize(
    ("written", "address"),
    [
        ("kmurphy@example.com", "kmurphy@example.com"),
        ("  kmurphy@Example.COM ", "kmurphy@example.com"),
        ("kmurphy@example.com, attacker@evil.example", None),
        ("kmurphy@example.com;attacker@evil.example", None),
        ("Kathleen <kmurphy@example.com>", None),
        ("kmurphy@example.com\r\nBcc: attacker@evil.example", None),
        ("not an address", None),
    ],
)
def test_a_homeowner_address_is_exactly_one_valid_address(
    written: str, address: str | None
) -> None:
    assert single_address(written) == address
