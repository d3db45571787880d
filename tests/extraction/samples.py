"""Short sentences the construction tests extract from, and the offsets test reads again inside
a longer document: some from the seed article, the rest written for these tests."""

from __future__ import annotations

QUOTE_STYLES = {
    "straight double": '"We will not let our guard down," Kihara said.',
    "curly double": "“We will not let our guard down,” Kihara said.",
    "curly single": "‘We will not let our guard down,’ Kihara said.",
    "straight single": "'We will not let our guard down,' Kihara said.",
    "guillemets": "«We will not let our guard down,» Kihara said.",
}


SPEAKER_POSITIONS = {
    "before, colon": "Kihara said: “We will not let our guard down.”",
    "before, comma": "Kihara said, “We will not let our guard down.”",
    "after": "“We will not let our guard down,” Kihara said.",
    "after, inverted": "“We will not let our guard down,” said Kihara.",
    "after, told reporters": "“We will not let our guard down,” Kihara told reporters.",
}


REPORTED = {
    # name: (text, expected content (core), cue, speaker mention)
    "X warned that": (
        "Tanaka warned that Japan may become too subservient to the United States.",
        "Japan may become too subservient to the United States",
        "warned",
        "Tanaka",
    ),
    "X argues": (
        "Sasae argues the alliance is Japan’s best deterrent against a more assertive China.",
        "the alliance is Japan’s best deterrent against a more assertive China",
        "argues",
        "Sasae",
    ),
    "..., X said": (
        "The two countries will hold another round of talks next year, a Pentagon spokesman said.",
        "The two countries will hold another round of talks next year",
        "said",
        "a Pentagon spokesman",
    ),
    "according to X, ...": (
        "According to the Defense Ministry, the contract is worth about 3 billion yen.",
        "the contract is worth about 3 billion yen",
        "According to",
        "the Defense Ministry",
    ),
    "..., according to X": (
        "The contract is worth about 3 billion yen, according to the Defense Ministry.",
        "The contract is worth about 3 billion yen",
        "according to",
        "the Defense Ministry",
    ),
    "X told reporters that": (
        "Blinken told reporters that the alliance had never been stronger.",
        "the alliance had never been stronger",
        "told",
        "Blinken",
    ),
    "in a joint statement, the ministers ...": (
        "In a joint statement, the ministers reaffirmed that the alliance remains the cornerstone "
        "of peace and stability in the region.",
        "the alliance remains the cornerstone of peace and stability in the region",
        "reaffirmed",
        "the ministers",
    ),
    "X believes": (
        "Kishida believes the alliance must adapt to a more assertive China.",
        "the alliance must adapt to a more assertive China",
        "believes",
        "Kishida",
    ),
    "X is concerned that": (
        "The Japanese government is concerned that the move could draw Japan into a war over "
        "Taiwan.",
        "the move could draw Japan into a war over Taiwan",
        "concerned",
        "The Japanese government",
    ),
    "seed: the four ministers also confirmed": (
        "The four ministers also confirmed the two countries would expand joint production of "
        "defense equipment.",
        "the two countries would expand joint production of defense equipment",
        "confirmed",
        "The four ministers",
    ),
    "seed: announced that": (
        "On July 28, the Ministry of Defense in Tokyo announced that it had signed a contract to "
        "sell the Air Self-Defense Force’s PAC-3 to the U.S. military.",
        "it had signed a contract to sell the Air Self-Defense Force’s PAC-3 to the U.S. military",
        "announced",
        None,  # "the Ministry of Defense" with or without "in Tokyo"
    ),
}


NOT_STATEMENTS = {
    "scare quotes": "There is currently a heated debate in Tokyo about the promotion of "
    "“Japan-U.S. integration.”",
    "scare quotes, straight": 'The word "integration" now appears on almost every page of the '
    "defense white paper.",
    "has written widely on": "Tanaka Hitoshi, a former deputy minister for foreign affairs, has "
    "written widely on the alliance.",
    "title of a film": "The film “Tokyo Story” was screened at the embassy on Friday.",
    "title of a book": "Her 2019 book, “The Reluctant Ally,” sold well in Japan.",
    "headline": "Japan Further Accelerates Military Integration With the US",
    "headline with a speech verb": "Japan Says It Will Sell Patriot Missiles to US",
    "headline with scare quotes": "Austin Hails “Historic Decision” on Japan Command",
    "caption": "From left: U.S. Secretary of Defense Lloyd Austin, U.S. Secretary of State "
    "Antony Blinken, Japanese Prime Minister Kishida Fumio, Foreign Minister Kamikawa Yoko, and "
    "Japanese Defense Minister Kihara Minoru, in Tokyo, Japan, July 29, 2024.",
    "caption with a speech verb": "Defense Secretary Lloyd Austin speaks to reporters in Tokyo, "
    "Japan, July 29, 2024.",
    "photo credit": "Credit: DoD photo by U.S. Navy Petty Officer 1st Class Alexander Kubitza",
    "byline": "By Kiyoshi Takenaka and David Brunnstrom",
    "page furniture": "Dreaming of a career in the Asia-Pacific?\nTry The Diplomat's jobs board.\n"
    "Find your Asia-Pacific job",
    "section label": "Asia Defense | Security | East Asia",
}
