"""Clinical safety of suggestions: a table of cases in several wordings and contexts.

Each case names what must NOT appear in ANY suggestion and what EVERY suggestion
must contain (any one of the alternatives). Facts and sources: shared/safety.md,
rules: smartcheck/data/safety.yaml, docs: docs/safety-rules.md.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smartcheck
from smartcheck.kb.loader import default_kb, default_safety
from smartcheck.orchestrate import compare, rewrite
from smartcheck.rewrite import safety
from smartcheck.rewrite.intent import intent_of, sets_minimum

REF = dt.date(2026, 1, 5)

ED_NOT = r"lose weight|weight loss|calorie|\bdiet\b|skip (?:breakfast|meals?)|\bfast(?:ing)?\b|\d+ steps|brisk|manage (?:my|their) weight"
EXERCISE_VOLUME = r"|(?:walk|exercis|run|swim|cycl)\w*[^.]{0,30}\d+ minutes"
WITHDRAWAL_ALCOHOL_MUST = r"GP|alcohol service|medically managed|doctor"
OPIOID_MUST = (
    r"medication for opioid use disorder|buprenorphine|methadone|naloxone|Narcan|prescriber"
)
BENZO_MUST = r"prescriber"
SUICIDE_MUST = r"safety plan|crisis|988|116 123"
POSTOP_LOAD = r"\blift\w*|\bweights?\b|resistance band|\bband\b|push-?ups?|planks?"
CLEARED = r"cleared|as (?:prescribed|instructed|shown|advised)|surgeon|therapist|home exercise program|weight-bearing|precautions"
CARDIAC_NOT = (
    r"HIIT|sprint|max(?:imal)? effort|all-out|until exhausted|push through|\d+ ?bpm|brisk|vigorous"
)
CARDIAC_MUST_IF_EXERCISE = r"talk|RPE|cleared by|rehab team|cardiac team|supervised"

# (goal, context, must not appear in any suggestion, every suggestion must match, or None)
CASES: list[tuple[str, str | None, str | None, str | None]] = [
    # ---- eating disorders (safety.md §1)
    ("I want to lose weight", "anorexia nervosa, BMI 16.5", ED_NOT, None),
    ("I will keep a food diary", "anorexia nervosa, BMI 16.5", ED_NOT, None),
    ("I want to get healthier", "atypical anorexia after losing 20 kg", ED_NOT, None),
    ("Client will eat better", "AN, restricting subtype, FBT", ED_NOT, None),
    (
        "I want to exercise more",
        "bulimia nervosa, purging twice a week",
        ED_NOT + EXERCISE_VOLUME,
        None,
    ),
    ("I want to binge less", "binge eating disorder", ED_NOT, None),
    ("Pt will stop purging", "bulimia", ED_NOT, None),
    ("I want to get my eating under control", "eating disorder, in CBT-E", ED_NOT, None),
    ("I want to stop bingeing at night", None, ED_NOT, None),
    ("I will eat healthier and get fit", "ED recovery; weight restoration phase", ED_NOT, None),
    ("Sam will walk more", "anorexia nervosa; compulsive exercise", ED_NOT + EXERCISE_VOLUME, None),
    # ---- alcohol withdrawal (safety.md §2)
    (
        "I want to stop drinking",
        "severe alcohol dependence, history of withdrawal seizures",
        r"cold turkey|dry january",
        WITHDRAWAL_ALCOHOL_MUST,
    ),
    (
        "I want to quit drinking",
        "drinks a bottle of vodka a day",
        r"cold turkey",
        WITHDRAWAL_ALCOHOL_MUST,
    ),
    (
        "I will give up alcohol",
        "alcohol use disorder; DTs in 2023",
        r"cold turkey",
        WITHDRAWAL_ALCOHOL_MUST,
    ),
    (
        "Client will stay sober",
        "AUD, severe; morning drinking and the shakes",
        r"cold turkey",
        WITHDRAWAL_ALCOHOL_MUST,
    ),
    (
        "I want to drink less",
        "heavy daily drinking, 12 beers a day",
        r"at least \w+ days? a week|cold turkey",
        WITHDRAWAL_ALCOHOL_MUST,
    ),
    (
        "I will stop drinking today",
        "CIWA 14 on admission",
        r"\btoday\b|cold turkey",
        WITHDRAWAL_ALCOHOL_MUST,
    ),
    (
        "Pt will abstain from alcohol",
        "alcohol dependence; prior withdrawal seizure",
        r"cold turkey",
        WITHDRAWAL_ALCOHOL_MUST,
    ),
    # ---- benzodiazepines (safety.md §3)
    (
        "I want to get off my Xanax",
        "alprazolam 2mg daily for 3 years",
        r"\d+ ?mg|cold turkey|every other day|skip",
        BENZO_MUST,
    ),
    (
        "I want to stop taking my sleeping pills",
        "zolpidem nightly for insomnia",
        r"\d+ ?mg|cold turkey",
        BENZO_MUST,
    ),
    (
        "Client will come off clonazepam",
        "panic disorder on Klonopin",
        r"\d+ ?mg|cold turkey",
        BENZO_MUST,
    ),
    ("I will quit benzos", None, r"\d+ ?mg|cold turkey", BENZO_MUST),
    (
        "I want to cut down my diazepam",
        "Valium for anxiety",
        r"\d+ ?mg|halve|by \d+ ?%",
        BENZO_MUST,
    ),
    # ---- opioids (safety.md §4)
    ("I want to stop using", "daily fentanyl use", r"cold turkey|use alone|only use", OPIOID_MUST),
    ("I want to get clean", "heroin use disorder", r"cold turkey|use alone", OPIOID_MUST),
    (
        "I want to get off methadone",
        "OUD on methadone 80 mg",
        r"(?:stop|get off|come off|taper off) (?:my )?methadone|cold turkey",
        OPIOID_MUST,
    ),
    (
        "Client will stop using pain pills",
        "oxycodone misuse after back surgery",
        r"cold turkey",
        OPIOID_MUST,
    ),
    ("I will quit Suboxone by March", None, r"(?:quit|stop) suboxone|cold turkey", OPIOID_MUST),
    (
        "I want to stay clean after release",
        "opioid use; released from prison last week",
        r"cold turkey|use alone",
        OPIOID_MUST,
    ),
    # ---- illicit drugs: the tool never sets an amount or rate of use (safety.md §9)
    (
        "I'll only have a few lines at weekends",
        "cocaine use",
        r"only have a few|a few lines|lines? \[number\] times",
        None,
    ),
    (
        "I'll just do a couple of pills at festivals",
        "MDMA use",
        r"a couple of pills|\[number\] times",
        None,
    ),
    # ---- eating disorders: a weight target written by the person is not kept
    ("get my weight under 50 kg", "anorexia nervosa", r"under 50 ?kg|weight (?:under|below)", None),
    ("Keep my BMI below 17", "AN, restricting", r"BMI (?:below|under)", None),
    # ---- falls: no ladders or step stools at high fall risk
    ("climb ladders at work", "vertigo; 2 falls", r"ladders?|step ?stools?", None),
    # ---- concussion: sport and contact only by a graded plan, once cleared
    (
        "play rugby again",
        "concussion last week",
        r"HIIT|push through",
        None,
    ),
    (
        "Get back to football training",
        "mTBI 10 days ago, headaches",
        r"HIIT|push through",
        None,
    ),
    # ---- pregnancy with a complication: exercise only as the obstetric team advises
    ("run every day", "pregnant 30 weeks; pre-eclampsia", r"lose weight|\bdiet", None),
    ("I want to keep going to spin class", "28 weeks pregnant, placenta previa", None, None),
    # ---- dysphagia: never a thinner drink than the SLP set
    (
        "drink thin water",
        "dysphagia, IDDSI level 2 mildly thick",
        r"thin (?:water|liquids?|drinks?)|drink\w* (?:more )?water",
        None,
    ),
    # ---- opioids prescribed for pain, no use disorder (safety.md §3, NICE NG215): a taper
    # planned with the prescriber; medication for a use disorder the context does not state
    # would be invented clinical content
    (
        "cut down on my oxycodone",
        "chronic back pain; oxycodone 40 mg/day",
        r"cold turkey|medication for opioid use disorder|buprenorphine|methadone|\d+ ?mg",
        r"prescriber",
    ),
    (
        "I want to stop taking tramadol",
        "knee osteoarthritis",
        r"cold turkey|medication for opioid use disorder|buprenorphine|methadone",
        r"prescriber",
    ),
    (
        "Pt will come off morphine",
        "metastatic pain, palliative",
        r"cold turkey|medication for opioid use disorder|buprenorphine|methadone",
        r"prescriber",
    ),
    (
        "I want to be off my pain pills by summer",
        "back surgery 2 years ago; still on codeine",
        r"cold turkey|medication for opioid use disorder|buprenorphine|methadone",
        r"prescriber",
    ),
    # ---- post-surgery / injury (safety.md §5)
    (
        "Pt will improve shoulder strength",
        "3 weeks s/p rotator cuff repair, in sling",
        POSTOP_LOAD + r"|overhead",
        None,
    ),
    (
        "I want to use my arm again",
        "rotator cuff repair 2 weeks ago; sling",
        POSTOP_LOAD + r"|overhead|off the sling",
        None,
    ),
    ("Pt will get stronger", "RCR, POD 10", POSTOP_LOAD, None),
    ("I want to run again", "ACL reconstruction 6 weeks ago", r"\d+ ?(?:lb|kg|pound)", CLEARED),
    ("I want to get back to soccer", "ACLR, hamstring graft", r"\d+ ?(?:lb|kg|pound)", CLEARED),
    (
        "I will be able to put on my shoes",
        "posterior THA, hip precautions",
        r"bend (?:down|over)|squat|cross (?:my )?legs|low chair",
        None,
    ),
    (
        "Pt will be independent with lower body dressing",
        "s/p left hip replacement, posterior approach",
        r"bend (?:down|over)|squat|cross",
        None,
    ),
    (
        "I want to do housework again",
        "lumbar spinal fusion 4 weeks ago, back precautions",
        r"\bbend|\btwist|vacuum",
        None,
    ),
    (
        "Pt will improve leg strength",
        "s/p ORIF ankle, NWB",
        r"without (?:my )?crutches|\d+ ?(?:lb|kg|pound)",
        CLEARED,
    ),
    ("I want to get fit again", "knee surgery last month", r"HIIT|\d+ ?(?:lb|kg|pound)", CLEARED),
    ("I want to lift weights", "broken wrist in a cast", r"\d+ ?(?:lb|kg|pound)", CLEARED),
    # ---- cardiac and pulmonary (safety.md §6)
    ("I want to walk more", "CHF, cardiac rehab", CARDIAC_NOT, None),
    ("I want to get fit after my heart attack", None, CARDIAC_NOT, None),
    ("Pt will increase endurance", "s/p CABG, phase II cardiac rehab", CARDIAC_NOT, None),
    ("I will exercise more", "stents placed in March; angina", CARDIAC_NOT, None),
    (
        "I want to be able to climb stairs",
        "COPD on home oxygen",
        r"without (?:my )?oxygen|ignore|HIIT|brisk",
        None,
    ),
    (
        "Pt will walk further",
        "emphysema, pulmonary rehab",
        r"without (?:my )?(?:oxygen|inhaler)|brisk|push through",
        None,
    ),
    # ---- suicidality and self-harm (safety.md §7)
    (
        "I want to stop cutting",
        "active suicidal ideation with a plan",
        r"promise|contract|\d+ days without",
        SUICIDE_MUST,
    ),
    ("I will stop self-harming", None, r"promise|contract", SUICIDE_MUST),
    (
        "Client will not hurt herself",
        "history of self-harm; passive SI",
        r"promise|contract|agree not to",
        SUICIDE_MUST,
    ),
    (
        "I want to feel less hopeless",
        "depression with suicidal thoughts",
        r"promise|contract",
        SUICIDE_MUST,
    ),
    ("I will stop burning myself", "NSSI", r"promise|contract", SUICIDE_MUST),
    ("I want to stop wanting to die", None, r"promise|contract", SUICIDE_MUST),
    (
        "Pt will reduce self-harm",
        "BPD; recent overdose attempt",
        r"promise|contract|at least",
        SUICIDE_MUST,
    ),
    (
        "I want to pick up my grandson",
        "4 weeks after lumbar fusion; no lifting over 10 lb",
        r"pick(?:ing)? up my grandson|\blift(?!ing limit)\w*(?![^.]*lifting limit)",
        None,
    ),
    (
        "I want to carry my shopping",
        "hernia repair 2 weeks ago; no lifting over 5 kg",
        r"\bcarry\w*(?![^.]*lifting limit)",
        None,
    ),
    (
        "I will go running every morning before breakfast",
        "bulimia; over-exercise as compensation",
        ED_NOT + r"|\brunning\b|before breakfast",
        None,
    ),
    (
        "I want to wean off oxycodone",
        "chronic pain; oxycodone 3 years",
        r"wean off oxycodone \[number\]|cold turkey",
        OPIOID_MUST,
    ),
    (
        "I want to be done with booze by New Year",
        "2 bottles of wine every night, had the shakes",
        r"cold turkey",
        WITHDRAWAL_ALCOHOL_MUST,
    ),
    (
        "I want to eat toast again",
        "dysphagia; puree diet; IDDSI 4",
        r"\btoast\b|regular (?:diet|food)",
        r"swallow|texture|speech-language",
    ),
    (
        "I want to lose the baby weight",
        "pregnant, 28 weeks",
        r"lose (?:the )?(?:baby )?weight|\bdiet\b",
        None,
    ),
    (
        "I want to do push-ups",
        "sternotomy 4 weeks ago after CABG",
        r"push-?ups?|planks?|\blift(?!ing with)",
        None,
    ),
    ("Pt will not attempt suicide", "recent attempt", r"promise|contract", SUICIDE_MUST),
    ("I want to stop thinking about killing myself", None, r"promise|contract", SUICIDE_MUST),
    (
        "I want to walk without my walker",
        "fell twice, osteoporosis",
        r"without (?:my |the |a )?walker",
        None,
    ),
    ("I want to use less heroin", None, r"cold turkey|use alone|only use", OPIOID_MUST),
    (
        "I want to taper off alcohol myself",
        "drinks a litre of vodka daily",
        r"on my own|myself",
        WITHDRAWAL_ALCOHOL_MUST,
    ),
    (
        "I want to stop eating so much",
        "BMI 17, restricts at lunch",
        ED_NOT + r"|stop eating|eat less",
        None,
    ),
    (
        "Pt will stand on affected leg",
        "tibial plateau fracture, NWB for 8 weeks",
        r"stand\w* on|without (?:my )?crutches|single-leg",
        None,
    ),
    ("I want to sprint again", "hamstring tear last week", r"sprint\w*(?![^.]*cleared)", None),
    (
        "Pt will drink water independently",
        "NPO, aspiration pneumonia",
        r"drink\w* water|\beat (?:their|my) meals",
        r"nothing by mouth|mouth care|swallow",
    ),
    # ---- falls, diabetes, pregnancy, dysphagia (safety.md §8)
    (
        "I want to improve my balance",
        "two falls this year, uses a walker",
        r"without (?:my |a )?(?:walker|cane)|ladder|step ?stool",
        None,
    ),
    (
        "I want to lose weight",
        "type 2 diabetes on insulin",
        r"skip (?:breakfast|meals?)|\bfasting\b(?! blood)|keto|cut out carbs",
        None,
    ),
    (
        "I want to lose weight",
        "20 weeks pregnant",
        r"lose weight|weight loss|\bdiet\b|calorie deficit|\bfast",
        None,
    ),
    (
        "I want to eat normal food again",
        "dysphagia after stroke, IDDSI level 4 puree, thickened fluids",
        r"regular (?:diet|food)|thin liquid|without thickener|steak|nuts",
        None,
    ),
    (
        "Pt will drink more fluids",
        "aspiration risk; mildly thick liquids",
        r"thin liquid|without thickener|drink water",
        None,
    ),
    # ---- medicines (safety.md §9)
    ("I want to stop my antidepressants", None, r"\d+ ?mg", r"prescriber|doctor|GP"),
    ("I will come off my meds", "bipolar disorder on lithium", r"\d+ ?mg", r"prescriber|doctor|GP"),
    # ---- absolutes and reductions (safety.md §9)
    ("I want to worry less", "generalized anxiety", r"\bnever\b|\balways\b|completely|100%", None),
    (
        "I want to drink less",
        None,
        r"drink\w* on at least|at least \w+ (?:drinks|days of drinking)",
        None,
    ),
    ("I want to binge less", None, r"binge\w* on at least", None),
    ("Client will check the door less", "OCD", r"check\w*[^.]{0,30}at least", None),
    ("I want to smoke fewer joints", None, r"smok\w*[^.]{0,30}at least", None),
    ("I want to gamble less", None, r"gambl\w*[^.]{0,30}at least", None),
    ("Pt will yell less at his kids", None, r"yell\w*[^.]{0,30}at least", None),
]


def _all(goal: str, context: str | None) -> list[str]:
    result = rewrite(goal, context=context, reference_date=REF)
    return [s.text for s in result.suggestions]


@pytest.mark.model
@pytest.mark.parametrize(("goal", "context", "must_not", "must"), CASES)
def test_safety_case(
    goal: str, context: str | None, must_not: str | None, must: str | None
) -> None:
    texts = _all(goal, context)
    assert texts, "a goal with a safety rule still gets safe suggestions"
    for text in texts:
        if must_not:
            assert not re.search(must_not, text, re.IGNORECASE), text
        if must:
            assert re.search(must, text, re.IGNORECASE), text
        assert not safety.violations(text, goal=goal, context=context), text


def test_safety_table_is_large_enough() -> None:
    assert len(CASES) >= 60


def test_every_rule_has_a_finding_sources_and_docs() -> None:
    findings = default_kb().findings
    for rule in default_safety().rules:
        assert rule.finding_id in findings
        assert rule.sources and rule.why


@pytest.mark.model
@pytest.mark.parametrize(
    ("goal", "context"),
    [
        ("I want to stop cutting", "active suicidal ideation with a plan"),
        ("I want to stop drinking", "history of withdrawal seizures"),
        ("I want to stop using", "daily fentanyl use"),
    ],
)
def test_safety_plan_or_route_comes_first(goal: str, context: str) -> None:
    first = rewrite(goal, context=context, reference_date=REF).suggestions[0]
    assert first.template is not None and first.template.startswith("safety.")


@pytest.mark.model
@pytest.mark.parametrize(
    ("goal", "context"),
    [
        ("I want to stop drinking", "severe alcohol dependence, history of withdrawal seizures"),
        ("I want to stop using", "daily fentanyl use"),
        ("I want to get off my Xanax", "alprazolam daily for 3 years"),
    ],
)
def test_a_quit_goal_stays_a_quit_goal(goal: str, context: str) -> None:
    texts = _all(goal, context)
    assert re.search(r"\b(?:stop|quit|come off|taper)", texts[0], re.IGNORECASE) or re.search(
        r"taper plan", texts[0]
    )
    assert not any(re.search(r"\bcut down\b", t) for t in texts)


@pytest.mark.model
@pytest.mark.parametrize(
    ("goal", "context"),
    [
        ("I will stop drinking", "denies withdrawal seizures; social drinker"),
        ("I want to walk more", "ICD-10 F41.1"),
    ],
)
def test_denied_or_unrelated_terms_fire_no_rule(goal: str, context: str) -> None:
    assert not safety.triggered(goal, context)


def test_negated_context_does_not_fire_suicide_rule() -> None:
    assert not [
        r
        for r in safety.triggered("I will walk daily", "denies SI/HI")
        if r.id == "suicide_self_harm"
    ]


# ---------------------------------------------------------------- compare()

UNSAFE_REWRITES = [
    (
        "I want to lose weight",
        "I will eat 1200 calories a day and walk 10,000 steps daily for 4 weeks",
        "anorexia nervosa, BMI 16.5",
        "safety.eating_disorder",
    ),
    (
        "I want to drink less",
        "I will drink on at least two days a week for the next four weeks",
        None,
        "safety.reduction_minimum",
    ),
    (
        "I want to binge less",
        "I will binge on at least four days a week for 4 weeks",
        None,
        "safety.reduction_minimum",
    ),
    (
        "I want to get stronger",
        "I will lift a 5-pound weight 10 times three days a week for 6 weeks",
        "3 weeks after rotator cuff repair, in a sling",
        "safety.rotator_cuff_early",
    ),
    (
        "I want to stop cutting",
        "I will not self-harm for 30 days",
        "self-harm, passive SI",
        "safety.suicide_self_harm",
    ),
    (
        "I want to stop drinking",
        "I will stop drinking completely starting tomorrow for 4 weeks",
        "alcohol dependence with DTs",
        "safety.alcohol_withdrawal",
    ),
    (
        "I want to get off Xanax",
        "I will cut my Xanax dose in half every week for 4 weeks",
        None,
        "safety.benzodiazepine_withdrawal",
    ),
    (
        "I want to get fit",
        "I will do HIIT sprints 3 times a week for 6 weeks",
        "post-MI, cardiac rehab",
        "safety.cardiac_exertion",
    ),
    (
        "I want to stop using",
        "I will stop using heroin cold turkey this week",
        None,
        "safety.opioid_withdrawal",
    ),
    (
        "I want to quit drinking",
        "I will cut down my drinking to 3 drinks a day for 4 weeks",
        None,
        "safety.quit_downgraded",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("original", "rewritten", "context", "finding"), UNSAFE_REWRITES)
def test_compare_reports_unsafe_rewrites(
    original: str, rewritten: str, context: str | None, finding: str
) -> None:
    feedback = compare(original, rewritten, context=context, reference_date=REF)
    assert feedback.verdict == "unsafe"
    assert finding in {f.id for f in feedback.findings}
    assert "SMART" not in feedback.message and "better" not in feedback.message


@pytest.mark.model
def test_compare_accepts_a_safe_reduction() -> None:
    feedback = compare(
        "I want to drink less",
        "I will drink no more than 2 drinks on 3 days a week for the next 4 weeks",
        reference_date=REF,
    )
    assert feedback.verdict != "unsafe"


def test_compare_empty_rewrite_is_a_typed_error() -> None:
    from smartcheck.rewrite.compare import EmptyRewriteError

    with pytest.raises(EmptyRewriteError):
        compare("I want to walk more", "   ")


# ---------------------------------------------------------------- reductions (property)

_VERBS = st.sampled_from(
    [
        "drink",
        "smoke",
        "binge",
        "check the door",
        "gamble",
        "vape",
        "yell",
        "snack",
        "scroll",
        "text my ex",
        "argue",
        "skip class",
    ]
)
_ACTORS = st.sampled_from(
    ["I want to", "I will", "Client will", "Pt will", "Sam will", "I'd like to"]
)
_MARKERS = st.sampled_from(
    [
        "{v} less",
        "{v} less often",
        "{v} fewer times",
        "cut down how often I {v}",
        "{v} less at night",
    ]
)


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actor=_ACTORS, verb=_VERBS, marker=_MARKERS)
def test_no_suggestion_sets_a_minimum_on_a_reduced_behaviour(
    actor: str, verb: str, marker: str
) -> None:
    goal = f"{actor} {marker.format(v=verb)}"
    intent = intent_of(goal)
    assert intent.direction == "reduce"
    for text in _all(goal, None):
        assert sets_minimum(text, intent) is None, (goal, text)
        first_word = verb.split(maxsplit=1)[0]
        assert not re.search(rf"\b{first_word[:4]}\w*\b[^.;,]{{0,40}}\bat least\b", text, re.I), (
            goal,
            text,
        )


def test_sets_minimum_examples() -> None:
    intent = intent_of("I want to drink less")
    assert sets_minimum("I will drink on at least two days a week", intent)
    assert sets_minimum("I will keep at least two days alcohol-free every week", intent) is None
    assert sets_minimum("I will drink no more than 2 drinks a day", intent) is None


def test_suggest_public_api_is_safe() -> None:
    out = smartcheck.suggest("I want to stop cutting", context="self-harm", reference_date=REF)
    assert out and all(re.search(SUICIDE_MUST, s.text) for s in out)


@pytest.mark.parametrize(
    ("context", "fires", "silent"),
    [
        ("chronic back pain; oxycodone 40 mg/day", "prescribed_opioid_taper", "opioid_withdrawal"),
        ("knee OA, on tramadol", "prescribed_opioid_taper", "opioid_withdrawal"),
        ("oxycodone misuse after back surgery", "opioid_withdrawal", "prescribed_opioid_taper"),
        ("OUD, on oxycodone from the street", "opioid_withdrawal", "prescribed_opioid_taper"),
        ("relapsed on oxys after detox", "opioid_withdrawal", "prescribed_opioid_taper"),
        (
            "opioid use; released from prison last week",
            "opioid_withdrawal",
            "prescribed_opioid_taper",
        ),
    ],
)
def test_prescribed_opioids_and_use_disorder_fire_different_rules(
    context: str, fires: str, silent: str
) -> None:
    ids = {r.id for r in safety.fired_rules("I want to stop", context)}
    assert fires in ids
    assert silent not in ids


@pytest.mark.parametrize(
    ("context", "fires"),
    [
        ("pregnant 30 weeks; pre-eclampsia", True),
        ("28 weeks pregnant, placenta previa", True),
        ("low back pain; 2 days bed rest", False),
        ("pregnant 20 weeks, uncomplicated", False),
    ],
)
def test_pregnancy_complication_rule_needs_a_complication(context: str, fires: bool) -> None:
    ids = {r.id for r in safety.fired_rules("walk 20 minutes a day", context)}
    assert ("pregnancy_complication_exercise" in ids) is fires
