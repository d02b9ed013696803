"""More shapes of the penalties and the reflections, each beside a look-alike to leave alone.

The categories came from fresh replies written by people who never saw the rubric; the
sentences here are new wording for each, so that a rule pinned to one reply fails them.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from convocoach.coach.loader import bundled_rubric
from convocoach.coach.score import Coach, coach_for_rubric


@lru_cache(maxsize=1)
def coach() -> Coach:
    return coach_for_rubric(bundled_rubric())


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # What their people told us, turned into evidence against them.
        (
            "In March your IT manager assured us the servers were patched. They weren't.",
            "NOBLAME",
            "fail",
        ),
        ("We went ahead, but your CFO told us the numbers were final.", "NOBLAME", "fail"),
        # Their part named as a noun.
        ("The six-week delay in your signed order cost us the slot.", "NOBLAME", "fail"),
        ("Your director's last-minute change of supplier moved everything.", "NOBLAME", "fail"),
        (
            "We're still missing the floor plans your architect has owed us since June.",
            "NOBLAME",
            "fail",
        ),
        # A softener that announces blame, and a timeline of our reminders.
        ("Not to point fingers, but the artwork reached us on the Friday.", "NOBLAME", "fail"),
        ("We chased you on the 3rd and reminded you again on the 10th.", "NOBLAME", "fail"),
        # Said before, in another word order.
        ("This we explained at the first meeting.", "NOBLAME", "fail"),
        # Look-alikes: our duty to tell them, negated blame, our own checks, an offer.
        ("You should have heard it from us the day we knew, and I'm sorry.", "NOBLAME", "pass"),
        (
            "The van broke down on the motorway; none of this is down to your side.",
            "NOBLAME",
            "pass",
        ),
        (
            "I didn't read the drawings again before sending them, which I should have.",
            "NOBLAME",
            "pass",
        ),
        ("You can always ring me if the numbers look odd.", "NOBLAME", "pass"),
        # Sweeping verdicts in other words, and ours that are harmless.
        ("Your accounts team, without fail, pays thirty days late.", "NOABS", "fail"),
        ("The whole finance department ignored the renewal notice.", "NOABS", "fail"),
        ("You've been about to sign for what feels like forever.", "NOABS", "fail"),
        ("Every month it's another urgent extra.", "NOABS", "fail"),
        ("Like always, we test every page before it goes out.", "NOABS", "pass"),
        ("You're right that nobody on your side was told.", "NOABS", "pass"),
        # Brush-offs: two-word tautologies, shrugs, a bored goodbye.
        ("Lead times are lead times.", "NODISMISS", "fail"),
        ("My price's my price.", "NODISMISS", "fail"),
        ("Glitches happen with launches; such is life.", "NODISMISS", "fail"),
        ("Let's not make this into a drama, it's one page.", "NODISMISS", "fail"),
        (
            "Sounds like the cheaper firm is the one for you then. Best of luck.",
            "NODISMISS",
            "fail",
        ),
        (
            "I can understand you're upset, however a website can't sell for you.",
            "NODISMISS",
            "fail",
        ),
        ("It is late, and here is how we win the week back.", "NODISMISS", "pass"),
        # Reflections with no client line, in checking frames of many shapes.
        ("If I've followed you, the worry is the launch, not the price.", "REFL", "pass"),
        ("Here's my read of it: the board needs the figures before the 14th.", "REFL", "pass"),
        ("So the date slipped twice and you need one you can plan around.", "REFL", "pass"),
        ("Before I go on, I want to check I've understood the gist of your note.", "REFL", "pass"),
        # Shapes from the replies of all twelve challenges.
        ("As you well know, the deposit was due in March.", "NOBLAME", "fail"),
        ("For the hundredth time, the prints follow the payment.", "NOBLAME", "fail"),
        ("The consent form didn't reach us until this morning.", "NOBLAME", "fail"),
        ("Regrettably, the samples reached us unlabelled.", "NOBLAME", "fail"),
        ("Might I ask whether the signed form was ever posted back?", "NOBLAME", "fail"),
        ("The seal fault came from our line, not from storage at your end.", "NOBLAME", "pass"),
        ("You're right, the brief says oak, and we didn't read it closely.", "NOBLAME", "pass"),
        ("Kindly note the delay is due to our printer breaking down.", "NOBLAME", "pass"),
        ("Your governors trim the menu every term.", "NOABS", "fail"),
        ("Your drivers are forever parking across our gates.", "NOABS", "fail"),
        ("Your payments team pays late like clockwork.", "NOABS", "fail"),
        ("Every client who rings thinks their job is the only one.", "NOABS", "fail"),
        ("Your team can ring me each morning while the move lasts.", "NOABS", "pass"),
        ("Parts cost what parts cost.", "NODISMISS", "fail"),
        ("He'll be right as rain by Friday.", "NODISMISS", "fail"),
        ("Honestly, it's not a massive difference.", "NODISMISS", "fail"),
        ("I'd ask you not to be too alarmed by the marks.", "NODISMISS", "fail"),
        ("That's not a problem in itself; it means a separate price.", "NODISMISS", "pass"),
        # And from the last general-mix batches.
        ("As I said on the phone, the part is on order.", "NOBLAME", "fail"),
        ("Did your office use the right reference for the payment?", "NOBLAME", "fail"),
        ("Maybe your scales are not set up properly?", "NOBLAME", "fail"),
        ("Your team only confirmed the colour last Friday.", "NOBLAME", "fail"),
        ("It is not because of you; we are closing the branch.", "NOBLAME", "pass"),
        ("Where have you got to with the floor plan? No rush.", "NOBLAME", "pass"),
        ("It's not really a major outage by any measure.", "NODISMISS", "fail"),
        ("Please don't take it personally, it's a business decision.", "NODISMISS", "fail"),
        # Honest look-alikes from the last batches, and brush-offs in fresh words.
        ("Your order says bay 2, and our driver copied the wrong bay.", "NOBLAME", "pass"),
        ("You should have had a call from someone senior a week ago.", "NOBLAME", "pass"),
        ("I'm sorry I warned you with only one letter.", "NOBLAME", "pass"),
        ("The finish is within normal tolerance.", "NODISMISS", "fail"),
        ("Complain to whoever you like.", "NODISMISS", "fail"),
        # From replies written the way a tester types them: habits named in other words.
        ("I'm afraid late payment is a familiar pattern with your account.", "NOABS", "fail"),
        ("Rushed sign-off again, same as ever.", "NOABS", "fail"),
        ("It's always 'next month' with your finance office.", "NOABS", "fail"),
        ("Nobody ever reads the delivery notes, do they?", "NOABS", "fail"),
        ("Everyone in your household seems to want something different.", "NOABS", "fail"),
        ("Good to get a reply for once.", "NOABS", "fail"),
        ("Your buyers tend to leave orders until the Friday.", "NOABS", "fail"),
        ("Your sign-off process is famously slow.", "NOABS", "fail"),
        ("Your brief changes more often than the weather.", "NOABS", "fail"),
        ("Prompt sign-off is not a thing your board has ever managed.", "NOABS", "fail"),
        ("We tend to over-order stems in June; that one is on us.", "NOABS", "pass"),
        ("Prices rise more often than we'd like, and I'm sorry this one hurts.", "NOABS", "pass"),
        ("The damage was worse than anyone could see from the road.", "NOABS", "pass"),
        # Their lateness as a timeline, other customers held up to them, a what-if.
        (
            "May I ask why the invoice went to your auditors before anyone spoke to us?",
            "NOBLAME",
            "fail",
        ),
        ("Our other customers use the portal and hear back the same day.", "NOBLAME", "fail"),
        ("We waited three weeks for the logo files from your agency.", "NOBLAME", "fail"),
        ("The samples came back to us on the 20th rather than the 6th.", "NOBLAME", "fail"),
        (
            "If the site plan had arrived from your surveyor in May, we'd be building.",
            "NOBLAME",
            "fail",
        ),
        ("We waited too long to tell you, and that's on us.", "NOBLAME", "pass"),
        ("If you'd like, we can send the samples again on the 6th.", "NOBLAME", "pass"),
        # Brush-offs: shrinking it, shutting it, an opener, sarcasm.
        ("A week's slip isn't the end of the world.", "NODISMISS", "fail"),
        ("There was no need to copy in the managing director.", "NODISMISS", "fail"),
        ("Refunds are outside our remit.", "NODISMISS", "fail"),
        ("Permit me to correct one point: the price was fixed.", "NODISMISS", "fail"),
        ("Respectfully, the brief never mentioned a second site.", "NODISMISS", "fail"),
        (
            "The tiles will come when they're ready, not when the calendar says.",
            "NODISMISS",
            "fail",
        ),
        ("So now the weather is our fault too? Brilliant.", "NODISMISS", "fail"),
        ("Payment by Friday would be lovely, but we live in hope.", "NODISMISS", "fail"),
        ("Respectfully, I'd like to ask what matters most to your director.", "NODISMISS", "pass"),
        ("It's the end of the month, so the invoice goes out today.", "NODISMISS", "pass"),
        # The next batches: habits in idioms, a reminder said gently; the contract cited as
        # plain fact is no brush-off.
        ("Your switchboard is permanently too busy to answer.", "NOABS", "fail"),
        ("The sign-off came late, in time-honoured fashion.", "NOABS", "fail"),
        ("Like your last three orders, this one came in on a Friday night.", "NOABS", "fail"),
        ("It should be self-evident that a bigger site costs more.", "NOABS", "fail"),
        ("Every client ever wants it yesterday.", "NOABS", "fail"),
        ("Just a gentle reminder that the deposit was due on the 1st.", "NOBLAME", "fail"),
        ("Per the contract, the second visit is free, so I've booked it.", "NODISMISS", "pass"),
        ("Section 4 of the agreement covers the repair, so it's on us.", "NODISMISS", "pass"),
        # Habits said of their kind, or in a word that makes them look slow.
        ("The revised figures came in on the Friday night, as ever.", "NOABS", "fail"),
        ("As ever, we're glad to walk you through the figures.", "NOABS", "pass"),
        ("The order went missing, as is so often the case with your depot.", "NOABS", "fail"),
        ("Nobody bothered to ask before the walls went up.", "NOABS", "fail"),
        ("The deadline is plainly printed on the booking form.", "NOABS", "fail"),
        ("Landlords who let furnished flats always want it done by Monday.", "NOABS", "fail"),
        ("Customers always get a call back within the hour.", "NOABS", "pass"),
        ("With this board there's always another reason to wait.", "NOABS", "fail"),
        # Laughter in a friendly chat line is no sneer.
        ("Ha, fair point, I'll send the figures by noon.", "NODISMISS", "pass"),
        # Negated blame in other words stands every blame rule down.
        ("The lost records are our failure, not a lapse at your end.", "NOBLAME", "pass"),
        ("That was my misjudgement and not anything from your side.", "NOBLAME", "pass"),
        # The form the coach recommends is never weighed as a brush-off.
        ("I understand, and the date cannot move.", "NODISMISS", "pass"),
        # A habit counted, or named in a word for a habit.
        ("That makes it the fifth quarter in a row for the late figures.", "NOABS", "fail"),
        ("We've now hit our targets for the fifth quarter in a row.", "NOABS", "pass"),
        ("Every statement so far has reached us after the deadline.", "NOABS", "fail"),
        ("We have audited every shipment since April ourselves.", "NOABS", "pass"),
        ("Late timesheets have turned into something of a ritual.", "NOABS", "fail"),
        ("I have lost count of the chasers sent about this room.", "NOABS", "fail"),
        ("Unlike any other customer, your firm wants the files printed.", "NOABS", "fail"),
        ("The quotes are forever changing on your side.", "NOABS", "fail"),
        # What was done at their word, what-ifs about their part, and why-questions.
        ("The wall was moved at your insistence last spring.", "NOBLAME", "fail"),
        ("Had the samples been chilled, they would have survived.", "NOBLAME", "fail"),
        ("If it had been checked by us first, this would not have happened.", "NOBLAME", "pass"),
        ("May I ask why the invoice went to the old address?", "NOBLAME", "fail"),
        ("The leaflet you received at handover sets out the drying time.", "NOBLAME", "fail"),
        # Shrugs that close the matter, and a minimised outage.
        ("Cracked tiles, I'm afraid; that's chimneys for you.", "NODISMISS", "fail"),
        ("That's great news for you and the team.", "NODISMISS", "pass"),
        ("The fee covers two visits, as simple as that.", "NODISMISS", "fail"),
        ("Sorry about the minor payment glitch on Monday.", "NODISMISS", "fail"),
        ("Not to put too fine a point on it, the date was never possible.", "NODISMISS", "fail"),
        # A verdict on a kind of client, and the same treatment for every client.
        ("Employers always hope the permit comes in a week.", "NOABS", "fail"),
        ("Every parent I work with asks for this.", "NOABS", "fail"),
        ("Every client gets the same rate card.", "NOABS", "pass"),
        ("Per usual, the forms came back late.", "NOABS", "fail"),
        ("It is right there in black and white on the order form.", "NOABS", "fail"),
        ("Your managers have not once sent the sheets on time.", "NOABS", "fail"),
        # Their approval stated beside a clean apology for our part is no shield.
        (
            "The layout you approved in May was right; the misprint is our mistake.",
            "NOBLAME",
            "pass",
        ),
        ("The layout you approved in May is what we printed.", "NOBLAME", "fail"),
        # A delay placed with their side, told beside our own apology, is a fact.
        (
            "Your security review took five weeks against the two we planned; that planning "
            "call was mine and I'm sorry.",
            "NOBLAME",
            "pass",
        ),
        ("The sign-off on your side took three weeks, so the plan slipped.", "NOBLAME", "fail"),
        # Their own material produced as proof, and a hedged reminder.
        ("The cabinets were cut to the drawings your architect sent.", "NOBLAME", "fail"),
        (
            "We cut the cabinets to your drawings and got the depth wrong; that's on us.",
            "NOBLAME",
            "pass",
        ),
        ("The banner is exactly what you ordered.", "NOBLAME", "fail"),
        ("The date is there in your handwriting.", "NOBLAME", "fail"),
        ("I did actually mention the deposit when we spoke.", "NOBLAME", "fail"),
        ("It says so on the back of the booking form.", "NOBLAME", "fail"),
        ("Like the confirmation email said, parking is round the back.", "NOBLAME", "fail"),
        (
            "I raised the colour change on the call but never put it in writing, which was my "
            "mistake.",
            "NOBLAME",
            "pass",
        ),
        # It happens when it happens; an ultimatum; mock awe.
        ("The permit comes through when it comes through.", "NODISMISS", "fail"),
        ("We'll ring you when it comes through.", "NODISMISS", "pass"),
        ("Take it or leave it.", "NODISMISS", "fail"),
        ("That's just courier firms for you.", "NODISMISS", "fail"),
        ("Come on, get real: nobody builds a shop in a week.", "NODISMISS", "fail"),
        ("At least it was only the lid that cracked.", "NODISMISS", "fail"),
        ("The late fee really shouldn't come as a surprise.", "NODISMISS", "fail"),
        ("Stop the presses, a typo on page nine.", "NODISMISS", "fail"),
        ("Sure, and I'd love to paint it by teatime as well.", "NODISMISS", "fail"),
        ("Sure, and I'll send the revised quote by Friday.", "NODISMISS", "pass"),
        # The market, the job and the tautology as the last word; "only another".
        ("That's simply where the market is right now.", "NODISMISS", "fail"),
        ("That's where the leak is, under the sink.", "NODISMISS", "pass"),
        ("Waiting at the border belongs to the job.", "NODISMISS", "fail"),
        ("Most guests were too busy dancing to notice.", "NODISMISS", "fail"),
        ("It's only another £300 for the full band.", "NODISMISS", "fail"),
        ("I'll just pull a marquee out of my coat pocket, shall I?", "NODISMISS", "fail"),
        ("A coach costs what a coach costs.", "NODISMISS", "fail"),
        # The what-if about when they came, their words thrown back, blame by comparison.
        (
            "It would have been cheaper if it was brought in when the noise first started.",
            "NOBLAME",
            "fail",
        ),
        (
            "It would have been cheaper if we'd caught it sooner; that's on us.",
            "NOBLAME",
            "pass",
        ),
        ("Should've booked it sooner, to be honest.", "NOBLAME", "fail"),
        ("You said that last Tuesday.", "NOBLAME", "fail"),
        ("Like I explain already in March, the terms are 30 days.", "NOBLAME", "fail"),
        ("Most of our couples book the band a year ahead.", "NOBLAME", "fail"),
        # Mock agreement and mock praise; a shrug at a trade; small money made smaller.
        ("Right, because paperwork shrinks with the room, obviously.", "NODISMISS", "fail"),
        ("Great question. The answer is in the quote.", "NODISMISS", "fail"),
        ("Ah, the famous two-day turnaround.", "NODISMISS", "fail"),
        ("Then it's a patch job; that's roofing for you.", "NODISMISS", "fail"),
        ("I'm sorry, I know that's embarrassing for you with the board.", "NODISMISS", "pass"),
        ("It's £2 a visit, hardly going to break the bank.", "NODISMISS", "fail"),
        ("It's £2 a visit, and I know that adds up over a year.", "NODISMISS", "pass"),
        # A habit said in other words.
        ("Your proofs have consistently come back late.", "NOABS", "fail"),
        ("We have consistently missed our own dates, and I'm sorry.", "NOABS", "pass"),
        ("The numbers arrive the day before, event after event.", "NOABS", "fail"),
        ("This invoice is past 60 days, like the last three.", "NOABS", "fail"),
        ("Six more guests two days out, true to form.", "NOABS", "fail"),
        # Their part late or missing without a "you"; a slip called usual; miracles.
        ("Tiles weren't picked till the 19th. Done Thursday.", "NOBLAME", "fail"),
        ("The tiles weren't delivered till the 19th. Done Thursday.", "NOBLAME", "pass"),
        ("Gate was locked, code never got sent.", "NOBLAME", "fail"),
        ("The clearing is taking forever on your end.", "NOBLAME", "fail"),
        ("As per my email of 3 February, the trial is extra.", "NOBLAME", "fail"),
        ("A three-month slip is not unusual on grid work.", "NODISMISS", "fail"),
        ("Our crews cannot work miracles.", "NODISMISS", "fail"),
        # Typed fast: chat spellings of the same shapes.
        ("still nothing from ur end, weve asked 4 times", "NOBLAME", "fail"),
        ("weve asked the printer 4 times, sorry, chasing again now", "NOBLAME", "pass"),
        ("thats couriers for u", "NODISMISS", "fail"),
        ("dont panic, it settles in a week", "NODISMISS", "fail"),
        ("a week for the whole site? be serious", "NODISMISS", "fail"),
        ("its the same everywhere love", "NODISMISS", "fail"),
        ("old roofs, stuff like this is gonna come up", "NODISMISS", "fail"),
        # A verdict on their kind however described; a favourable habit is none.
        ("Landlords with one flat always think repairs are free.", "NOABS", "fail"),
        ("Our surveyors always check the loft first.", "NOABS", "pass"),
        ("Every tenant in that block complains about the heating.", "NOABS", "fail"),
        ("You've always paid on time, so this is not a worry.", "NOABS", "pass"),
        ("You've always been so good to work with, which makes this harder.", "NOABS", "pass"),
        ("You've never once missed a payment, so the fee is waived.", "NOABS", "pass"),
        ("Nobody at your surgery did anything wrong; our system lost it.", "NOABS", "pass"),
        ("Nobody at your surgery ever answers the phone.", "NOABS", "fail"),
        ("Your team always gave us clear feedback, and we learned from it.", "NOABS", "pass"),
        ("We've given you a new date every week, and each one was ours to keep.", "NOABS", "pass"),
        ("As always, bank details are at the foot of the invoice.", "NOABS", "pass"),
        ("As always, your payment is late.", "NOABS", "fail"),
        # Their part made the late one, their own note produced against them, a one-word
        # reminder.
        ("The floor plan was only approved last Tuesday.", "NOBLAME", "fail"),
        ("The tiles were only delivered last Tuesday; I should have chased.", "NOBLAME", "pass"),
        ("The file had more pages than you told us.", "NOBLAME", "fail"),
        (
            "It would have been fine if the artwork had come back in March.",
            "NOBLAME",
            "fail",
        ),
        ("We're all set on our end.", "NOBLAME", "fail"),
        ("We went by the drawing left on the counter.", "NOBLAME", "fail"),
        ("You chose the basic survey rather than the full one.", "NOBLAME", "fail"),
        ("We've been over this: the fee covers two visits.", "NOBLAME", "fail"),
        ("The fee covers two visits, remember.", "NOBLAME", "fail"),
        ("Remember to bring the keys on Friday.", "NOBLAME", "pass"),
        # A habit jab is a sweeping verdict, not blame for the problem (LABELLING.md).
        ("Your finance people always want the figures in a table.", "NOABS", "fail"),
        ("Your finance people always want the figures in a table.", "NOBLAME", "pass"),
        ("Your director changes the brief every single week.", "NOABS", "fail"),
        # A verdict on their character in idiom; the same idiom about us is none.
        ("Reading the small print isn't really your thing, is it.", "NOABS", "fail"),
        ("Escalating seems to be your default response to a delay.", "NOABS", "fail"),
        ("Your board is a tricky one to please.", "NOABS", "fail"),
        ("Patience is not exactly our strong suit either; sorry for the chasing.", "NOABS", "pass"),
        # A habit said in other words; our own routine is none.
        ("Your invoices routinely slip into the next month.", "NOABS", "fail"),
        ("As with every other order from your shop, the sizes were missing.", "NOABS", "fail"),
        ("The missing-password saga strikes again.", "NOABS", "fail"),
        ("You've been quibbling since the start over the fee.", "NOABS", "fail"),
        ("We routinely check every fitting twice before we leave.", "NOABS", "pass"),
        # Their material, person or lateness as the cause, without a "you did".
        ("The wrong postcode came from the list exported by your office.", "NOBLAME", "fail"),
        ("Our fitter waited two hours for your caretaker to unlock the hall.", "NOBLAME", "fail"),
        ("Your signed form arrived with us three days late.", "NOBLAME", "fail"),
        (
            "Sales got worse after your marketing people started editing our posts.",
            "NOBLAME",
            "fail",
        ),
        ("The order was changed without asking us.", "NOBLAME", "fail"),
        ("We changed the order without asking you, and that was wrong.", "NOBLAME", "pass"),
        ("The sign went up where you pointed on the plan.", "NOBLAME", "fail"),
        ("Had your deposit been paid in May, the date would still be held.", "NOBLAME", "fail"),
        ("If you'd just checked the attachment, you'd have seen it.", "NOBLAME", "fail"),
        ("Who exactly was it that approved the blue?", "NOBLAME", "fail"),
        ("Who would be the best person to approve the blue?", "NOBLAME", "pass"),
        # A rebuttal announced, the problem made small, the trade as the last word.
        ("Purely for the record, the quote said two coats.", "NODISMISS", "fail"),
        ("Realistically, though, the launch date has to move.", "NODISMISS", "fail"),
        ("Take it from me, nobody ranks in a week.", "NODISMISS", "fail"),
        ("Come on, it was one late train.", "NODISMISS", "fail"),
        ("It was one missed call on our side, and I'm sorry.", "NODISMISS", "pass"),
        ("It's literally 40 quid.", "NODISMISS", "fail"),
        ("Let's all calm down, the van is on its way.", "NODISMISS", "fail"),
        ("There's no need to bring Sandra into this.", "NODISMISS", "fail"),
        ("Hiccups like this can arise from time to time.", "NODISMISS", "fail"),
        ("Rain stopped play again. That's building.", "NODISMISS", "fail"),
        ("That's building regulations, and I'll send you the page.", "NODISMISS", "pass"),
        ("Haha, very funny, the sofa is not coming today.", "NODISMISS", "fail"),
        # A habit called a tradition; the complaint made small; typed as in chat.
        ("The late changes are becoming something of a tradition.", "NOABS", "fail"),
        ("Our Friday call has become a tradition we all enjoy.", "NOABS", "pass"),
        ("Your account has a long history of paying late.", "NOABS", "fail"),
        ("No one else has complained about the sponge.", "NODISMISS", "fail"),
        ("It's a five-minute fix, so relax.", "NODISMISS", "fail"),
        ("u said end of jan last time, so this is 3 months now", "NOBLAME", "fail"),
        ("as u know, the fee covers two visits", "NOBLAME", "fail"),
    ],
)
def test_each_shape(text: str, code: str, expected: str) -> None:
    assert coach().score(text)[code].status == expected, text


def test_reassuring_a_client_who_apologised_is_no_brush_off() -> None:
    reply = "No worries at all, it happens. I'll rebook the fitters for Thursday at 8."
    assert coach().score(reply, "So sorry, I forgot to leave the key.")["NODISMISS"].status == (
        "pass"
    )
    assert coach().score(reply, "Nobody turned up on Monday.")["NODISMISS"].status == "fail"
