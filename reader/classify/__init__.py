"""Label every block of an article with the actors whose viewpoint it carries.

Not who is mentioned: whose position the block reports. "Russia rejected the truce, saying
Ukraine and its NATO backers would rearm" is Russia's block; NATO and Ukraine are only named
inside Russia's words. The classifier is a small grammar over lexicons from the config:

1. Split the block into sentences and find quoted spans: framing terms and mentions inside
   quotes are the speaker's words, not the narrator's.
2. Attribution: for each speech or stance verb ("said", "has warned", "rejects", ", saying"),
   find its subject: the noun phrase before it (skipping "has", "also", "on Tuesday" and
   parentheticals such as ", asked about the criticism,"), the phrase after it in inversions
   ("..., said Peskov"), the source after "according to", or the speaker before a colon
   ("Mark Rutte: ..."). The phrase is resolved to an actor through the lexicons: an alias
   ("Moscow"), a speaker ("Peskov"), an adjective or alias before a role ("Russian Foreign
   Minister", "Kremlin spokesman"), a role with "of"/"in" ("a source in the SBU"), a name the
   article has tied to an actor before: its speaker registry (`speakers.register_roles`)
   ties the name in every title phrase to the phrase's side ("Moscow's envoy to the UN,
   Dmitry Polyansky," ... "Polyansky said", "the diplomat added"). A named
   person who is none of the actors ("Foreign Minister Wang Yi") is a speaker too: no label,
   but he stops carry-over.
3. Reported positions: a speech verb inside another speaker's words (the rest of the sentence
   after "said", a quote, the clause after "according to X") with a different actor as subject
   gives that actor a weaker label ("Zelensky said Trump had told him ..." -> ukraine, nato).
   Stance verbs there are the speaker's claim about others and count nothing ("Yermak said
   Russia does not want peace" -> ukraine), but for a stand taken on a matter ("Sybiha said
   most allies support the invitation" -> ukraine, nato).
4. Carry-over: "he said", "the minister stressed" and a quote with no attribution take the last
   named speaker (within `carry_distance` blocks, and never past another named speaker; a role
   takes the last speaker named with that role). A transcript line "Name: ..." puts the following
   unprefixed blocks in that speaker's voice until the next "Name:" line; section labels
   ("Source: X", "Quote: ...", "Details:") are no speakers, and "Source: X" makes X the speaker
   the next quote carries (the line itself carries X, as "X said:" does). A quote that runs on
   over paragraphs (an opening mark, no closing one) belongs to the speaker named where it
   closes.
5. Framing terms in the narrator's voice and plain mentions add a little score: they order
   labels but never make one.
6. Exclusion spans ("what Moscow calls ...", "pro-Russian") suppress every match inside them.
7. Document voice: an official document (its title says statement, declaration, readout,
   press conference...) is in its author's voice: the author its title names ("Statement of
   the Ministry of Foreign Affairs of Ukraine"), else the subject of a readout's "had a
   telephone conversation with", a declaration's "We, the Heads of State ... of the North
   Atlantic Alliance", or the first named speaker. Its lines with no speaker of their own
   ("We call on ...", "Allies will ...", "It was agreed ...") are the author's; where the title
   or a readout names the author, the positions it reports of others come after the author's.
   The config's `sources:` rules name the author first, from the page's site or outlet or the
   title alone ("Press conference by ...", "PM call with ..."; reader.classify.sources): one
   speaker's remarks are theirs line by line; a release's lines of actions only ("X spoke to
   Y", "the leaders discussed ..."; the config's `actions:`, reader.classify.actions) are no
   one's.

API: `classify` (a whole article), `classify_iter` (verdicts in block order, as they are made,
for a progressive display) and `classify_report` (also the problems met: rule-file regexes that
ran out of their time budget and were switched off).

Where each step lives (each module imports only those below it; `make lint` checks it):

    pipeline.py       the steps per block, in block order (`classify_iter`)
    transcripts.py    a transcript's labelled lines ("Name: ...", "Q:", "Source: X"), their voice
    verdicts.py       evidence -> scores, labels, carried-from
    attribution.py    the speech-verb grammar (steps 2-3): its entry points, `settle`
    positions.py      positions named by their noun, "This was stated by X" (step 3)
    subject.py        a side's actor as a main clause's subject, where no one speaks
    antecedents.py    "he", "the minister": the earlier speaker a pronoun or role stands for
    verbsubject.py    a speech verb's subject, by the first reading that applies
    subjectphrase.py  the phrase before a speech verb as its subject, past asides
    inversions.py     the phrase after it: '"...," said Peskov', an appositive, a common noun
    passives.py       a verb that is no statement, passives, participles, "... and said"
    clauses.py        the sentence and clause helpers the grammar shares (`Attr`, `Verb`)
    actions.py        a release's lines of actions only, no one's (the config's `actions:`)
    jointvoice.py     "Both leaders ...": the sides of a readout or the story's meeting
    document.py       document voice, a wire dateline's house side (step 7)
    headlines.py      a headline's source, the speaker the first paragraphs name for it
    statements.py     a statement reprinted after "X said:", its paragraphs the speaker's
    officialtitles.py an official document's title: its genre, author and topic
    quotes.py         quotes across blocks (step 4)
    speakers.py       who holds which role, who was named when, the region named (step 4)
    offices.py        which side a title or office speaks for; who holds a named office
    titles.py         a title run into a name the lexicon does not know
    scan.py           chunks folded and scanned once per pattern; the rule-regex time budget
    personnames.py    a person's name beside a title ("Foreign Minister Sergey Lavrov")
    judgements.py     a document title's one party; its topic judged in the author's words
    phrases.py        which actor a noun phrase stands for, the names it ties to one
    phrasebounds.py   where a noun phrase starts and ends
    evidence.py       `add_evidence`, which takes a rule's declaration (reader.rules.grammar)
    units.py          tokens, sentences, quoted spans (step 1)
    datelines.py      wire datelines
    wordclasses.py    the closed word classes, the words of offices abroad
    effort.py         the cancel check
    types.py          the data the steps share: Unit, Who, State, Speaker, BlockWork
    typography.py     the house style every step reads («», „“, no-break spaces, "--" retyped
                      in each block's reading text, `scan.reading`); verdicts point at the
                      article's own text (`BlockWork.written`, `origin`)

Speed: blocks are taken in chunks; each chunk's text is folded once and scanned once per
combined pattern (reader.rules.compile), the matches shared out to the blocks; the Python
work runs only around the verbs and names those patterns find, and the collector is paused
within a chunk. A block's work is linear in its length: every look back (verbs of a
sentence, the sentence before, the quote around a verb) is a bisection, so one paragraph of
100,000 sentences classifies in seconds. Memory: a verdict outlives the classification, so
equal parts of verdicts (evidence texts, score mappings, label tuples, the empty verdict) are
shared.
"""

from reader.classify.effort import ClassificationCancelledError
from reader.classify.pipeline import classify, classify_iter, classify_report

__all__ = ["ClassificationCancelledError", "classify", "classify_iter", "classify_report"]
