"""CRM errors: one family for both backends, carrying Leap's own message and validation fields."""

from __future__ import annotations

from harde.errors import AuthenticationError, IntegrationError, NotFoundError, RateLimitedError

SERVICE = "CRM"


class CRMError(IntegrationError):
    """The CRM refused or failed a request."""

    def __init__(
        self, message: str, *, service: str = SERVICE, status_code: int | None = None
    ) -> None:
        super().__init__(service, message)
        self.status_code = status_code


class CRMNotFound(CRMError, NotFoundError):
    """The customer, job, note or appointment asked for does not exist."""

    retryable = False


class CRMValidationError(CRMError):
    """The CRM rejected the input (Leap 412): its message and per-field messages."""

    retryable = False

    def __init__(
        self,
        message: str,
        validation: dict[str, list[str]] | None = None,
        *,
        service: str = SERVICE,
        status_code: int | None = 412,
    ) -> None:
        super().__init__(message, service=service, status_code=status_code)
        self.validation: dict[str, list[str]] = dict(validation or {})

    def plain(self) -> str:
        """The problem in plain words: "Phone 1 number: must be 8 to 12 digits"."""
        if not self.validation:
            return self.message
        parts = [
            f"{field_label(field)}: {'; '.join(msgs)}" for field, msgs in self.validation.items()
        ]
        return "; ".join(parts)


class CRMDuplicateCustomer(CRMValidationError):
    """A customer with this email or phone already exists."""

    def __init__(self, message: str, existing_ids: list[int], *, service: str = SERVICE) -> None:
        super().__init__(message, service=service)
        self.existing_ids = existing_ids


class CRMAuthError(CRMError, AuthenticationError):
    """Leap refused the API token."""

    retryable = False

    def __init__(
        self,
        message: str = "Leap rejected the API token (LEAP_API_TOKEN)",
        *,
        service: str = "Leap",
    ) -> None:
        super().__init__(message, service=service, status_code=401)


class CRMRateLimited(CRMError, RateLimitedError):
    """Leap kept answering "Too Many Attempts" after the retries."""

    def __init__(
        self,
        message: str = "Leap is rate limiting requests",
        *,
        retry_after: float | None = None,
        service: str = "Leap",
    ) -> None:
        super().__init__(message, service=service, status_code=429)
        self.retry_after = retry_after


class CRMUnavailable(CRMError):
    """The CRM could not be reached or answered with server errors after the retries."""


class CRMUnsupported(CRMNotFound):
    """The CRM account does not offer this operation (an endpoint Leap has not confirmed).

    A not-found, so code that falls back on a missing record falls back here too."""


def field_label(field: str) -> str:
    """`phones.0.number` -> `Phone 1 number`: Leap's dotted validation keys in plain words."""
    parts = field.split(".")
    words: list[str] = []
    for part in parts:
        if part.isdigit():
            words.append(str(int(part) + 1))
        else:
            word = part.replace("_", " ")
            if word.endswith("s") and len(parts) > 1 and part is parts[0]:
                word = word[:-1]
            words.append(word)
    text = " ".join(words)
    return text[:1].upper() + text[1:]
