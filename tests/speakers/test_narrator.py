"""'I' outside quotation marks is the article's writer, named where the text names them (a
signature, the line about the writer, a byline, a headline), else "the author"; inside a
quotation it is still the person quoted. Sentences from PolNeAR articles."""

from __future__ import annotations

from argmap.extraction import extract_statements
from argmap.models import Document
from argmap.speakers.coref import SpeakerTracker
from argmap.speakers.narrator import NARRATOR, signature_after, writer_named


def resolve(text: str, phrase: str) -> str:
    """The speaker of the pronoun that opens ``phrase`` ("I" of "I guess") in ``text``."""
    at = text.index(phrase)
    word = phrase.split()[0].split("'")[0]
    return SpeakerTracker(text).resolve(at, at + len(word)).name


# usa-today_2016-07-25_sanders-endorsement-for-some.txt (PolNeAR train)
COLUMN = (
    "Sanders' 'endorsement' for some.\n\n"
    "Last month, when I asked Bernie Sanders if he would ever endorse Hillary Clinton, he looked "
    'straight into my iPhone camera, furrowed his brow and said, "I\'m gonna endorse YOU!"\n\n'
    "I guess we can all agree now that he was joking. He is backing Hillary Clinton -- not me "
    "-- and he says he'll do everything he can to help her defeat GOP nominee Donald Trump.\n\n"
    "Politics is a tough game.\n\n"
    "Gaudiano is a Washington-based reporter for the USA TODAY NETWORK."
)


def test_i_outside_quotation_marks_is_the_writer_not_the_last_person_quoted() -> None:
    assert resolve(COLUMN, "I guess") == "Gaudiano"
    assert resolve(COLUMN, "I asked") == "Gaudiano"


def test_i_inside_a_quotation_is_left_to_the_person_quoted() -> None:
    # the words Sanders said: not the writer's (who the quotation is, the pronoun rules say)
    assert resolve(COLUMN, "I'm gonna") not in ("Gaudiano", NARRATOR)


def test_an_unnamed_writer_is_the_author_of_the_document() -> None:
    unnamed = COLUMN.replace("Gaudiano is a Washington-based reporter", "The reporter writes")
    assert writer_named(unnamed) is None
    assert resolve(unnamed, "I guess") == resolve(unnamed, "I asked") == NARRATOR


# usa-today_2016-05-11_millennials-don-t-get-socialism-.txt: the line about the writer
OP_ED = (
    "Millennials don't get socialism;  Young Sanders supporters never had to live through the "
    "Cold War era.\n\n"
    "I'd add a historical reason for the generational split: Millennials have no memories of "
    "socialism, communism and the Cold War.\n\n"
    "Nuance has left the building, and Clinton is having a hard time getting it back in.\n\n"
    "Zachary Jonathan Jacobson is a Cold War historian. He received his Ph.D. from "
    "Northwestern University."
)


def test_the_line_about_the_writer_names_the_writer() -> None:
    assert writer_named(OP_ED) == "Zachary Jonathan Jacobson"
    assert resolve(OP_ED, "I'd") == "Zachary Jonathan Jacobson"


def test_a_headline_that_opens_with_a_name_names_the_columnist() -> None:
    # breitbart_2016-05-04_ann-coulter-and-then-there-wa.txt
    text = (
        "Ann Coulter: And Then There Was the One.\n\n"
        "I always hoped I’d see this once before I died. It’s like to going to Mecca, for "
        "Americans."
    )
    assert resolve(text, "I always") == "Ann Coulter"


def test_a_credit_line_names_the_writer_of_a_book_excerpt() -> None:
    # breitbart_2015-11-19_exclusive-excerpt-dinesh-d-souza.txt
    text = (
        "And I can now say, with the benefit of hindsight, that their objective has been "
        "met.\n\n"
        "From STEALING AMERICA by Dinesh D’Souza. Copyright © 2015 by Dinesh D’Souza."
    )
    assert writer_named(text) == "Dinesh D’Souza"


# usa-today_2016-09-08_laws-don-t-apply-equially-to-cli.txt (PolNeAR dev): letters, each
# signed on the line after it
LETTERS = (
    "Her political career has been constantly investigated to no avail. She's done nothing "
    'wrong. I hope in 2017 America says, "President Clinton, thank you."\n\n'
    "Chris Smith.\n\n"
    "Clinton's statements to the FBI don't really mean much because she was never sworn in to "
    "tell the truth. Not important enough, I guess.\n\n"
    "Toni LeAnn Williams.\n\n"
    "I'm not a Clinton fan, but enough with the emails!\n\n"
    "John Weinbrecht."
)


def test_each_letter_is_its_signers() -> None:
    assert resolve(LETTERS, "I hope") == "Chris Smith"
    assert resolve(LETTERS, "I guess") == "Toni LeAnn Williams"
    assert resolve(LETTERS, "I'm not") == "John Weinbrecht"
    assert signature_after(COLUMN, COLUMN.index("I guess")) is None  # no letter, no signature


# breitbart_2016-07-10_ok-gov-fallin-trump-is-trying-to.txt (PolNeAR train): a transcript
TRANSCRIPT = (
    "OK Gov Fallin: Trump Is ‘Trying To Campaign As A Racial Healer,’ ‘That Has Been Part of "
    "His Message.’\n\n"
    "Sunday, on CNN’s “State of the Union,” Governor Mary Fallin (R-OK) said presumptive "
    "Republican presidential nominee Donald Trump is “trying to campaign as a racial healer.”"
    "\n\nPartial transcript as follows:\n\n"
    "JAKE TAPPER: Donald Trump released a video on Friday talking about racial healing.\n\n"
    "TAPPER: And obviously, you’re supporting Donald Trump, I think there are probably some "
    "skeptical Americans hearing that message.\n\n"
    "FALLIN: Well, I think the whole nation needs to work together."
)


def test_i_in_a_transcript_is_the_speaker_its_paragraph_is_labelled_with() -> None:
    assert resolve(TRANSCRIPT, "I think the whole") == "Mary Fallin"
    assert resolve(TRANSCRIPT, "I think there") == "Jake Tapper"


def test_a_transcripts_label_in_capitals_is_a_person() -> None:
    # "TAPPER:" is the "JAKE TAPPER" labelled before, not an acronym
    tracker = SpeakerTracker(TRANSCRIPT)
    for label, person in (("TAPPER: And", "Jake Tapper"), ("FALLIN:", "Mary Fallin")):
        at = TRANSCRIPT.index(label)
        found = tracker.resolve(at, at + len(label.split(":")[0]))
        assert (found.name, found.kind.value) == (person, "person")


def test_a_headline_name_is_read_as_the_text_names_the_person() -> None:
    # the headline's "OK Gov Fallin" is Mary Fallin once its title goes
    column = TRANSCRIPT.split("\n\nPartial")[0] + "\n\nI have long said so."
    assert resolve(column, "I have") == "Mary Fallin"


def test_my_father_in_a_column_is_the_writers_father() -> None:
    # usa-today_2016-10-03_my-father-would-have-loved-trump.txt (PolNeAR dev)
    text = (
        "My father would have loved Trump;  I grew up in a survivalist household.\n\n"
        "My father died 22 years ago of brain cancer. He was sick in the head, my father said "
        "once.\n\n"
        "Charlotte Meehan is playwright-in-residence at Wheaton College."
    )
    at = text.index("my father said")
    found = SpeakerTracker(text).resolve(at, at + len("my father"))
    assert found.name == "Charlotte Meehan's father"


def test_a_news_databases_byline_field_names_the_writer_and_says_nothing() -> None:
    # wash-post_2016-06-27_byline-amber-phillips.txt (PolNeAR train) opens with the field of
    # the database it was exported from; "BYLINE" is no one's label in a transcript
    opening = (
        "BYLINE: Amber Phillips.\n\n"
        "BEST THING THAT HAPPENED TO REPUBLICANS.\n\n"
        "The Supreme Court sided with them on immigration. Kind of."
    )
    assert writer_named(opening) is not None and writer_named(opening).startswith("Amber Phillips")
    statements = extract_statements(Document.from_text("byline.txt", opening))
    assert [s.speaker for s in statements] == []  # was 'Byline' saying "Amber Phillips"
    assert resolve(opening + "\n\nI have long said so.", "I have") == "Amber Phillips"
