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
        _THEY + " (picked|went with|chose|hired|signed with) the (other guy|other guys|othr guy|other company|other contractor|competition|cheaper guy|big box store|lowball guy)" + _ON,
        _THEY + " (stopped answering|wont return calls|is not picking up|ghosted) [(so|,)] (its dead|call it dead|we lost it|mark it a loss)" + _ON,
        "(dead deal|no go|no dice|not happening)" + _ON + " [(ho|they) (passed|went elsewhere|bailed)]",
        "(we )?(lost|lose) (it|that one|the deal|the job) (to|on) (price|{comp}|the other guy|a lowball)" + _ON,
        _THEY + " (said|told us|told me) (pass|not interested|we were too high|too pricey|its too much|no go)" + _ON,
        _THEY + " (is|are|r) (not doing it|out|not interested|going elsewhere|going another way|going w someone else)" + _ON,
        _JOB + " (is|its) (toast|gone|dead in the water|not happening|a loss|a goner)",
        "(scratch|forget about) " + _JOB + "[,] (they went elsewhere|its dead|not happening|they passed)",
        _THEY + " (sold the house|decided to sell|are moving) [so (its dead|we lost it)]" + _ON,
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
        _THEY + " (finally )?(signed up|signed off on it|inked it|put pen paper|signed the contract|signed the docs|esigned|docusigned|signed the docusign)" + _ON + " [(today|tonight|this am|last nite)]",
        "(contract|agreement|paperwork|docusign|papers|docs) (is|came back|came in|got) (signed|executed)" + _ON,
        "(we )?(got|have) (the|a) (yes|sale|green light|go ahead|commitment|signed deal)" + _ON + " [(today|tonight)]",
        "(closed|sold|won|signed) " + _JOB + " [(at the kitchen table|tonight|on the first visit|today|this morning)]",
        _THEY + " (is|are|r) (on board|good to go|moving forward|going ahead|all in)" + _ON + " [(signed today|contract is signed)]",
        "(deposit|down payment) (is in|came in|collected)[,] (contract|paperwork) (signed|done)" + _ON,
        _THEY + " (said yes|agreed to it|went for it|pulled the trigger)" + _ON + " [(today|at the table|last night)]",
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
        "(crew|the guys|install crew|production|our guys) (pulled off|pulled out|left|cleared out|finished up|is done|are done|wrapped) " + _ON + " [(today|yesterday|this afternoon)][, (jobs|job is|its) (finished|done|complete)]",
        _JOB + " (is|was|got) (buttoned up|all set|finished up|knocked out|wrapped up) [(today|yesterday|friday)]",
        "(last|final) (shingle|window|piece of siding|gutter|section) (is|went) (on|in|up)" + _ON + "[, (all done|done)]",
        "(dumpster|trailer|the dumpster) (is gone|got picked up|was hauled away|got pulled)" + _ON + "[, (job|we) (done|finished|complete)]",
        "(install|job|work|the roof|the windows|the siding|the gutters) (wrapped|finished|completed|got done|got finished) (today|yesterday|friday|this morning|last nite)" + _ON,
        "(we|crew) (are|is|r) (all )?(done|finished|outta there|out of there|wrapped) (at|on|with) " + _JOB,
        "(punch list|final walk|walkthrough) (is )?(done|signed off)[,] " + _JOB + " (is )?(finished|complete|done)",
        "(crew|the guys|we) (finished|wrapped up|wrapped|packed up|knocked out) " + _JOB + " [(today|yesterday|friday)]",
        _JOB + " is (all done|finished|complete|wrapped|in the books)",
        "(install|work|the job|the roof|the siding|the windows|the gutters) (is|got) (done|finished|completed)" + _ON,
        "(last day|final day) (on|at) " + _JOB + " was today, (all done|crew is out)",
        "(crew|the guys) cleaned up and left" + _ON,
        "(we|crew) (finished up|are done|are all done) (at|on|with) " + _JOB,
    ],
    "in progress": [
        "(crew|crews|the guys|install crew|our guys) (is|are|r) (on|at|over at|out at|working on|working) " + _JOB + " [(now|rn|as we speak|today|this week)]",
        "(crew|the guys|install crew) (is|are|r) (out there|over there|there|on site|onsite|on the roof) (now|rn|as we speak|today|this am)" + _ON,
        "(work|install|tear off|tearoff|demo|the job) (is )?(starting|going|rolling|in progress|started up) (today|this morning|now|rn)" + _ON,
        "(we|crew|they|the guys) (started|began|kicked off|got rolling|got going|got started) (today|this morning|on it|the tear off|the install|demo)" + _ON,
        "(materials|shingles|windows|siding|the dumpster) (delivered|dropped|showed up) and (crew|the guys) (started|are working|began|got going)" + _ON,
        "(crew|the guys) (showed up|got there|arrived|rolled in) (this morning|today|at 7) (and started|to start|and got going)" + _ON,
        "(crew|the guys|we) (started|began|kicked off|got going on) " + _JOB + " [(today|this morning)]",
        "(tear off|demo|the install|work) (started|began|is underway|kicked off)" + _ON,
        "(crew|the guys) (is|are) (on site|out there|on the roof|working) " + _ON,
        _JOB + " is (underway|going|in full swing|being worked on)",
        "(we|crew) (broke ground|got started|are tearing off) " + _ON,
        "dumpster (dropped|is in the driveway) and crew started" + _ON,
    ],
    "scheduled": [
        "(permits|permit) (in|approved|pulled|came back)[,] (materials|material) (ordered|on order)[,] (crew|install|start) date (is set|set|locked|booked)" + _ON,
        "(crew|install|start|build) date (is )?(set|locked|locked in|confirmed|on the books|booked|picked|nailed down)" + _ON,
        "(production|the office|ops|scheduling) (scheduled|slotted|booked|put|penciled) " + _JOB + " [(in|on the board|for the 14th|for next week|for january)]",
        _JOB + " (is|got) (on the (production|install|crew) (board|schedule|calendar)|slotted in|on the books|scheduled in) [now]",
        "(we|i) (got|have) (a|the) (crew|install|start) date (for|on) " + _JOB,
        "(materials|material) (ordered|are ordered|on order) and (crew|install|start) (is )?(booked|scheduled|set)" + _ON,
        _JOB + " (has|got) (a start date|an install date|a date) [now]",
        "(install|start) date (is|got) (set|locked in|booked|confirmed|on the calendar)" + _ON,
        "(got|put) " + _JOB + " on the (install|production|crew) (schedule|calendar|board)",
        "(crew|production) (booked|slotted|scheduled) " + _JOB + " [(for next month|for the 14th)]",
        _THEY + " picked (an install date|a start date)" + _ON,
    ],
    "proposal sent": [
        "(sent|emailed|shot|fired off|texted|dropped) (the|our|them the|her the|him the|them our) (numbers|pricing|quote|proposal|estimate|bid|price) (over|out|off) " + _ON + " [(last nite|last night|today|this morning)]",
        "(sent|emailed|shot) (the|our) (numbers|pricing|quote|proposal) (over )?to " + _JOB + " [(last nite|today|this am)]",
        "(numbers|pricing|quote|proposal|bid) (went out|sent|are out|is out|are with them|got emailed|went over)" + _ON + " [(last night|today|yesterday)]",
        _THEY + " (got|has|have) (our|the) (numbers|quote|pricing|proposal|bid) [(now|in hand|as of today)]",
        "(presented|went over|walked them through) the (proposal|quote|numbers|options)" + _ON + " [(tonight|today)]",
        "(sent|emailed|mailed|dropped off|gave) (the|them the|her the|him the) (proposal|quote|estimate|bid|numbers)" + _ON,
        "(proposal|quote|estimate|bid) (went out|is out|was sent|got emailed)" + _ON,
        _THEY + " (has|have|got) the (proposal|quote|numbers) now" + _ON,
        "(left|presented) the (proposal|quote) (with|to) " + _THEY,
        # The job as the one who got it: "the sudbury siding got the proposal".
        _JOB + " (got|has|received|now has) (the|our|a) (proposal|quote|numbers|bid|pricing|estimate) [(now|today|last night|yesterday)]",
    ],
    "follow up": [
        _THEY + " (wants|wnts|want|needs|need) to (think it over|think about it|talk to (her|his) (husband|wife)|talk it over|get other quotes|run it by the (wife|husband|spouse))" + _ON + " [, (ill|i'll|gonna) (circle back|follow up|check back)]",
        "(ill|i'll|i will|gonna|going to) (circle back|follow up|check back|call (them|her|him) back) (w|with) " + _JOB + " (next week|in a week|monday|after the holidays|later)",
        _THEY + " (is|are|r) (shopping around|getting other bids|comparing quotes|on the fence|undecided|still thinking|sitting on it)" + _ON,
        "(no decision|no answer|nothing) yet" + _ON + "[, (ill|gonna) (follow up|circle back|check in) (next week|friday|in a few days)]",
        _THEY + " said (call|check) back (in a (week|couple weeks|month)|next (week|month)|after the holidays)" + _ON,
        _THEY + " (want|wants|need|needs) (to think it over|more time|to sleep on it|to talk it over)" + _ON,
        _THEY + " (is|are) (still deciding|on the fence|not ready yet|shopping around)" + _ON,
        "(circle back|check back|follow up) (with them|with {fam}) (next week|next month|in the spring|in a couple weeks)",
        _THEY + " (said|asked) (call back|to check in|to reach out) (next month|after the holidays|in the spring)",
        _THEY + " (decided to|want to) (hold off|wait) (till|until) (spring|next year|after the holidays)",
        "no decision yet" + _ON + ", (follow up|check back) (next week|later)",
    ],
    "paid and closed": [
        "(check|payment|final check|final payment|last draw|final draw|last payment|balance) (came in|cleared|landed|is in|received|posted|hit the account)" + _ON + "[, (were|we're|we are|they're|theyre) (square|all square|paid up|even|good|settled)]",
        _THEY + " (paid off|paid up|settled up|squared up|cleared) (the balance|in full|everything|the rest|the last draw|the final)" + _ON,
        "(all )?(paid off|paid up|squared away|settled up) (on|for) " + _JOB,
        _JOB + " (is|got) (paid up|paid off|squared up|squared away|all settled|settled)",
        "(collected|got) (the )?(final|last|remaining) (payment|check|draw|balance)" + _ON + "[, (close it out|all done)]",
        _THEY + " (paid in full|paid the balance|paid the final invoice|settled up|paid up)" + _ON,
        "(final|last) (payment|check) (came in|cleared|landed|is in)" + _ON,
        _JOB + " is (paid off|paid in full|all paid)",
        "(balance|final invoice) (is|got) paid" + _ON,
        "(got|collected) the (final|last) (payment|check)" + _ON,
    ],
    # Questions in news's own words: what is asked of a job, never news of it.
    "none": [
        "[and] [the] (install|start|crew start|build|crew|install start) date [(on|for) " + _JOB + "][?]",
        "[and] [the] (final payment|last payment|last draw|balance|deposit|proposal|quote|crew|contract) (on|for) " + _JOB + "[?]",
        "[and] [the] (crew|install|production) (schedule|start|calendar) [(on|for) " + _JOB + "][?]",
        "(back to|and) " + _JOB + "[,] (install date|start date|balance|crew|payments|the quote)[?]",
        "(is|are) the crew (on|at|out at) " + _JOB + " [(yet|today|rn)][?]",
        "(did|has) the (check|final payment|deposit|last draw) (come in|cleared|landed) [yet]" + _ON + "[?]",
        "(has|did) the (proposal|quote|numbers) (go out|get sent|been sent)" + _ON + " [yet][?]",
        "(which|what) jobs (have|got) (crews|a crew) (on them|on site|working)[?]",
        "when (is|does) the crew (start|get there|go out)" + _ON + "[?]",
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
        "(gotta|got to|need to|have to) (go back out|get back out|remeasure|re-measure|reprice|re-price|redo the (quote|numbers|estimate)) " + _ON,
        _THEY + " (changed|expanded|added to|changed up) the scope" + _ON + "[, (needs|need) a new (estimate|quote|price)]",
        "(back to the drawing board|working up new numbers|redoing the estimate|reworking the numbers)" + _ON,
        "(measuring|working up|pricing out) " + _JOB + " [(now|this week)]",
        _THEY + " (want|wants|asked for) (a new quote|it requoted|new numbers|a redo on the price)" + _ON,
        "(back to|need to redo) the (numbers|estimate|measurements) (on|for) " + _JOB,
    ],
}

# Lines per stage in the training file.
NEWS_TARGET = 160
