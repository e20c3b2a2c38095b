"""The classifier's own grammar rules, each declared once: id, kind, message, explanation.

Why here: a rule's identity lives with the rule, as a linter declares its checks. Evidence
carries the id (`Evidence.rule`), "explain" shows the message, and the explanation says when the
rule fires and why. The classifier passes a declaration, never a bare string, to
`reader.classify.evidence.add_evidence`, so no evidence can carry an id that explains nothing.
Rules from rule files (framing, exclusions) are declared in the config with their own messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reader.model import RuleKind


@dataclass(frozen=True, slots=True)
class GrammarRule:
    """One rule of the speech-verb grammar or of carry-over."""

    id: str  # stable: it is in every verdict's evidence and in the json output
    kind: RuleKind  # the evidence it gives: attribution (and reported) labels, carry labels...
    message: str  # one line, shown by "explain" under each rule that fired
    explanation: str  # when it fires and why


ATTRIBUTION_SUBJECT = GrammarRule(
    "attribution.subject",
    "attribution",
    "the actor is the subject of a speech or stance verb",
    "The noun phrase before 'said', 'has warned', 'rejects' (past auxiliaries, adverbs, time "
    "words and parenthetical asides) names the speaker whose position the sentence reports; "
    "in the passive, the phrase after 'by' does ('a move which was condemned by Moscow').",
)
ATTRIBUTION_INVERTED = GrammarRule(
    "attribution.inverted",
    "attribution",
    "the actor follows the speech verb ('..., said Peskov')",
    "After a quote or a comma, a speech verb may come before its subject: the phrase after "
    "the verb is the speaker.",
)
ATTRIBUTION_SOURCE = GrammarRule(
    "attribution.source",
    "attribution",
    "the actor is named as the source ('according to Moscow')",
    "The phrase after a source marker ('according to', 'citing') is the source of what the "
    "sentence says; an opening 'According to X, ...' owns the sentence.",
)
ATTRIBUTION_COLON = GrammarRule(
    "attribution.colon",
    "attribution",
    "the line opens with the speaker's name and a colon",
    "'Mark Rutte: ...' is a transcript line or a quoted line in that speaker's voice; a "
    "transcript's following unprefixed lines keep it.",
)
ATTRIBUTION_HEADLINE = GrammarRule(
    "attribution.headline",
    "attribution",
    "the headline names its source after a dash or before a colon",
    "'... - Kremlin' and 'Zelensky: ...' in a title name its source; a title's 'MoD says' or "
    "'official says' takes the source the first paragraphs name.",
)
ATTRIBUTION_ACTOR_SUBJECT = GrammarRule(
    "attribution.actor-subject",
    "attribution",
    "a side's actor is the subject of the main clause, with a verb of no event",
    "A block no speech verb attributes, whose main clause has a side's actor as its subject (a "
    "person with a side's office, a government, a ministry, a country for its government) and "
    "a verb that is no physical act, movement, meeting or call (`verbs.events`, `actions:`), "
    "tells that side's stance: 'He is imposing sanctions', 'members of the alliance insist'.",
)
ATTRIBUTION_PARTICIPLE = GrammarRule(
    "attribution.participle",
    "attribution",
    "', saying ...' continues the clause's speaker",
    "A participle speech verb after a comma ('..., saying', 'as he warned') shares the "
    "subject of the clause it continues.",
)
ATTRIBUTION_COORDINATED = GrammarRule(
    "attribution.coordinated",
    "attribution",
    "'... and said' continues the clause's speaker",
    "A speech verb after 'and'/'but' shares the subject the sentence opens with.",
)
REPORTED_SPEECH = GrammarRule(
    "reported.speech",
    "attribution",
    "the speaker reports this actor's own stated position",
    "A speech verb inside another speaker's words ('Zelensky said Trump had told him ...') "
    "gives its subject a weaker label: reported, not the block's own voice.",
)
STEP_SUMMONS = GrammarRule(
    "step.summons",
    "attribution",
    "the actor summoned another side's envoy or handed it a protest note (told in the passive)",
    "'The Russian envoy was summoned to the Latvian foreign ministry', 'X's charge d'affaires "
    "has been issued a protest note': a formal step of the side whose ministry the sentence "
    "names, else of the host the envoy is posted to, else of the outlet's side; never the "
    "envoy's.",
)
REPORTED_POSITION = GrammarRule(
    "reported.position",
    "attribution",
    "the block reports this actor's statement, claim or proposal ('Zelensky's statement that ...')",
    "A position named by a noun after its owner's possessive ('Zelensky's statement that', "
    "'the ministry's claim to') is reported speech of that owner, outside quotes.",
)
# The evidence of another side's words or position that a block's speaker reports: it makes
# no speaker of that side, and it keeps its label beside a speaker who repeats his verbs.
REPORTED_RULES = frozenset([REPORTED_POSITION.id, REPORTED_SPEECH.id])
CARRY_PRONOUN = GrammarRule(
    "carry.pronoun",
    "carry",
    "'he said' takes the speaker named before it",
    "A pronoun subject takes the last named speaker, within the config's carry distance and "
    "never past another named speaker.",
)
CARRY_ROLE = GrammarRule(
    "carry.role",
    "carry",
    "'the minister said' takes the speaker with that role named before it",
    "A bare role ('the minister', 'the governor') takes the last person the article named "
    "with that role, else the last speaker.",
)
CARRY_QUOTE = GrammarRule(
    "carry.quote",
    "carry",
    "a quote with no attribution belongs to the last named speaker",
    "A block that is mostly a quote and names no speaker continues the last speaker's words.",
)
CARRY_QUOTE_CONTINUED = GrammarRule(
    "carry.quote-continued",
    "carry",
    "a quote that runs on into the next paragraph, where its speaker is named",
    "By typographic convention a quote with no closing mark runs on into the next "
    "paragraph; the speaker named where it closes speaks in every paragraph of it.",
)
CARRY_FORWARD = GrammarRule(
    "carry.forward",
    "carry",
    "a bare quote belongs to the speaker the next paragraph names",
    "A paragraph that is one quote and nothing else takes the speaker of the next "
    "paragraph when that one points back at it ('That was how X put it') or is only the "
    "attribution ('X said in a statement.'); and an office that speaks in a standfirst before "
    "anyone is named ('The spokesman noted ...') is the holder of that office (of a diplomat's "
    "kind for 'the diplomat', any for 'the official') the next paragraph names first.",
)
CARRY_TRANSCRIPT = GrammarRule(
    "carry.transcript",
    "carry",
    "a line of a transcript in the speaker's own voice",
    "After a 'Name: ...' line, the lines with no prefix of their own stay in that "
    "speaker's voice until the next speaker's line or a section label.",
)
CARRY_DOCUMENT = GrammarRule(
    "carry.document",
    "carry",
    "a line of an official statement, readout or declaration: its author's",
    "An official document (its title says statement, readout, declaration...) is in its "
    "author's voice: lines with no speaker of their own are the author's.",
)
CARRY_STATEMENT = GrammarRule(
    "carry.statement",
    "carry",
    "a paragraph of a statement that an 'X said:' line introduced: X's",
    "A paragraph that ends 'X said:' (a statement reprinted in full) puts the unquoted "
    "paragraphs after it in X's voice, until one reports someone in the narrator's words "
    "('Y said ...'), a heading, a quoted paragraph or two paragraphs in a row with no first "
    "person; a position it names is reported after X. Any other line naming one side's "
    "speaker and ending in a colon ('X shared details of the call:') gives X the line and "
    "the quoted paragraphs right after it.",
)
CARRY_AUTHOR = GrammarRule(
    "carry.author",
    "carry",
    "a line in the first person of the author the title and opening name",
    "A line that says 'we', 'our' or 'I' outside quotes, with no speaker of its own, is the "
    "words of the document's author: the one side its title and first paragraph put forward "
    "as speaker or subject. The lines after it go on in that voice as after 'X said:'.",
)
MENTION = GrammarRule(
    "mention",
    "mention",
    "the actor is only mentioned (never a label by itself)",
    "A name outside quotes that no other evidence covers adds a little score: it orders "
    "labels, never makes one.",
)

GRAMMAR_RULES: Mapping[str, GrammarRule] = {
    rule.id: rule
    for rule in (
        ATTRIBUTION_SUBJECT,
        ATTRIBUTION_INVERTED,
        ATTRIBUTION_SOURCE,
        ATTRIBUTION_COLON,
        ATTRIBUTION_HEADLINE,
        ATTRIBUTION_ACTOR_SUBJECT,
        ATTRIBUTION_PARTICIPLE,
        ATTRIBUTION_COORDINATED,
        REPORTED_SPEECH,
        REPORTED_POSITION,
        STEP_SUMMONS,
        CARRY_PRONOUN,
        CARRY_ROLE,
        CARRY_QUOTE,
        CARRY_QUOTE_CONTINUED,
        CARRY_FORWARD,
        CARRY_TRANSCRIPT,
        CARRY_DOCUMENT,
        CARRY_STATEMENT,
        CARRY_AUTHOR,
        MENTION,
    )
}
"""Every grammar rule by id (the ids are unique: tests/test_rule_ids.py checks it)."""
