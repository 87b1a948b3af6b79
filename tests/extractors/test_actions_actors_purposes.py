"""Actions (kind and issue), actors, purposes and concerns."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("goal", "lemma", "kind", "issue"),
    [
        ("I will practice deep breathing techniques every day", "practice", "behavior", None),
        ("I want to feel less anxious", "feel", "state", None),
        ("I want to be stronger", "be", "state", None),
        ("I will be able to lift a 5-pound weight", "lift", "behavior", None),
        ("I want to get over losing my mom", "get", "state", None),
        ("I will get out of bed at 7:00 am every day", "get", "behavior", None),
        ("I will exercise more to get stronger", "exercise", "behavior", "umbrella"),
        ("I will eat healthy", "eat", "behavior", "umbrella"),
        ("take my medication", "take", "behavior", "umbrella"),
        ("Take atorvastatin 20 mg every evening", "take", "behavior", None),
        ("I will do my balance exercises", "do", "behavior", None),
        ("work on my trauma", "work", "behavior", None),
        ("improve handwriting", "improve", "behavior", "vague_verb"),
        ("I will reduce my stress", "reduce", "behavior", "vague_verb"),
        ("Pt will reduce yelling episodes from 5 to 2 per week", "reduce", "behavior", None),
        ("I want to talk better", "talk", "behavior", "quality_comparative"),
        ("I will journal more", "journal", "behavior", None),
        ("I will get a promotion this year", "get", "state", "outcome"),
        ("Restart walking routine", "restart", "behavior", None),
        (
            "Two times of brisk walking per week, each lasting 30 minutes",
            "walk",  # a verbless goal's action is the verb its activity noun names
            "behavior",
            None,
        ),
    ],
)
def test_actions_main_action_table(
    run, goal: str, lemma: str, kind: str, issue: str | None
) -> None:
    actions = run(goal).elements.actions
    main = next(a for a in actions if a.role == "main")
    assert (main.lemma, main.kind, main.issue) == (lemma, kind, issue)


def test_actions_method_clause_is_found(run) -> None:
    actions = run(
        "I will reduce my stress by using coping strategies like journaling"
    ).elements.actions
    assert [a.role for a in actions] == ["main", "method"]
    assert actions[1].issue is None


def test_actions_stacked_behaviours_are_each_found(run) -> None:
    goal = "I will exercise, meditate, journal, cook healthy meals and call a friend every day"
    assert len(run(goal).elements.actions) >= 4


@pytest.mark.parametrize(
    ("goal", "text", "role"),
    [
        ("I will walk daily", "I", "self"),
        ("Client will attend a weekly group", "Client", "client"),
        ("Pt will ambulate 150 ft", "Pt", "client"),
        ("My partner will stop criticizing me within a month", "My partner", "other"),
        ("The therapist will teach breathing exercises", "The therapist", "clinician"),
        # a carer who opens the goal unpossessed owns it (caregiver goals); "my/his X" does not
        ("Mother will read to the child 15 min daily for 8 weeks", "Mother", "client"),
        ("Parents will use the bedtime chart nightly for 4 weeks", "Parents", "client"),
        ("Caregiver will cue him to use the walker at every transfer", "Caregiver", "client"),
        ("She will walk 10 minutes daily for the next 2 weeks", "She", "client"),
        ("His mother will take him to the park twice a week", "His mother", "other"),
        ("My husband will do the school run on Mondays", "My husband", "other"),
    ],
)
def test_actors_table(run, goal: str, text: str, role: str) -> None:
    actors = run(goal).elements.actors
    assert [(a.text, a.role) for a in actors] == [(text, role)]


@pytest.mark.parametrize(
    ("goal", "text", "concern"),
    [
        (
            "I will practice deep breathing every day to manage my anxiety",
            "to manage my anxiety",
            "anxiety",
        ),
        (
            "I will do 3 sets of heel raises to strenghten my calves",
            "to strenghten my calves",
            "strength",
        ),
        (
            "Take atorvastatin every evening to lower my cholesterol",
            "to lower my cholesterol",
            "cholesterol",
        ),
        (
            "I'd like to get my balance back so I don't fall again",
            "so I don't fall again",
            "balance_falls",
        ),
    ],
)
def test_purposes_table(run, goal: str, text: str, concern: str) -> None:
    purposes = run(goal).elements.purposes
    assert [(p.text, p.concern) for p in purposes] == [(text, concern)]


@pytest.mark.parametrize(
    "goal", ["I want to feel less anxious", "I will learn to play three songs"]
)
def test_purposes_chain_verbs_are_not_purposes(run, goal: str) -> None:
    assert run(goal).elements.purposes == ()


@pytest.mark.parametrize(
    ("goal", "concern", "source"),
    [
        ("I want to feel less anxious", "anxiety", "problem"),
        ("Client will reduce PCL-5 score to below 33", "trauma", "measure"),
        ("I will do my balance exercises", "balance_falls", "problem"),
        ("I will walk 20 minutes daily", "mobility_walking", "activity"),
    ],
)
def test_concerns_table(run, goal: str, concern: str, source: str) -> None:
    found = {(c.concern, c.source) for c in run(goal).elements.concerns}
    assert (concern, source) in found


@pytest.mark.parametrize(
    ("goal", "issue"),
    [
        ("Cut down on weed by half within 4 weeks", None),
        ("I will reduce my stress by half", "vague_verb"),
    ],
)
def test_actions_change_verb_on_a_named_substance_is_concrete(
    run, goal: str, issue: str | None
) -> None:
    main = next(a for a in run(goal).elements.actions if a.role == "main")
    assert main.issue == issue


@pytest.mark.parametrize("goal", ["cut down on weed", "Cut back on soda"])
def test_actions_imperative_read_as_past_tense_is_still_a_goal(run, goal: str) -> None:
    assert not [f for f in run(goal).elements.flags if f.category == "past_tense"]
