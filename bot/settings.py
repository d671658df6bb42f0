"""Settings, read once at the edge from the environment or a ``.env`` file, then passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import SettingsError


TOKEN_PREFIXES = {"slack_bot_token": "xoxb-", "slack_app_token": "xapp-"}


class Settings(BaseSettings):
    """Every knob of the bot. Secrets are ``SecretStr`` so they never print in logs or reprs."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str | None = Field(None, description="Web API base URL, e.g. https://slack.com/api/")

    facts_dir: Path = Path("facts")
    database_url: str = "sqlite:///citebot.db"
    user_hash_salt: SecretStr = SecretStr("citebot")
    retention_days: int | None = Field(None, ge=1)
    question_log_buffer: int = Field(10_000, ge=1, description="records held while the database is unreachable")
    watch_facts: bool = Field(True, description="reload facts/ when a file changes (build_runtime)")
    log_level: str = "INFO"

    @field_validator("slack_bot_token", "slack_app_token")
    @classmethod
    def _token_shape(cls, v: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        prefix = TOKEN_PREFIXES[info.field_name]
        if v is not None and not v.get_secret_value().startswith(prefix):
            raise ValueError(f"must start with {prefix}")
        return v

    def require(self, *names: str) -> None:
        """Raise SettingsError naming the first of ``names`` (field names) that is unset."""
        for name in names:
            if getattr(self, name) in (None, ""):
                raise SettingsError(f"{name.upper()} is not set (environment or .env)")


def load_settings(**overrides: object) -> Settings:
    """Read the settings once; raise SettingsError naming the malformed variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        first = err.errors()[0]
        name = str(first["loc"][0]).upper() if first.get("loc") else "settings"
        raise SettingsError(f"{name}: {first['msg'].removeprefix('Value error, ')}") from None
