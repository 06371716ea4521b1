"""The one Settings object: environment, `.env` and `.streamlit/secrets.toml`, read once.

Components never read the environment themselves; they receive what they need from here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = PROJECT_ROOT / "data" / "demo"

AGENT_KEYS = ("triage", "crm", "knowledge", "analysis", "web_search", "scripting", "new_clients", "pricing")


def _alias(*names: str) -> AliasChoices:
    return AliasChoices(*names)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-") or "harde"


class Settings(BaseSettings):
    """Every setting Hard-E reads. `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_prefix="HARDE_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        # A copied .env.example leaves most settings blank: blank means "use the default".
        env_ignore_empty=True,
    )

    # --- models -------------------------------------------------------------------------
    llm: Literal["offline", "openai"] | None = None
    openai_api_key: SecretStr | None = Field(None, validation_alias=_alias("OPENAI_API_KEY", "openai_api_key"))
    openai_base_url: str | None = Field(None, validation_alias=_alias("OPENAI_BASE_URL", "openai_base_url"))
    openai_api: Literal["chat", "responses"] = "chat"
    model: str = "gpt-4.1-mini"
    # Per-agent model names, "crm=gpt-4.1,scripting=gpt-4.1"; agents not named use `model`.
    agent_models: str = ""
    llm_timeout_s: float = 60.0
    llm_max_retries: int = 3
    max_input_chars: int = 12_000
    # Seconds a turn may take before it ends with "That took too long; try a shorter question."
    turn_budget_s: float = Field(60.0, gt=0)
    # The web app shows an answer's text in pieces gathered over this many milliseconds (a
    # frame); 0 hands every piece to the page on its own.
    stream_frame_ms: float = Field(30.0, ge=0)

    # --- storage ------------------------------------------------------------------------
    data_dir: Path = PROJECT_ROOT / "var"
    demo_dir: Path = DEMO_DIR
    # Conversation store: empty means SQLite under data_dir; "redis://host:port/db" for Redis.
    session_url: str = ""
    company_name: str = "Summit Ridge Exteriors"
    # The states the company works in, home state first: a town dictated without its state
    # ("14 cedar ln natick") is looked up in these, and a town in several of them is the home state's.
    service_area: str = "MA,NH,RI,CT,ME,VT,NY"
    # Who the command line speaks as; the web app always uses the signed-in person.
    user_name: str = "sales rep"

    # --- sign-in --------------------------------------------------------------------------
    # local: the users file (hashed passwords); oidc: Streamlit's st.login, configured under
    # [auth] in .streamlit/secrets.toml; proxy: the user name in a header set by a proxy that
    # authenticated the person (nginx basic auth). Trust that header only behind such a proxy.
    auth: Literal["local", "oidc", "proxy"] = "local"
    # Default: users.json under data_dir.
    users_file: Path | None = None
    proxy_user_header: str = "X-Remote-User"
    # Emails or user names that are directors when the users file does not say (OIDC, proxy).
    directors: str = ""
    # The company's local time: "tomorrow at 3pm" in a booking means this zone's wall clock.
    timezone: str = "America/New_York"
    # A fixed wall-clock time ("2026-11-23T09:00") for demos and evaluations; empty: the real clock.
    now: str = ""

    # --- CRM ----------------------------------------------------------------------------
    crm: Literal["local", "leap"] | None = None
    leap_api_token: SecretStr | None = Field(None, validation_alias=_alias("LEAP_API_TOKEN", "leap_api_token"))
    leap_base_url: str = Field(
        "https://api.jobprogress.com/api/v3", validation_alias=_alias("LEAP_BASE_URL", "leap_base_url")
    )
    leap_timeout_s: float = 20.0
    leap_requests_per_minute: int = 60
    # Where request budgets shared by processes live: empty means the session store when that
    # is Redis, else a SQLite file under data_dir; "redis://host:port/db" for Redis.
    rate_limit_url: str = ""

    # --- knowledge and web search ---------------------------------------------------------
    kb: Literal["local", "s3"] = "local"
    kb_dir: Path = DEMO_DIR / "knowledge"
    kb_s3_bucket: str = ""
    kb_s3_prefix: str = ""
    # Per-category S3 locations, "CORE_KNOWLEDGE=bucket/prefix,OBJECTION_HANDLING=other/x";
    # without it, each folder under kb_s3_bucket/kb_s3_prefix is a category.
    kb_s3_locations: str = ""
    # Reading a PDF (in a separate process) stops at this many pages, seconds and megabytes.
    kb_pdf_max_pages: int = Field(200, ge=1)
    kb_pdf_timeout_s: float = Field(20.0, gt=0)
    kb_pdf_memory_mb: int = Field(1024, ge=128)
    # Passages are also ranked by meaning (sentence vectors on the CPU, model in a wheel) up to
    # this many passages; above it, or with kb_vectors off, by their words alone (BM25).
    kb_vectors: bool = True
    kb_vectors_max_passages: int = Field(50_000, ge=0)
    aws_endpoint_url: str | None = Field(None, validation_alias=_alias("AWS_ENDPOINT_URL", "aws_endpoint_url"))
    perplexity_api_key: SecretStr | None = Field(
        None, validation_alias=_alias("PERPLEXITY_API_KEY", "perplexity_api_key")
    )
    perplexity_base_url: str = Field(
        "https://api.perplexity.ai", validation_alias=_alias("PERPLEXITY_BASE_URL", "perplexity_base_url")
    )
    perplexity_model: str = "sonar"

    # --- speech -------------------------------------------------------------------------
    # "piper" needs the optional extra (pip install -e '.[piper]'; piper-tts is GPL-3.0).
    tts: Literal["espeak", "openai", "piper"] | None = None
    openai_tts_model: str = "gpt-4o-mini-tts"
    openai_tts_voice: str = "alloy"
    transcribe_model: str = "gpt-4o-mini-transcribe"
    # Speech in: "whisper" (local, the default without an OpenAI key) or "openai".
    transcriber: Literal["whisper", "openai"] | None = None
    # A bigger CTranslate2 Whisper model than the bundled tiny.en: its folder, and the sha256
    # of its model.bin (checked before it is used).
    whisper_model_dir: Path | None = None
    whisper_model_sha256: str = ""
    whisper_beam_size: int = Field(5, ge=1, le=10)
    whisper_compute_type: str = "int8"
    whisper_threads: int = Field(0, ge=0)
    # Recordings longer than this are refused with the reason.
    voice_max_seconds: float = Field(120.0, gt=0)
    # Show a dictated message in an editable box before it is sent, instead of sending it at once.
    voice_review: bool = False
    # Load the local speech model when the web process starts (about 300 MB resident), so the
    # first dictation does not wait for it; off, it loads on the first recording instead.
    voice_warm_up: bool = True
    elevenlabs_api_key: SecretStr | None = Field(
        None, validation_alias=_alias("ELEVENLABS_API_KEY", "elevenlabs_api_key")
    )
    elevenlabs_voice_id: str = ""
    elevenlabs_base_url: str = Field(
        "https://api.elevenlabs.io", validation_alias=_alias("ELEVENLABS_BASE_URL", "elevenlabs_base_url")
    )

    # --- primer-video pipeline -------------------------------------------------------------
    renderer: Literal["ffmpeg", "cloudinary"] = "ffmpeg"
    cloudinary_url: SecretStr | None = Field(None, validation_alias=_alias("CLOUDINARY_URL", "cloudinary_url"))
    delivery: Literal["local", "gdrive"] = "local"
    # Where people reach the app ("https://harde.example.com"): links in CRM notes, emails and the
    # Primer videos page are made from it. Required by the pipeline when delivery is local.
    public_url: str = ""
    # The web app's port on loopback (the unit passes HARDE_PORT to Streamlit); `harde doctor`
    # asks it whether it is ready.
    port: int = 8501
    google_service_account_file: Path | None = None
    gdrive_folder_id: str = ""
    mail_in: Literal["maildir", "imap", "gmail"] = "maildir"
    mail_out: Literal["maildir", "smtp", "gmail"] = "maildir"
    imap_host: str = ""
    imap_port: int = 993
    imap_user: str = ""
    imap_password: SecretStr | None = None
    imap_ssl: bool = True
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = True
    mail_from: str = "hard-e@summitridge.example"
    director_email: str = "director@summitridge.example"
    allowed_senders: str = "director@summitridge.example"
    trigger_subject: str = r"(?i)please\s+produce\s+primer\s+video"
    # Receivers whose Authentication-Results headers are believed (the company's MX, or
    # "mx.google.com" for Gmail), comma-separated; otherwise a trigger needs its own DKIM signature.
    trusted_authserv_ids: str = ""
    # Obey trigger emails that neither DKIM nor a trusted receiver authenticates: anyone can then
    # forge the director's From. For a closed test setup only; the daemon logs it on every email.
    unsafe_obey_unauthenticated_triggers: bool = False
    # A second trigger for a job emailed within this many days is answered, not run (unless it
    # says "again").
    primer_repeat_window_days: float = 7.0
    # This instance's name in a workflow database shared with others (production, staging);
    # empty: taken from data_dir.
    instance: str = ""
    # This daemon's name among several of one instance sharing its workflow queue (one per
    # host or process: "a", "b"); empty for the single daemon. Each runs queued runs as they
    # come and, when it starts again, recovers the runs it had started.
    executor: str = ""
    workflow_db_url: str = ""
    poll_interval_s: float = 5.0
    # Mailbox the Gmail API acts as (service account with domain-wide delegation).
    gmail_user: str = ""
    # LocalDelivery copies videos here; Streamlit serves ./static at /app/static/ when
    # server.enableStaticServing is on, so a link plays in the browser.
    delivery_dir: Path = PROJECT_ROOT / "static" / "primers"
    primer_target_words: int = 220
    # A folder with the company's logo.png and brand.toml (colours, tagline, music, the main
    # phone line and the reps' own); empty: the demo company's with the local CRM, else the
    # house look in the company's name and no phone numbers.
    brand_dir: Path | None = None
    # --- Leap webhooks (`harde webhooks`) -------------------------------------------------------
    # The receiver answers only POST /leap/<secret>; at least 32 random characters.
    webhook_secret: SecretStr | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8601
    # Which stage (code or name) starts which action: "Appointment Scheduled=primer,1010=none".
    webhook_stage_actions: str = "Appointment Scheduled=primer"
    # How long "wait until the delivered video plays" polls before giving up.
    playable_timeout_s: float = 900.0
    # systemd's notification socket (set by systemd for Type=notify services).
    notify_socket: str = Field("", validation_alias=_alias("NOTIFY_SOCKET", "notify_socket"))

    # --- pricing ----------------------------------------------------------------------------
    # A company's own catalog (CSV with the demo catalog's columns); empty: the demo catalog.
    catalog_path: Path | None = None
    # Sales tax charged on materials in estimates (Massachusetts: 6.25%).
    pricing_tax_rate: float = 0.0625
    # Margin (profit / price) an estimate targets when the request names none.
    pricing_target_margin: float = 0.35

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        secrets = Path(".streamlit/secrets.toml")
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings, dotenv_settings]
        if secrets.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=secrets))
        return tuple(sources)

    @field_validator("llm", "crm", "tts", "transcriber", "users_file", "whisper_model_dir", "brand_dir", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("now")
    @classmethod
    def _now_is_iso(cls, value: str) -> str:
        if value.strip():
            try:
                dt.datetime.fromisoformat(value.strip())
            except ValueError as error:
                raise ValueError(f"HARDE_NOW must be an ISO date and time such as 2026-11-23T09:00, not {value!r}") from error
        return value.strip()

    # --- derived choices: the defaults depend on which keys are present --------------------
    @property
    def llm_backend(self) -> Literal["offline", "openai"]:
        if self.llm:
            return self.llm
        return "openai" if self.openai_api_key else "offline"

    @property
    def crm_backend(self) -> Literal["local", "leap"]:
        if self.crm:
            return self.crm
        return "leap" if self.leap_api_token else "local"

    @property
    def tts_backend(self) -> Literal["espeak", "openai", "piper"]:
        if self.tts:
            return self.tts
        return "openai" if self.openai_api_key else "espeak"

    @property
    def brand_folder(self) -> Path | None:
        """The brand folder in use: the one set, else the demo company's when the CRM is the
        local demo one (its numbers are fictional), else none."""
        if self.brand_dir is not None:
            return self.brand_dir
        demo = self.demo_dir / "brand"
        return demo if self.crm_backend == "local" and demo.is_dir() else None

    @property
    def transcriber_backend(self) -> Literal["whisper", "openai"]:
        if self.transcriber:
            return self.transcriber
        return "openai" if self.openai_api_key else "whisper"

    def model_for(self, agent: str, default: str | None = None) -> str:
        """The model name for one agent: an `agent_models` override, else the agent's own, else `model`."""
        for pair in self.agent_models.split(","):
            key, _, value = pair.partition("=")
            if key.strip() == agent and value.strip():
                return value.strip()
        return default or self.model

    @property
    def allowed_sender_list(self) -> list[str]:
        return [s.strip().lower() for s in self.allowed_senders.split(",") if s.strip()]

    @property
    def users_path(self) -> Path:
        return self.users_file or self.data_dir / "users.json"

    @property
    def director_list(self) -> list[str]:
        return [s.strip().casefold() for s in self.directors.split(",") if s.strip()]

    @property
    def trusted_authserv_id_list(self) -> list[str]:
        return [s.strip().lower() for s in self.trusted_authserv_ids.split(",") if s.strip()]

    @property
    def instance_name(self) -> str:
        """`instance`, or the data folder's name plus a hash of its path: two checkouts that
        share a workflow database never take each other for the same instance."""
        if self.instance.strip():
            return _slug(self.instance)
        folder = self.data_dir.resolve()
        return f"{_slug(folder.name)}-{hashlib.sha256(str(folder).encode()).hexdigest()[:8]}"

    @property
    def executor_name(self) -> str:
        """`executor` as a name safe in ids and file names; "" for the single daemon."""
        return _slug(self.executor) if self.executor.strip() else ""

    def ensure_dirs(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
