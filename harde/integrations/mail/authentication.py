"""Whether a trigger email comes from the address in its From header.

It does when a DKIM signature verifies for a domain aligned with the From domain (dkimpy; keys
from DNS through dnspython, or any lookup a caller passes in), or when a receiving server we
trust says so in an Authentication-Results header (dmarc=pass, or an aligned dkim=pass). Only
the topmost header from a trusted authserv-id counts: a receiver adds its own above anything the
sender wrote, so a copy forged further down never decides.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from typing import Literal

import authres
import dkim
import dns.exception
import dns.resolver
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

# dkimpy logs signatures and header text at debug level; none of it may reach our logs.
_DKIM_LOG = logging.getLogger("harde.mail.dkim")
_DKIM_LOG.addHandler(logging.NullHandler())
_DKIM_LOG.propagate = False

MAX_SIGNATURES = 5  # enough for any real message; bounds the work a crafted one can cause
MAX_HEADER_CHARS = 8_000
_AUTHSERV_ID = re.compile(r"\s*([^\s;(]+)")

# dkimpy's DNS hook: TXT record of `name` (bytes or str), or None when there is none.
TxtLookup = Callable[..., bytes | None]


class DnsUnavailable(Exception):
    """DNS did not answer (timeout, no reachable server): the check can be tried again later."""


@dataclass(frozen=True)
class Authentication:
    status: Literal["pass", "fail", "unknown"]  # unknown: DNS did not answer, ask again later
    method: str  # "dkim" | "authentication-results" | ""
    detail: str  # what was found, for the log: domains and results, never an address


_TRANSIENT_DNS = (dns.exception.Timeout, dns.resolver.NoNameservers)


class DnspythonTxt:
    """TXT lookups through dnspython: the system's resolvers, or the `nameservers` given;
    each query has a timeout and is retried with backoff before DNS counts as unavailable."""

    def __init__(
        self, nameservers: list[str] | None = None, *, port: int = 53, attempts: int = 3
    ) -> None:
        self.nameservers, self.port, self.attempts = nameservers, port, attempts
        self._resolver: dns.resolver.Resolver | None = None

    def _resolver_for_use(self) -> dns.resolver.Resolver:
        if self._resolver is None:
            configure = self.nameservers is None  # else /etc/resolv.conf is not read at all
            resolver = dns.resolver.Resolver(configure=configure)
            if self.nameservers is not None:
                resolver.nameservers = list(self.nameservers)
                resolver.port = self.port
            self._resolver = resolver
        return self._resolver

    def __call__(self, name: bytes | str, timeout: float = 5.0) -> bytes | None:
        qname = name.decode("ascii", "replace") if isinstance(name, bytes) else name
        query = retry(
            retry=retry_if_exception_type(_TRANSIENT_DNS),
            wait=wait_exponential(multiplier=0.2, max=2),
            stop=stop_after_attempt(self.attempts),
            reraise=True,
        )(self._query)
        try:
            answer = query(qname, float(timeout))
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return None
        except (*_TRANSIENT_DNS, dns.resolver.NoResolverConfiguration) as exc:
            raise DnsUnavailable(type(exc).__name__) from exc
        for rrset in answer.response.answer:
            for record in rrset:
                strings = getattr(record, "strings", None)
                if strings:
                    return b"".join(strings)
        return None

    def _query(self, qname: str, timeout: float) -> dns.resolver.Answer:
        return self._resolver_for_use().resolve(
            qname, "TXT", lifetime=timeout, raise_on_no_answer=False, search=False
        )


def aligned(signing_domain: str, from_domain: str) -> bool:
    """DMARC's relaxed alignment, without a public-suffix list: the same domain, or the From
    domain is a subdomain of the signing one (which must itself have a dot, so no bare TLD)."""
    d, f = signing_domain.strip(".").lower(), from_domain.strip(".").lower()
    return bool(d) and "." in d and (f == d or f.endswith("." + d))


class TriggerAuthenticator:
    """Checks a raw email against its (already single) From address. Blocking: run in a thread."""

    def __init__(
        self,
        *,
        trusted_authserv_ids: list[str] | tuple[str, ...] = (),
        dnsfunc: TxtLookup | None = None,
        timeout_s: float = 5.0,
    ) -> None:
        self.trusted = frozenset(t.strip().lower() for t in trusted_authserv_ids if t.strip())
        self.dnsfunc: TxtLookup = dnsfunc or DnspythonTxt()
        self.timeout_s = timeout_s

    def check(self, raw: bytes, sender: str) -> Authentication:
        from_domain = sender.rpartition("@")[2].lower()
        if not from_domain:
            return Authentication("fail", "", "no From address to authenticate")
        results = self.authentication_results(raw, from_domain)
        if results.status == "pass":
            return results
        signature = self.dkim(raw, from_domain)
        if signature.status == "pass":
            return signature
        status: Literal["fail", "unknown"] = "unknown" if signature.status == "unknown" else "fail"
        return Authentication(status, "", f"{signature.detail}; {results.detail}")

    # --- Authentication-Results from a receiver we trust -----------------------------------
    def authentication_results(self, raw: bytes, from_domain: str) -> Authentication:
        headers = BytesParser(policy=policy.compat32).parsebytes(raw, headersonly=True)
        for value in headers.get_all("Authentication-Results") or []:
            text = " ".join(str(value).split())[:MAX_HEADER_CHARS]
            authserv_id = _AUTHSERV_ID.match(text)
            if authserv_id is None or authserv_id[1].lower() not in self.trusted:
                continue
            try:
                parsed = authres.parse_value(text)
            except (authres.AuthResError, ValueError, IndexError, AttributeError):
                return Authentication(
                    "fail", "", "the trusted Authentication-Results header does not parse"
                )
            return self._judge(parsed, from_domain)
        return Authentication("fail", "", "no Authentication-Results from a trusted receiver")

    def _judge(
        self, parsed: authres.AuthenticationResultsHeader, from_domain: str
    ) -> Authentication:
        said: list[str] = []
        for result in parsed.results:
            method = str(getattr(result, "method", "") or "").lower()
            outcome = str(getattr(result, "result", "") or "").lower()
            if not method:
                continue
            said.append(f"{method}={outcome}")
            props = {
                f"{p.type}.{p.name}".lower(): str(p.value or "")
                for p in getattr(result, "properties", None) or []
            }
            if outcome != "pass":
                continue
            if method == "dmarc" and props.get("header.from", "").lower() == from_domain:
                return Authentication(
                    "pass", "authentication-results", f"{parsed.authserv_id}: dmarc=pass"
                )
            if method == "dkim":
                signer = props.get("header.d") or props.get("header.i", "").rpartition("@")[2]
                if aligned(signer, from_domain):
                    return Authentication(
                        "pass",
                        "authentication-results",
                        f"{parsed.authserv_id}: dkim=pass d={signer.lower()}",
                    )
        return Authentication(
            "fail", "", f"{parsed.authserv_id} says {' '.join(said) or 'nothing'} for it"
        )

    # --- DKIM, verified here ---------------------------------------------------------------
    def dkim(self, raw: bytes, from_domain: str) -> Authentication:
        try:
            count = sum(
                1
                for name, _ in dkim.DKIM(raw, logger=_DKIM_LOG).headers
                if name.lower() == b"dkim-signature"
            )
        except dkim.DKIMException:
            return Authentication("fail", "", "dkim: the message does not parse")
        if not count:
            return Authentication("fail", "", "dkim=none")
        found: list[str] = []
        dns_down = False
        for idx in range(min(count, MAX_SIGNATURES)):
            lookup = _WatchedLookup(self.dnsfunc)
            verifier = dkim.DKIM(raw, logger=_DKIM_LOG, minkey=1024, timeout=self.timeout_s)
            try:
                ok = bool(verifier.verify(idx=idx, dnsfunc=lookup))
            except dkim.DKIMException:
                ok = False
            domain = (verifier.domain or b"?").decode("ascii", "replace").lower()
            if lookup.unavailable:
                dns_down = True
                continue
            if not ok:
                found.append(f"dkim=fail d={domain}")
            elif not aligned(domain, from_domain):
                found.append(f"dkim=pass d={domain} (not the From domain)")
            elif b"l" in (verifier.signature_fields or {}):
                found.append(f"dkim=pass d={domain} (signs only part of the body)")
            elif b"subject" not in (verifier.include_headers or ()):
                found.append(f"dkim=pass d={domain} (does not sign the Subject)")
            else:
                return Authentication("pass", "dkim", f"dkim=pass d={domain}")
        if dns_down and not found:
            return Authentication("unknown", "", "dkim: DNS did not answer")
        return Authentication("unknown" if dns_down else "fail", "", ", ".join(found))


class _WatchedLookup:
    """Passes dkimpy's lookups through, noting when DNS itself failed (dkimpy folds that into
    "did not verify", which must not reject a genuine trigger for good)."""

    def __init__(self, lookup: TxtLookup) -> None:
        self.lookup = lookup
        self.unavailable = False

    def __call__(self, name: bytes | str, timeout: float = 5.0) -> bytes | None:
        try:
            return self.lookup(name, timeout=timeout)
        except DnsUnavailable as exc:
            self.unavailable = True
            raise dkim.DnsTimeoutError(str(exc)) from exc
