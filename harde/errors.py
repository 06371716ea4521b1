"""The exception family. Recoverable failures inside a tool become messages, not these."""

from __future__ import annotations


class HardeError(Exception):
    """Base class for every error Hard-E raises on purpose."""

    # Whether the same request may succeed later (a service down), or never will as it is.
    retryable = False


class ConfigurationError(HardeError):
    """A setting or configuration file is missing or invalid."""


class AgentConfigError(ConfigurationError):
    """agent_config.yaml names an unknown agent, tool or prompt file, or is malformed."""


class IntegrationError(HardeError):
    """An outside service failed after its retries ran out."""

    retryable = True

    def __init__(self, service: str, message: str) -> None:
        super().__init__(f"{service}: {message}")
        self.service = service
        self.message = message


class AuthenticationError(IntegrationError):
    """An outside service rejected the credentials it was given."""

    retryable = False


class RateLimitedError(IntegrationError):
    """An outside service kept answering 'too many requests' after the retries."""


class NotFoundError(HardeError):
    """A record asked for by id does not exist."""


class NotAllowedError(HardeError):
    """The person signed in may not do this (a rep approving an upload); the message says who may."""


class InputError(HardeError):
    """Input from a user that cannot be used as it is; the message says why."""


class UnreadableDocumentError(InputError):
    """A document could not be turned into text; the message says why."""


class TurnTooLong(HardeError):
    """A turn ran past its time budget (HARDE_TURN_BUDGET_S) and was stopped."""

    retryable = True
