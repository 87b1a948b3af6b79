"""smartcheck: explainable SMART scoring of free-text therapy goals.

Public API only; everything not listed in ``__all__`` may change.
"""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("smartcheck")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

from smartcheck.analyzer import analyze_many
from smartcheck.audit import Auditor, AuditSummary, GoalSpan, audit, extract_goals
from smartcheck.config import Settings
from smartcheck.errors import (
    AnalysisError,
    ConfigError,
    ContextTooLongError,
    EmptyInputError,
    InputError,
    InputTooLongError,
    KnowledgeBaseError,
    ModelNotFoundError,
    NotEnglishError,
    NotTextError,
    SmartCheckError,
)
from smartcheck.models import (
    Action,
    Actor,
    AnalysisFailure,
    Assistance,
    Concern,
    Confidence,
    Dimensions,
    DimensionScore,
    Duration,
    Element,
    Elements,
    Evidence,
    Finding,
    Flag,
    Frequency,
    GasLevel,
    GasScale,
    Goal,
    GoalAnalysis,
    Measure,
    Provenance,
    Purpose,
    Quantity,
    RewriteFeedback,
    Suggestion,
    Timeframe,
)
from smartcheck.nlp import load_nlp

# analyze (with its suggestions=n), suggest, compare and gas_levels need the analyzer
# and the rewrite: they live in the orchestration layer and raise only smartcheck.errors.
from smartcheck.orchestrate import analyze, compare, gas_levels, suggest

__all__ = [
    "Action",
    "Actor",
    "AnalysisError",
    "AnalysisFailure",
    "Assistance",
    "AuditSummary",
    "Auditor",
    "Concern",
    "Confidence",
    "ConfigError",
    "ContextTooLongError",
    "DimensionScore",
    "Dimensions",
    "Duration",
    "Element",
    "Elements",
    "EmptyInputError",
    "Evidence",
    "Finding",
    "Flag",
    "Frequency",
    "GasLevel",
    "GasScale",
    "Goal",
    "GoalAnalysis",
    "GoalSpan",
    "InputError",
    "InputTooLongError",
    "KnowledgeBaseError",
    "Measure",
    "ModelNotFoundError",
    "NotEnglishError",
    "NotTextError",
    "Provenance",
    "Purpose",
    "Quantity",
    "RewriteFeedback",
    "Settings",
    "SmartCheckError",
    "Suggestion",
    "Timeframe",
    "__version__",
    "analyze",
    "analyze_many",
    "audit",
    "compare",
    "extract_goals",
    "gas_levels",
    "load_nlp",
    "suggest",
]
