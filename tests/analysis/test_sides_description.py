"""Sides from what a draft says about a source: clauses of belonging, examples of a group,
the issuer of a document, the subject behind "his", and a phrase that runs into its verb."""
import pytest

SIDES = {"harbour": ["Harbour Party", "Soto"], "union": ["Union Party", "Ruiz"]}


def _side(analysis, phrase):
    start = analysis.document.text.index(phrase)
    return analysis.sides.side_of_span(start, start + len(phrase))


def _attribution_side(analysis, cue):
    text = analysis.document.text
    return next(a.side for a in analysis.attributions if a.cue and text[slice(*a.cue)] == cue)


@pytest.mark.parametrize("sentence, phrase, side", [
    ("Mara Lind, who was Soto's campaign treasurer, said the books were clean.", "Mara Lind", "harbour"),
    ("Mara Lind, who has endorsed Ruiz, said the books were clean.", "Mara Lind", "union"),
    ("Several delegates backing Ruiz said the vote was rigged.", "Several delegates", "union"),
    ("Tom Berg, a senior adviser on the Soto campaign, said turnout was high.", "Tom Berg", "harbour"),
    ("Tom Berg, a former judge and a longtime Union Party donor, said turnout was high.", "Tom Berg", "union"),
    ("Dana Holt, who belonged to a Union Party club and is now a city councillor, said the plan failed.",
     "Dana Holt", "union"),
    ("Several Harbour Party leaders, including Senator Eva Marsh, said the bill was dead.", "Eva Marsh", "harbour"),
    ("A memo issued by the Union Party said the rally was cancelled.", "A memo", "union"),
    ("A letter on Union Party letterhead demanded an apology.", "A letter on Union Party letterhead", "union"),
    ("A statement on the Union Party's website said the vote was rigged.",
     "A statement on the Union Party's website", "union"),
    ("Dana Holt, who caucused for Ruiz, said the count was slow.", "Dana Holt", "union"),
    ("In the capital, 60% of Harbour Party voters said they would stay home.", "60% of Harbour Party voters",
     "harbour"),
    ("Nearly two-thirds of Union Party voters said the count was slow.", "Nearly two-thirds of Union Party voters",
     "union"),
    ("Tom Berg, a fellow at the Pell Institute and a Union Party delegate, said turnout was high.", "Tom Berg",
     "union"),
    ("Dana Holt, a baker from Lisbon and a Harbour Party member, said the plan failed.", "Dana Holt", "harbour"),
    ("Tom Berg, a former aide to Senator Vidal and Ruiz, said turnout was high.", "Tom Berg", "union"),
    ("Tom Berg, the organiser of a group called Citizens for Ruiz, said turnout was high.", "Tom Berg", "union"),
    ("Dana Holt, who founded a bakery and is a Harbour Party councillor, said the plan failed.", "Dana Holt",
     "harbour"),
    ("Dana Holt, who was a city councillor and later joined the Union Party, said the plan failed.", "Dana Holt",
     "union"),
])
def test_a_source_takes_the_side_of_what_describes_it(analyse, sentence, phrase, side):
    assert _side(analyse(sentence, sides=SIDES), phrase) == side


@pytest.mark.parametrize("sentence", [
    "Mara Lind, who was in Soto's home town last week, said the books were clean.",
    "Tom Berg, an expert on the Soto campaign, said turnout was high.",
    "Tom Berg, a longtime critic of Soto, said turnout was high.",
    "Dana Holt, who met Soto and is a city councillor, said the plan failed.",
    "Tom Berg, who runs a group called Friends of the Port in Soto's town, said turnout was high.",
])
def test_where_someone_was_or_what_they_study_places_no_one(analyse, sentence):
    assert _side(analyse(sentence, sides=SIDES), sentence.split(",")[0]) is None


def test_a_name_joined_to_a_placed_name_is_another_person(analyse):
    analysis = analyse("Mara Lind and Ana Soto clashed over the budget at the debate.\n\n"
                       "Lind said the plan would fail.", sides=SIDES)
    assert _side(analysis, "Mara Lind") is None
    assert _attribution_side(analysis, "said") is None


@pytest.mark.parametrize("sentence, phrase", [
    ("Mara Lind and a Harbour Party member said the plan failed.", "Mara Lind"),
    ("Mara Lind, a judge, spoke to Soto and a Union Party official on Monday.", "Mara Lind"),
    ("A group called Stop Ruiz said the plan failed.", "A group called Stop Ruiz"),
    ("The group published an open letter calling Ruiz unfit for office.", "an open letter"),
    ("A report on Ruiz's finances said the vote was rigged.", "A report on Ruiz's finances"),
])
def test_someone_else_joined_to_a_phrase_or_what_it_is_about_places_no_one(analyse, sentence, phrase):
    assert _side(analyse(sentence, sides=SIDES), phrase) is None


def test_how_far_a_side_is_followed_to_whoever_stands_behind_a_phrase_is_a_setting(analyse):
    text = "Soto said her aides released an ad calling the port plan a failure."
    assert _attribution_side(analyse(text, sides=SIDES), "calling") == "harbour"  # ad → her aides → Soto
    near = analyse(text, sides=SIDES)
    near.lexicons = {**near.lexicons, "side-limits": {"owner-steps": 1}}
    assert _attribution_side(near, "calling") is None


def test_a_possessive_pronoun_speaks_for_the_subject_of_its_clause(analyse):
    analysis = analyse("Ruiz kept up his criticism of the budget on Tuesday.", sides=SIDES)
    assert _side(analysis, "his") == "union"
    plural = analyse("Ruiz kept up their criticism of the budget on Tuesday.", sides=SIDES)
    assert _side(plural, "their") is None  # "their" is not one person


def test_a_document_speaks_for_whoever_released_it(analyse):
    analysis = analyse("The Union Party released an advertisement saying the port would close.", sides=SIDES)
    assert _attribution_side(analysis, "saying") == "union"


def test_a_source_span_that_runs_into_its_verb_is_read_from_its_subject(analyse):
    text = "Senator Ruiz on Friday endorsed the port plan."
    analysis = analyse(text, sides=SIDES)
    assert _side(analysis, "Senator Ruiz on Friday endorsed the port plan") == "union"


def test_a_relative_pronoun_takes_the_side_of_what_it_stands_for(analyse):
    analysis = analyse("The congress met Ruiz's 40 delegates, most of whom said the vote was fair.", sides=SIDES)
    assert _side(analysis, "most of whom") == "union"


def test_what_the_subject_has_a_chance_to_say_is_the_subjects(analyse):
    analysis = analyse("Ruiz had a chance to say the port would reopen.", sides=SIDES)
    assert _side(analysis, "a chance") == "union"
    letter = analyse("Ruiz has a letter from the clerk.", sides=SIDES)
    assert _side(letter, "a letter from the clerk") is None  # the clerk's letter, not Ruiz's


def test_a_group_that_names_a_placed_member_takes_its_side(analyse):
    analysis = analyse("Several senators, including Ruiz, said the bill was dead.", sides=SIDES)
    assert _side(analysis, "Several senators, including Ruiz") == "union"


@pytest.mark.parametrize("sentence, phrase, side", [
    ("Soto said her aides would publish the figures.", "her aides", "harbour"),
    ("Soto's shift from her old plan angered the unions.", "her old plan", "harbour"),
    ("Soto dismissed her critics on Monday.", "her critics", None),  # critics are not on her side
    ("\"Soto will lose,\" Ruiz said of our chances.", "our chances", None),  # a quote's speaker
])
def test_a_possessive_pronoun_is_read_from_the_subject_it_is_bound_to(analyse, sentence, phrase, side):
    assert _side(analyse(sentence, sides=SIDES), phrase) == side


@pytest.mark.parametrize("sentence, phrase", [
    ("Senator Maria Ruiz faulted the Harbour Party for its budget, citing a leaked memo.", "its budget"),
    ("Maria Ruiz met the Harbour Party chair before its senior treasurer spoke.", "its senior treasurer"),
])
def test_its_is_not_bound_to_a_person(analyse, sentence, phrase):
    analysis = analyse(sentence, sides=SIDES)
    assert _side(analysis, phrase) != "union"


@pytest.mark.parametrize("sentence, phrase", [
    ("An anti-Ruiz group said the vote was rigged.", "An anti-Ruiz group"),
    ("Organisers of the Stop Ruiz campaign said the vote was rigged.", "Organisers of the Stop Ruiz campaign"),
])
def test_a_group_against_a_side_is_not_on_it(analyse, sentence, phrase):
    assert _side(analyse(sentence, sides=SIDES), phrase) is None


def test_a_verb_stop_keeps_its_object_on_its_side(analyse):
    analysis = analyse("Voters must stop Ruiz's allies, Soto said.", sides=SIDES)
    assert _side(analysis, "Ruiz's allies") == "union"


def test_a_name_learned_from_a_possessive_title_keeps_its_side_later(analyse):
    text = ("Senator Maria Ruiz arrived late, and her chief aide, Tomas Vidal, said the bus broke down.\n\n"
            "Later, Vidal said the meeting would go ahead.\n")
    analysis = analyse(text, sides=SIDES)
    assert analysis.sides.learned_names.get("Vidal") == "union"
