"""The rewrite knowledge base: structure, coverage and agreement with concerns.yaml."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from smartcheck.errors import KnowledgeBaseError
from smartcheck.kb.loader import (
    load_exercises,
    load_interventions,
    load_templates,
    merge_interventions,
)


def test_kb_every_concern_has_interventions_and_back(kb):
    concern_ids = {c.id for c in kb.concerns.concerns}
    intervention_ids = set(kb.interventions.concerns)
    assert concern_ids - intervention_ids == set(), "concerns without interventions"
    assert intervention_ids - concern_ids == set(), "interventions for unknown concerns"
    assert len(intervention_ids) >= 30


def test_kb_concerns_have_two_to_four_dosed_actions(kb):
    for cid, entry in kb.interventions.concerns.items():
        assert 2 <= len(entry.actions) <= 4, cid
        for action in entry.actions:
            dosed = action.frequency or action.duration or action.criterion
            assert dosed or re.search(r"\d|per week|one ", action.object), (cid, action.id)
        assert entry.timeframe.days > 0
        assert entry.measure.criterion


def test_kb_purpose_names_its_concern(kb):
    """A knowledge-base purpose must be recognised as its concern (so R can be met)."""
    for cid, entry in kb.interventions.concerns.items():
        terms = kb.terms(cid)
        assert terms is not None
        words = [t.lower() for t in (*terms.problem_terms, *terms.activity_terms)]
        purpose = entry.purpose.replace("{poss}", "my").replace("{subj}", "I").lower()
        assert any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", purpose) for w in words), cid


def test_kb_action_ids_unique_within_concern(kb):
    for cid, entry in kb.interventions.concerns.items():
        ids = [a.id for a in entry.actions]
        assert len(ids) == len(set(ids)), cid


def test_kb_templates_have_known_slots(kb):
    allowed = {"prefix", "actor", "goal", "action", "criterion", "duration", "frequency"}
    allowed |= {"timeframe", "purpose", "tail"}
    for template in kb.templates.templates:
        assert set(re.findall(r"{(\w+)}", template.text)) <= allowed, template.id
    for slot, text in kb.templates.placeholders.items():
        assert re.fullmatch(r"[^\[\]]*(\[[a-z ]+\][^\[\]]*)+", text), slot


def test_kb_exercise_bank_covers_domains():
    bank = load_exercises().exercises
    assert len(bank) >= 40
    domains = Counter(e.domain for e in bank)
    wanted = {"mental_health", "trauma", "substance_use", "sleep", "ot", "pt", "slp"}
    assert wanted | {"health_coaching"} <= set(domains)
    assert all(e.context for e in bank)
    assert len({e.id for e in bank}) == len(bank)


@pytest.mark.parametrize(
    ("loader", "body"),
    [
        (load_interventions, "version: '1'\nconcerns: {x: {purpose: p}}\n"),
        (load_templates, "version: '1'\ntemplates: []\n"),
        (load_exercises, "version: '1'\nexercises: []\n"),
    ],
)
def test_kb_invalid_file_names_the_problem(tmp_path, loader, body):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        loader(path)


def test_kb_clinic_file_can_extend(tmp_path):
    path = tmp_path / "clinic.yaml"
    path.write_text(
        """
version: clinic-1
concerns:
  tinnitus:
    purpose: "to cope with {poss} tinnitus"
    timeframe: {text: "for the next four weeks", days: 28}
    measure: {instrument: THI, criterion: "a THI score below 38"}
    actions:
      - {id: sound, verb: use, object: "a sound generator at bedtime",
         frequency: {text: "every night", times: 1, per: day}}
      - {id: relax, verb: practice, object: "relaxation",
         duration: {text: "for 10 minutes", seconds: 600}}
""",
        encoding="utf-8",
    )
    merged = merge_interventions(load_interventions(), load_interventions(path))
    assert "tinnitus" in merged.concerns
    assert "anxiety" in merged.concerns


@pytest.mark.parametrize(
    ("key", "values", "fid"),
    [
        ("empty", {}, "specific.not_a_goal"),
        ("question", {}, "specific.not_a_goal"),
        ("past_tense", {}, "specific.not_a_goal"),
        ("already_smart", {}, "specific.already_smart"),
        ("gas_needs_smart_goal", {"dimension": "time_bound", "detail": ""}, None),
        ("gas_no_quantity", {}, "measurable.gas_no_quantity"),
    ],
)
def test_kb_messages_build_findings(kb, key, values, fid):
    finding = kb.finding(key, **values)
    assert finding.id == (fid or "time_bound.gas_needs_smart_goal")
    assert finding.message and finding.fix


def test_kb_clinic_kb_adds_a_concern(tmp_path, make, at):
    from smartcheck.kb.loader import clinic_kb
    from smartcheck.rewrite.engine import rewrite_analysis

    interventions = tmp_path / "interventions.yaml"
    interventions.write_text(
        """
version: clinic-1
concerns:
  tinnitus:
    purpose: "to cope with {poss} tinnitus"
    timeframe: {text: "for the next four weeks", days: 28}
    measure: {instrument: THI, criterion: "a THI score below 38"}
    actions:
      - {id: sound, verb: use, object: "a sound generator at bedtime",
         frequency: {text: "every night", times: 1, per: day}}
      - {id: relax, verb: practice, object: "relaxation",
         duration: {text: "for 10 minutes", seconds: 600}}
""",
        encoding="utf-8",
    )
    concerns = tmp_path / "concerns.yaml"
    concerns.write_text(
        "version: clinic-1\nconcerns:\n  - {id: tinnitus, domain: audiology, "
        "problem_terms: [tinnitus, ringing]}\n",
        encoding="utf-8",
    )
    kb = clinic_kb(interventions, concerns)
    text = "I want the ringing to bother me less"
    analysis = make(text, met="00000", verb="bother", kind="state")
    result = rewrite_analysis(analysis, context="tinnitus after noise exposure", kb=kb)
    assert result.suggestions[0].text.startswith("I will use a sound generator at bedtime")
    assert result.suggestions[0].concern == "tinnitus"
    assert "anxiety" in kb.interventions.concerns


def test_kb_phrases_use_pronoun_slots_not_first_person(kb):
    """'my'/'I' must be {poss}/{subj} so 'Client will ...' rewrites read right."""
    first_person = re.compile(r"\b(?:my|me|I|mine)\b(?!')")
    for cid, entry in kb.interventions.concerns.items():
        phrases = [entry.purpose, *(a.object for a in entry.actions)]
        phrases += [a.criterion for a in entry.actions if a.criterion]
        for phrase in phrases:
            assert not first_person.search(phrase.replace("'I' statements", "")), (cid, phrase)


def test_rewrite_kb_cross_checks_finding_and_template_ids(kb):
    import pytest

    from smartcheck.errors import KnowledgeBaseError
    from smartcheck.kb.loader import check_rewrite_references, default_kb
    from smartcheck.kb.rewrite_models import RewriteKB, Template, Templates

    check_rewrite_references(kb, default_kb().findings)
    stray = Template(id="x", findings=("specific.no_such",), text="{actor}")
    bad = (*kb.templates.templates, stray)
    broken = RewriteKB(
        interventions=kb.interventions,
        templates=Templates(**{**kb.templates.model_dump(), "templates": bad}),
        concerns=kb.concerns,
    )
    with pytest.raises(KnowledgeBaseError, match="unknown finding"):
        check_rewrite_references(broken, default_kb().findings)
