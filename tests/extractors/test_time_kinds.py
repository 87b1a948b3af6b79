"""Time, rate, streak and count wordings, one table per kind (reference date 2026-01-05, a Monday).

Every goal here was written for these tests; each row says which span the
extractor must find and its normalised value.
"""

from __future__ import annotations

import datetime as dt

import pytest

from smartcheck import analyze

pytestmark = pytest.mark.model

REF = dt.date(2026, 1, 5)


def _tf(goal: str, ref: dt.date = REF) -> list[tuple[str, str, int | None]]:
    a = analyze(goal, reference_date=ref)
    return [(t.text, t.kind, t.days) for t in a.elements.timeframes]


# Rubric (T): a deadline counted in weeks, sessions or visits is a deadline.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("Pt will amb 150 ft with RW by 12 weeks", ("by 12 weeks", "deadline", 84)),
        ("Pt will climb 12 stairs with one rail by week 6 post-op", ("by week 6", "deadline", 42)),
        ("Pt will don shoes with a reacher by wk 4 of POC", ("by wk 4", "deadline", 28)),
        (
            "Client will reduce stuttering to 2 per minute within 10 visits",
            ("within 10 visits", "deadline", None),
        ),
        (
            "Pt will walk 1 km without a cane within the next 6 sessions",
            ("within the next 6 sessions", "deadline", None),
        ),
        (
            "Sam will read 80 WCPM across the next 6 sessions",
            ("across the next 6 sessions", "period", None),
        ),
        ("Pt will perform HEP independently in 3 wks", ("in 3 wks", "deadline", 21)),
        ("Walk 20 min daily x 6 wks", ("x 6 wks", "period", 42)),
        (
            "In 4 weeks' time I will be able to jog for 10 minutes",
            ("In 4 weeks' time", "deadline", 28),
        ),
        ("I will book a hearing test within a fortnight", ("within a fortnight", "deadline", 14)),
        (
            "Reach 8,000 steps a day within the next quarter",
            ("within the next quarter", "deadline", 90),
        ),
        ("next 3 wks: ice knee after every walk", ("next 3 wks", "period", 21)),
        (
            "Within 36 instructional weeks, Leo will write a paragraph",
            ("Within 36 instructional weeks", "deadline", 252),
        ),
        ("Within 4-6 weeks, pt will walk without a cane", ("Within 4-6 weeks", "deadline", 42)),
        ("Before 2027 I will pay off my card", ("Before 2027", "deadline", 360)),
    ],
)
def test_counted_deadlines(goal: str, expected: tuple[str, str, int | None]) -> None:
    assert expected in _tf(goal)


# Rubric (T): a calendar date or month ends the goal; "throughout June" bounds a period.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("I will walk 30 minutes 5 days a week in May 2026", ("in May 2026", "deadline", 146)),
        ("I will log my meals daily until 15/04/2026", ("until 15/04/2026", "deadline", 100)),
        ("I will log my mood until 03/04/2026", ("until 03/04/2026", "deadline", 58)),
        ("I will swim twice a week throughout June", ("throughout June", "period", 176)),
        ("No takeaways for the whole of February", ("for the whole of February", "period", 54)),
        ("I will cut down to 5 cigarettes a day by 3/15", ("by 3/15", "deadline", 69)),
        (
            "I will cut down to 5 cigarettes a day by the end of March",
            ("by the end of March", "deadline", 85),
        ),
        ("Send the food diary back by the 20th", ("by the 20th", "deadline", 15)),
        ("Sort the paperwork out by month's end", ("by month's end", "deadline", 26)),
        ("Run 5 km without stopping by Easter", ("by Easter", "deadline", 90)),
        ("Hit 3 gym sessions a week by the end of Q2", ("by the end of Q2", "deadline", 176)),
        ("Stop smoking on my quit date, 1 March, with patches", ("1 March", "deadline", 55)),
        ("I will call the clinic this week", ("this week", "deadline", 6)),
    ],
)
def test_calendar_forms(goal: str, expected: tuple[str, str, int | None]) -> None:
    assert expected in _tf(goal)


# Rubric (T): programme and school periods end a goal even when no date is known.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        (
            "I will do the breathing exercises daily for the 8-week course",
            ("for the 8-week course", "period", 56),
        ),
        ("30-day walking challenge: 15+ min a day", ("30-day walking challenge", "period", 30)),
        (
            "Sam will write 3 sentences by the end of the first semester",
            ("by the end of the first semester", "deadline", None),
        ),
        (
            "Ana will request help by the end of the marking period",
            ("by the end of the marking period", "deadline", None),
        ),
        (
            "Student will decode CVC words with 80% accuracy by the end of the IEP year",
            ("by the end of the IEP year", "deadline", None),
        ),
        (
            "Student will turn in homework on time by the annual review",
            ("by the annual review", "deadline", None),
        ),
        (
            "I will attend AA by the end of the program",
            ("by the end of the program", "deadline", None),
        ),
        ("Jo will spell 8/10 words by end of grade 3", ("by end of grade 3", "deadline", None)),
        (
            "Be calmer with the kids over the summer holidays",
            ("over the summer holidays", "period", None),
        ),
        (
            "Finish the workbook by the end of the 6-week program",
            ("by the end of the 6-week program", "deadline", 42),
        ),
    ],
)
def test_programme_and_school_periods(goal: str, expected: tuple[str, str, int | None]) -> None:
    assert expected in _tf(goal)


# Rubric (T): clinical milestones and personal events are deadlines without a date.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("Pt will transfer bed to chair with SBA by d/c", ("by d/c", "deadline", None)),
        ("Pt will dress independently by discharge", ("by discharge", "deadline", None)),
        ("Pt will manage stairs prior to d/c home", ("prior to d/c home", "deadline", None)),
        ("Pt will walk 500 ft at the 6-week review", ("at the 6-week review", "deadline", 42)),
        (
            "I will track my sleep nightly by the next follow-up call",
            ("by the next follow-up call", "deadline", None),
        ),
        (
            "I will practice deep breathing daily by next session",
            ("by next session", "deadline", None),
        ),
        (
            "Pt will stand at the sink for 5 minutes by the next progress note",
            ("by the next progress note", "deadline", None),
        ),
        ("Pt will transfer bed to chair with SBA by recert", ("by recert", "deadline", None)),
        (
            "Client will attend 3 groups per week until the next care conference",
            ("until the next care conference", "deadline", None),
        ),
        (
            "Keep a food diary until the next home visit",
            ("until the next home visit", "deadline", None),
        ),
        (
            "I will lose 5 kg before my daughter's wedding",
            ("before my daughter's wedding", "deadline", None),
        ),
        (
            "I will rebuild my stamina before I go back to work",
            ("before I go back to work", "deadline", None),
        ),
        (
            "Do finger exercises 5 times a day till the cast comes off",
            ("till the cast comes off", "deadline", None),
        ),
        (
            "Take my tablets before my GP appointment on the 24th",
            ("before my GP appointment on the 24th", "deadline", 19),
        ),
    ],
)
def test_milestones(goal: str, expected: tuple[str, str, int | None]) -> None:
    assert expected in _tf(goal)


# Rubric (T): vague time, start points and streaks are not timeframes.
@pytest.mark.parametrize(
    "goal",
    [
        "I will exercise soon",
        "I will walk daily in the coming weeks",
        "I will walk daily over the next few weeks",
        "I will eventually quit smoking",
        "I will walk more over time",
        "Starting this week I will meditate every day",
        "Client will use coping skills across 3 consecutive sessions",
        "I will meditate 10 minutes daily over 2 consecutive weeks",
        "Student will answer wh- questions with 80% accuracy over 3 sessions",
        "I will meditate for 10 minutes every evening",
        "I will breathe slowly until the urge passes",
        "I will read before I go to bed each night",
        "Pt will walk to the end of the hallway",
        "Pt will rest at the end of the hallway",
        "From 1 May I will stop smoking",
        "I will speak up at the team meeting",
        "I will ask one question at my appointments",
    ],
)
def test_not_timeframes(goal: str) -> None:
    assert _tf(goal) == []


# Rubric (frequency): times per day, week or month; vague rates are not frequencies.
@pytest.mark.parametrize(
    ("goal", "text", "times", "per"),
    [
        ("Sam will complete homework on 3 of 5 school days", "on 3 of 5 school days", 3, "week"),
        ("I will avoid screens on weeknights for 4 weeks", "on weeknights", 5, "week"),
        ("I will go for a run Sunday and Monday mornings", "Sunday and Monday mornings", 2, "week"),
        ("I will swim on Mondays and Thursdays", "on Mondays and Thursdays", 2, "week"),
        ("Client will attend 4 sessions/wk for 8 weeks", "4 sessions/wk", 4, "week"),
        ("Client will attend 1 mtg/wk for 3 months", "1 mtg/wk", 1, "week"),
        ("Pt will perform ankle pumps BID for 2 weeks", "BID", 2, "day"),
        ("Pt will take meds q.d. for 2 weeks", "q.d.", 1, "day"),
        ("Pt will use the incentive spirometer q2h while awake", "q2h", 12, "day"),
        ("Apply the cream qhs", "qhs", 1, "day"),
        ("I will stretch every evening for the next month", "every evening", 1, "day"),
        ("I will do squats 2x/day for 3 weeks", "2x/day", 2, "day"),
        ("Pt will perform HEP 3x/wk x 6 wks", "3x/wk", 3, "week"),
        ("Do the exercises Mon–Fri for 3 weeks", "Mon–Fri", 5, "week"),
        ("Check my blood sugar at 7 am/7 pm", "7 am/7 pm", 2, "day"),
        ("Work 3 full days a week by the end of June", "3 full days a week", 3, "week"),
        ("Eat all 3 meals daily", "all 3 meals daily", 3, "day"),
        ("Attend a weekly support group", "weekly", 1, "week"),
        ("Lights out at 10:30 every day", "every day", 1, "day"),
        ("Walk the dog 5 days out of 7", "5 days out of 7", 5, "week"),
        ("Pt will complete HEP 1-2x daily", "1-2x daily", 1, "day"),
        ("I will meditate once or twice a day", "once or twice a day", 1, "day"),
        ("I will walk on alternate days", "on alternate days", 3.5, "week"),
        ("Call my sister every other week", "every other week", 0.5, "week"),
    ],
)
def test_recurrences(goal: str, text: str, times: float, per: str) -> None:
    a = analyze(goal, reference_date=REF)
    assert [(f.text, f.times, f.per) for f in a.elements.frequencies] == [(text, times, per)]


# Rubric (frequency): a change's baseline, a question, a one-off date or a vague rate is no rate.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("Reduce hand washing from about 40 times a day to under 15", []),
        ("Panic attacks from 4/wk to 1/wk on my panic log", []),
        ("How many times a day should I do the stretches?", []),
        ("I went to the gym on Saturday", []),
        ("Fill in a weekly budget sheet and review it with my OT each Friday", ["each Friday"]),
        ("Given a weekly list of 10 words, Sam will spell 8 correctly", []),
        ("I will walk regularly for 4 weeks", []),
        ("Take Friday–Sunday off to unwind", []),
        ("I will save $50 a week until Christmas", ["a week"]),
    ],
)
def test_not_recurrences(goal: str, expected: list[str]) -> None:
    a = analyze(goal, reference_date=REF)
    assert [f.text for f in a.elements.frequencies] == expected


# Rubric (measure): a mastery criterion says how consistently, not by when.
@pytest.mark.parametrize(
    ("goal", "text", "target", "criterion"),
    [
        (
            "Client will use coping skills across 3 consecutive sessions",
            "across 3 consecutive sessions",
            3,
            "consecutive sessions",
        ),
        (
            "Sam will label emotions on 3 consecutive data probes",
            "on 3 consecutive data probes",
            3,
            "consecutive probes",
        ),
        (
            "I will meditate 10 minutes daily over 2 consecutive weeks",
            "over 2 consecutive weeks",
            2,
            "consecutive weeks",
        ),
        (
            "Pt will swallow thin liquids without coughing 3 sessions in a row",
            "3 sessions in a row",
            3,
            "consecutive sessions",
        ),
    ],
)
def test_mastery_criteria(goal: str, text: str, target: float, criterion: str) -> None:
    a = analyze(goal, reference_date=REF)
    assert (text, target, criterion) in [
        (m.text, m.target, m.criterion) for m in a.elements.measures
    ]
    assert a.elements.timeframes == ()
    assert all(q.text not in text for q in a.elements.quantities)


# Rubric (quantity): sets, repetitions and counts are quantities.
@pytest.mark.parametrize(
    ("goal", "text", "value", "unit"),
    [
        ("Pt will do 3x15 sit-to-stands daily", "3x15", 15, "repetition"),
        ("Pt will do bridges x2 sets daily", "x2 sets", 2, "set"),
        ("Pt will do 2 sets of 10 reps of heel raises daily", "10 reps", 10, "repetition"),
        ("Practise the bus route 3 times before term starts", "3 times", 3, "time"),
        ("From next week: 10k steps daily", "10k steps", 10000, "step"),
        ("Eat at least 75% of each meal", "75%", 75, "%"),
        ("Sam will read 10 grade-level sight words", "10 grade-level sight words", 10, "word"),
    ],
)
def test_counts(goal: str, text: str, value: float, unit: str) -> None:
    a = analyze(goal, reference_date=REF)
    assert (text, value, unit) in [(q.text, q.value, q.unit) for q in a.elements.quantities]


# Rubric: a session length is a duration, never a timeframe; "for the next two weeks" never a duration.
@pytest.mark.parametrize(
    ("goal", "seconds", "bound"),
    [
        ("30-day walking challenge: 15+ min a day", 900, "min"),
        ("Keep one phone-free hour each Sunday", 3600, "exact"),
        ("Walk briskly 150 min/wk", 9000, "exact"),
        ("I will spend an hour and a half on homework", 5400, "exact"),
    ],
)
def test_session_lengths(goal: str, seconds: float, bound: str) -> None:
    a = analyze(goal, reference_date=REF)
    assert [(d.seconds, d.bound) for d in a.elements.durations] == [(seconds, bound)]
    assert all("min" not in t.text and "hour" not in t.text for t in a.elements.timeframes)


# Rubric (T): more written forms of deadlines and periods seen in plans.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        (
            "Within the IEP period, Sam will read 90 wcpm",
            ("Within the IEP period", "deadline", None),
        ),
        (
            "During the next school term, Sam will read daily",
            ("During the next school term", "period", None),
        ),
        (
            "By the conclusion of the school year, Sam will read 90 wcpm",
            ("By the conclusion of the school year", "deadline", None),
        ),
        ("By EOY, Sam will read 90 wcpm", ("By EOY", "deadline", None)),
        ("By 12/2026 Sam will read 90 wcpm", ("By 12/2026", "deadline", 360)),
        (
            "By the 2nd week of March I will apply for 3 jobs",
            ("By the 2nd week of March", "deadline", 68),
        ),
        (
            "Over the course of 6 weeks I will taper my coffee",
            ("Over the course of 6 weeks", "period", 42),
        ),
        (
            "Within the next 3-4 sessions, client will name 2 triggers",
            ("Within the next 3-4 sessions", "deadline", None),
        ),
        ("I will walk to the shops before my knee op", ("before my knee op", "deadline", None)),
    ],
)
def test_more_written_forms(goal: str, expected: tuple[str, str, int | None]) -> None:
    assert expected in _tf(goal)


# Rubric (T): a deadline is an end point; rubric (elements): "a duration that measures one
# session or one performance is a duration, never a timeframe". Hours count as a deadline
# when they span a day or more, or when they count from a one-off event.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("Pt will report pain at or below 3/10 within 48 hours", ("within 48 hours", 2)),
        ("Pt will sit in the chair for all meals within 72 hrs", ("within 72 hrs", 3)),
        (
            "Pt will ambulate 50 ft with RW within 24 hours of admission",
            ("within 24 hours of admission", None),
        ),
        (
            "Pt will void without a catheter within 6 hours of catheter removal",
            ("within 6 hours of catheter removal", None),
        ),
        (
            "Pt will be out of bed to chair in the first 72 hours after surgery",
            ("in the first 72 hours after surgery", None),
        ),
    ],
)
def test_hours_as_a_deadline(goal: str, expected: tuple[str, int | None]) -> None:
    a = analyze(goal, reference_date=REF)
    found = [(t.text, t.days) for t in a.elements.timeframes if t.kind == "deadline"]
    assert found == [expected]
    assert a.dimensions.time_bound.met


@pytest.mark.parametrize(
    ("goal", "duration"),
    [
        ("Take my tablets within 30 minutes of waking every day", "30 minutes"),
        ("Reply to my sponsor's texts within 2 hours", "2 hours"),
    ],
)
def test_hours_bounding_each_act_stay_a_duration(goal: str, duration: str) -> None:
    a = analyze(goal, reference_date=REF)
    assert a.elements.timeframes == ()
    assert [d.text for d in a.elements.durations] == [duration]


# A season is a time only where it names one: "by fall", "through the winter". In "a class on
# fall prevention" or "a leaflet on spring cleaning" it is a word of the activity.
@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("I will attend a class on fall prevention every week for 6 weeks", ["for 6 weeks"]),
        ("I will read a leaflet on spring cleaning safety by Friday", ["by Friday"]),
        ("Pt will review the fall risk checklist with the nurse by d/c", ["by d/c"]),
        ("Walk daily by fall", ["by fall"]),
        ("Walk 3x/wk through the winter", ["through the winter"]),
        ("Get my garden ready by spring and plant tomatoes", ["by spring"]),
    ],
)
def test_a_season_word_is_a_time_only_where_it_names_one(goal: str, expected: list[str]) -> None:
    assert [t[0] for t in _tf(goal)] == expected
