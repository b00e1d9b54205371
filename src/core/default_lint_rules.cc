// The rules that come from the seeds. Kept in the rule-file format so that the defaults
// read exactly like a team's own file (docs/linter.md).
#include "core/lint_rules.h"

namespace nextcall {

std::string_view default_lint_rules_text() {
  static constexpr std::string_view kRules = R"rules(
# Seed 001: never call just to touch base.
rule touch_base
  why "Touching base" gives the listener nothing of value and invites being treated as a nuisance (seed 001).
  instead Say why the call is worth their time: "The reason I'm calling is ..."
  phrase touch base
  phrase touching base
  phrase touched base
  phrase touch bases
  phrase keep in touch
  phrase keeping in touch
  phrase just keeping in touch

rule check_in
  why Checking in is reactive and carries no value for the listener (seed 001).
  instead Open with their topic or a reason: "When we last spoke, you mentioned ..."
  phrase check in with you
  phrase check in on you
  phrase checking in
  phrase just checking in
  phrase wanted to check in
  phrase just wanted to check in
  phrase check-in call
  phrase quick check in
  exclude checking in at the hotel
  exclude checking in at the airport
  exclude checking in for my flight
  exclude checking in for the flight
  exclude checking in luggage
  exclude checking in bags

rule how_things_are_going
  why Asking how things are going without a topic is a touch-base call in other words (seeds 000 and 001).
  instead Ask about something specific they told you last time.
  phrase just wanted to see how things are going
  phrase wanted to see how things are going
  phrase see how things are going
  phrase see how it's going
  phrase see how you're doing
  phrase how are things going
  phrase just following up
  phrase just calling to follow up

rule courtesy_call
  why A "courtesy call" announces that the call has no purpose (seed 001).
  instead Lead with something new that helps them.
  phrase courtesy call

rule needs_anything
  why Asking if they need anything makes you an order-taker who can be played in a price war (seed 001).
  instead Bring an idea: "I was thinking of you when ..."
  phrase wondering if you needed anything
  phrase wondering if you need anything
  phrase if you need anything
  phrase if you needed anything
  phrase anything on your desk I can bid on
  phrase anything I can bid on
  phrase do you have an order for me
  phrase got an order for me
  phrase anything I can help you with today
  phrase anything I can quote
  phrase anything I can quote for you
  phrase anything new I can quote
  phrase do you have anything for me
  phrase have anything for me
  phrase do you need anything
  phrase is there anything you need
  phrase anything I can do for you

# Everyday ways of calling with nothing to say: the follow-up for its own sake (seed 001).
rule following_up
  applies script voicemail email
  why A follow-up for its own sake is about your pipeline, not their problem; it gives them nothing to say yes to (seed 001).
  instead Bring something new with the follow-up: "The reason I'm calling is ..., so ..."
  phrase just wanted to follow up
  phrase wanted to follow up
  phrase I'm following up to see
  phrase following up to see if
  phrase following up on my last email
  phrase following up on my email
  phrase following up on my voicemail
  phrase following up on our last conversation
  phrase circling back
  phrase circle back
  phrase just circling back
  phrase wanted to circle back
  phrase bumping this
  phrase bump this to the top
  phrase just reaching out
  phrase wanted to reach out
  phrase just wanted to reach out
  phrase reaching out to see
  phrase see if you got my email
  phrase see if you received my email
  phrase did you get my email
  phrase did you get my voicemail
  phrase I was in the area
  phrase I was in the neighborhood
  phrase happened to be in the area

# Seed 002: "Take a look at it and I'll call to see what you think" sets up "not yet".
rule did_you_look
  why Asking whether they looked at what you sent invites "not yet" and ends the call (seed 002).
  instead Go through it together now: "Do you have it handy? Let's look at page 4 together — it's the part about ..."
  phrase did you get a chance to look
  phrase did you have a chance to look
  phrase did you get a chance to review
  phrase did you have a chance to review
  phrase did you get a chance to read
  phrase have you had a chance to look
  phrase have you had a chance to review
  phrase had a chance to look it over
  phrase take a look and let me know what you think
  phrase take a look at it and I'll give you a call

rule files_and_catch_up
  why Calling because you ran across their name, or had a moment, tells them they are not a priority (seed 000).
  instead Find a specific topic to talk about before you call.
  phrase going through my files and ran across your name
  phrase ran across your name
  phrase came across your name in my files
  phrase catch up on my calling
  phrase had a moment to catch up
  phrase haven't spoken to you for a while
  phrase haven't spoken to you in a while
  phrase haven't talked in a while
  phrase here I am again
  phrase well, here I am again

rule product_centric
  why Talking about your product instead of the listener's result is not a reason to call (seed 001).
  instead Say what it does for them: "You can now ..., so ..."
  phrase we have a new product and we think it's great
  phrase we think it's great
  phrase our new product
  phrase we're excited to announce
  phrase we are excited to announce
  phrase I wanted to tell you about our
  phrase introduce myself and our company
  phrase introduce myself and my company
  phrase tell you a little about our company
  phrase tell you a little bit about our company
  phrase the leading provider of
  phrase a leading provider of
  phrase industry-leading
  phrase world-class
  phrase best-in-class

rule call_back_instead_of_walk_through
  applies script note
  why They have it there now: offering to call back wastes the connect you worked for — about one in three attempts connect (seed 002).
  instead "That's OK — as long as you have it there, why don't you grab it, and let's go through it together."
  phrase I'll call you back in a few days
  phrase I'll give you a call back in a few days
  phrase how about I give you a call back
  phrase how about I call you back
  phrase I'll call you back next week
  phrase call you back in a few days
  phrase I'll follow up in a few days
  after haven't taken a look
  after haven't looked
  after haven't had a chance
  after haven't had time
  after haven't read
  after haven't gotten to
  after didn't get to
  after didn't get a chance
  after not yet
)rules";
  return kRules;
}

}  // namespace nextcall
