"""News of a job that says which stage it is in now, with no stage named: train-only templates.

Reps report what happened ("the homeowner put pen to paper", "crew packed up friday", "they
ghosted us") far more often than they name a stage. Each template here is said of a job (by
number, by customer and trade, or "that one" / "they" for the job in focus) and labelled with
the stage the news puts it in, as ``normalise_stage_words`` spells it. ``build_examples`` adds
the lines to ``examples.jsonl`` twice over: as ``crm.change_stage`` for the intent classifier,
and with a ``stage`` for the classifier of news (``harde/understanding/news.py``). Nothing here
is in the held-out split, and no line equal to a held-out line is kept.
"""

from __future__ import annotations

# Who the news is about: a job named, or the job in focus.
_JOB = "({job}|{tjob}|{fam}|that one|this one|the job|it)"
_THEY = "(they|she|he|the ho|the homeowner|the homeowners|the customer|{fam}|the client)"
_ON = " [(on|for|at|w/|with) {job}]"

NEWS: dict[str, list[str]] = {
    "lost": [
        _THEY + " went (with|w/) (a competitor|{comp}|someone cheaper|the low bid|another outfit)" + _ON,
        _THEY + " (backed out|bailed|walked|pulled out|changed their mind|called it off)" + _ON,
        _THEY + " (ghosted us|stopped returning calls|went dark|never called back) [(its dead|its over)]" + _ON,
        "(we|i) lost " + _JOB + " [to {comp}]",
        "lost " + _JOB + " (on price|to {comp}|to a cheaper guy|today)",
        _JOB + " (is|its) (dead|a no go|a bust|off the table)",
        "(deal|job) (fell through|is dead|died)" + _ON,
        _THEY + " (hired|picked|chose|signed with) (somebody else|another contractor|{comp}|a handyman)",
        _THEY + " (said|told me) (no|they're not doing it|its too expensive) " + _ON,
        _THEY + " (cancelled|canceled|scrapped) (the project|the job|it)",
        "no sale (on|at) " + _JOB,
        _THEY + " (decided|chose) not to (go ahead|do it|move forward)",
    ],
    "contract signed": [
        _THEY + " (put pen to paper|signed on the dotted line|signed the paperwork|signed the agreement)" + _ON,
        _THEY + " (signed|sign) (today|this morning|last night)" + _ON,
        "(got|have) the (signature|signed contract|signed agreement|contract back)" + _ON,
        "(we|i) (sold|closed|won|landed|booked) " + _JOB + " [today]",
        _JOB + " (sold|closed|is sold|is a go|is a done deal)",
        _THEY + " (said yes|are in|agreed|gave us the go ahead|accepted the proposal|accepted)" + _ON,
        "(sold|closed) " + _JOB + " [(at the table|tonight)]",
        "(deposit check came in|took the deposit) and they signed" + _ON,
    ],
    "completed": [
        "(crew|the guys|we) (finished|wrapped up|wrapped|packed up|knocked out) " + _JOB + " [(today|yesterday|friday)]",
        _JOB + " is (all done|finished|complete|wrapped|in the books)",
        "(install|work|the job|the roof|the siding|the windows|the gutters) (is|got) (done|finished|completed)" + _ON,
        "(last day|final day) (on|at) " + _JOB + " was today, (all done|crew is out)",
        "(crew|the guys) cleaned up and left" + _ON,
        "(we|crew) (finished up|are done|are all done) (at|on|with) " + _JOB,
    ],
    "in progress": [
        "(crew|the guys|we) (started|began|kicked off|got going on) " + _JOB + " [(today|this morning)]",
        "(tear off|demo|the install|work) (started|began|is underway|kicked off)" + _ON,
        "(crew|the guys) (is|are) (on site|out there|on the roof|working) " + _ON,
        _JOB + " is (underway|going|in full swing|being worked on)",
        "(we|crew) (broke ground|got started|are tearing off) " + _ON,
        "dumpster (dropped|is in the driveway) and crew started" + _ON,
    ],
    "scheduled": [
        _JOB + " (has|got) (a start date|an install date|a date) [now]",
        "(install|start) date (is|got) (set|locked in|booked|confirmed|on the calendar)" + _ON,
        "(got|put) " + _JOB + " on the (install|production|crew) (schedule|calendar|board)",
        "(crew|production) (booked|slotted|scheduled) " + _JOB + " [(for next month|for the 14th)]",
        _THEY + " picked (an install date|a start date)" + _ON,
    ],
    "proposal sent": [
        "(sent|emailed|mailed|dropped off|gave) (the|them the|her the|him the) (proposal|quote|estimate|bid|numbers)" + _ON,
        "(proposal|quote|estimate|bid) (went out|is out|was sent|got emailed)" + _ON,
        _THEY + " (has|have|got) the (proposal|quote|numbers) now" + _ON,
        "(left|presented) the (proposal|quote) (with|to) " + _THEY,
    ],
    "follow up": [
        _THEY + " (want|wants|need|needs) (to think it over|more time|to sleep on it|to talk it over)" + _ON,
        _THEY + " (is|are) (still deciding|on the fence|not ready yet|shopping around)" + _ON,
        "(circle back|check back|follow up) (with them|with {fam}) (next week|next month|in the spring|in a couple weeks)",
        _THEY + " (said|asked) (call back|to check in|to reach out) (next month|after the holidays|in the spring)",
        _THEY + " (decided to|want to) (hold off|wait) (till|until) (spring|next year|after the holidays)",
        "no decision yet" + _ON + ", (follow up|check back) (next week|later)",
    ],
    "paid and closed": [
        _THEY + " (paid in full|paid the balance|paid the final invoice|settled up|paid up)" + _ON,
        "(final|last) (payment|check) (came in|cleared|landed|is in)" + _ON,
        _JOB + " is (paid off|paid in full|all paid)",
        "(balance|final invoice) (is|got) paid" + _ON,
        "(got|collected) the (final|last) (payment|check)" + _ON,
    ],
    # Questions in news's own words: what is asked of a job, never news of it.
    "none": [
        "[(how much|what)] (paid|pd|deposit|payments) (so far|to date|yet)[?]",
        "how much (have|has) " + _THEY + " (paid|put down) [so far][?]",
        "(did|have|has) " + _THEY + " (paid|signed|sign|pay|started|finished) [yet][?]",
        "(is|was) " + _JOB + " (paid|signed|done|finished|started|sold|lost) [yet][?]",
        "when (did|do|does|will) " + _THEY + " (sign|pay|start|finish)[?]",
        "when (did|does|will) " + _JOB + " (start|finish|get done|close)[?]",
        "(what|how much) (do|does) " + _THEY + " (still owe|owe)[?]",
        "(balance|deposit|final payment|contract amount) (on|for) " + _JOB + "[?]",
        "who (signed|sold|closed|lost) " + _JOB + "[?]",
        "(why|how) did (we|i) lose " + _JOB + "[?]",
    ],
    "estimating": [
        "(measuring|working up|pricing out) " + _JOB + " [(now|this week)]",
        _THEY + " (want|wants|asked for) (a new quote|it requoted|new numbers|a redo on the price)" + _ON,
        "(back to|need to redo) the (numbers|estimate|measurements) (on|for) " + _JOB,
    ],
}

# Lines per stage in the training file.
NEWS_TARGET = 90
