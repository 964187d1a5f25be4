# Deskfront in English: the source every other language translates, and its fallback. A message
# missing in another language shows the English one (app/tests/translations.rs lists the gaps).
# Ids are grouped by where they show; `$name` variables are filled in by the code.

## The language itself, as its speakers write it (the settings' language menu)
language-name = English
# Each language by its name in this one (an article's other versions, the editor's menu)
language-called = { $locale ->
    [en] English
    [de] German
   *[other] { $locale }
}

## Every page: the document, the header and the main navigation
page-title = { $title } · Deskfront
page-loading = Loading…
skip-to-content = Skip to content
nav-label = Main
nav-catalog = Catalog
nav-my-requests = My requests
nav-report = Report a fault
nav-queue = Queue
nav-dashboard = Dashboard
nav-approvals = Approvals
nav-admin = Admin
nav-articles = Articles
header-settings = Your settings
header-notifications = Notifications
header-unread = { $count } unread
header-sign-out = Sign out

## The catalog (the home page)
catalog-title = Service catalog
catalog-heading = What do you need?
catalog-intro = Order equipment and access, or report something broken.
catalog-loading = Loading the catalog…
catalog-filter-label = Filter the catalog
catalog-filter-placeholder = Search the catalog, e.g. laptop, VPN, printer
catalog-categories = Categories
catalog-all = All
catalog-nothing = Nothing matches
catalog-nothing-before = Try another word, or
catalog-nothing-link = ask the service desk
catalog-nothing-after = .
catalog-needs-approval = Needs approval
catalog-report-fault = Report a fault

## A page that does not exist
not-found-title = Page not found
not-found-before = The page may have moved. Start again from the
not-found-link = catalog
not-found-after = .

## Dates and times (app/src/i18n/dates.rs): the names, and the order of the parts
fmt-time = { $hour }:{ $minute }
fmt-day-month = { $day } { $month }
fmt-day-month-year = { $date } { $year }
fmt-weekday-day-month = { $weekday } { $date }
fmt-date-time = { $date }, { $time }
fmt-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
fmt-weekday-short = { $weekday ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
}

## Offline: the banner above a page from the device, and the sync status in the header
offline-shell-no-scripts = You are offline, and this page needs JavaScript to show what is kept on this device.
offline-banner = Offline — catalog as of { $when }. What you send waits on this device until you are back online.
sync-online = Online
sync-offline = Offline
sync-unsent = { $count } unsent
sync-last = Synced { $time }
sync-never = Not synced yet

## Report a fault (the page a till's QR sticker opens)
report-title = Report a fault
report-loading = Loading…
report-at = At
report-what-is-wrong = What is wrong?
report-intro = What is wrong? You pick the store and the device on the next page. Tip: the QR sticker on a till opens this page with both filled in.
report-none-before = No store faults are set up yet. Instead,
report-none-link = ask the service desk
report-none-after = .

## The priority a fault report will get, before it is sent
priority-promise = Priority { $priority } — we will respond by { $when }
priority-promise-day = { $time } on { $day }
priority-promise-unknown = Say how much of the store is affected and how urgent it is, and we will tell you when we will respond.

## A catalog item's page: the facts about it, then its request form
item-loading = Loading…
item-not-available = Not available
item-breadcrumb = Breadcrumb
item-breadcrumb-catalog = Catalog
item-delivery = Expected delivery
item-approval = Approval needed
item-approval-yes = Yes, by your line manager
item-approval-no = No
item-handled-by = Handled by
item-your-request = Your request
item-required-note = Fields marked * are required.

## A request form: its controls, its summary of problems and its button
field-choose = Choose…
field-yes = Yes
field-no = No
form-to-fix = { $count ->
    [one] 1 answer needs
   *[other] { $count } answers need
} to fix before sending.
form-look-again = Some answers need another look.
form-preview-valid = Every answer is valid. This is a preview: nothing was sent.
form-not-kept = Could not reach the server, and could not keep the request on this device ({ $error }). Your answers are still here: try again in a moment.
form-draft-restored = Draft restored: your earlier answers are back.
form-discard-draft = Discard draft
form-sending = Sending…
form-check = Check the answers
form-submit = Submit request
upload-preparing = Preparing { $file }…
upload-sending = Uploading { $file }…
upload-attached = Attached { $file }
upload-kept = Kept on this device: { $file }
upload-not-kept = The file could not be kept on this device ({ $error }). Try again when you are back online.

## What is wrong with an answer (the same words live in the form and after the server refused it)
form-changed = This form has changed since it was opened (unknown field "{ $field }"). Reload the page to get the current form.
field-required = This field is required.
field-pick-one = Pick an option.
field-pick-some = Pick at least one option.
field-attach = Attach a file.
field-yes-no = Answer yes or no.
field-one-answer = Give one answer only.
field-too-long-at-all = This is too long: at most { $max } characters.
field-too-long = Keep this to { $max } characters or fewer (now { $now }).
field-too-short = Write at least { $min } characters (now { $now }).
field-cannot-check = This field cannot be checked; tell the service desk.
field-format = This is not in the expected format.
field-number = Enter a number, like 2 or 3.5.
field-number-between = Enter a number from { $min } to { $max }.
field-number-min = Enter { $min } or more.
field-number-max = Enter { $max } or less.
field-date = Enter a date as YYYY-MM-DD, e.g. 2026-12-01.
field-not-an-option = Pick one of the options.
field-not-one-of = "{ $value }" is not one of the options.
field-pick-at-least = Pick at least { $min }.
field-pick-at-most = Pick at most { $max }.
field-email = Enter an email address like name@example.com.
field-store = Pick a store from the list.
field-device = Pick a device from the list.
field-device-elsewhere = That device is not in store { $store }.
field-upload-again = Upload the file again.

## Articles suggested beside a form
suggest-label = Articles that may help
suggest-title = These articles may solve it
suggest-glad = Glad that solved it: no request needed.
suggest-discard-draft = Discard my draft
suggest-keep = Keep it
suggest-discarded = Draft discarded.
suggest-back = Back to the catalog
suggest-opening = Opening the article…
suggest-not-loaded = The full article could not be loaded ({ $error }).
suggest-solved = This solved it
suggest-back-to-form = Back to my form

## My requests, and what waits on this device
requests-title = My requests
requests-saved-offline = Saved on this device — will send when you are back online
requests-loading = Loading your requests…
requests-offline = You are offline. Requests already sent show here again when you are back online.
requests-none = No requests yet
requests-none-intro = When you order something or report a fault, it shows up here with its progress.
requests-browse = Browse the catalog
requests-updated = Updated { $when }
requests-pages = Pages
requests-newer = ← Newer
requests-older = Older →
requests-page-of = Page { $page } of { $pages }
outbox-title = On this device
outbox-intro = These are sent by themselves when the connection is back.
outbox-send-now = Send now
outbox-waiting = Waiting to send
outbox-retrying = Waiting to send (tried { $count }×; trying again soon)
outbox-sending = Sending…
outbox-sent-as = Sent as
outbox-rejected = Not accepted: { $reason }
outbox-saved = Saved { $when }
outbox-answers = Your answers (kept as a draft)
outbox-fix = Fix and send again
outbox-discard = Discard
outbox-discard-confirm = Discard this request? Its answers are deleted from this device and cannot be recovered.

## Errors on any page, with a way forward
error-not-signed-in = Please sign in to continue.
error-internal = Something went wrong on our side. If it keeps happening, quote reference { $reference } to the service desk.
error-transport = Could not reach the server ({ $reason }). Check your connection and try again.
error-sign-in-link = Sign in
error-back-to-catalog = Back to the catalog
error-try-again = Try again

## What the server refuses, and why. A `$token` is a code or an address a page may be sent back
## with after a plain form post (`model::notice`), so it must stay one word.
error-sign-in-failed = That email and password do not match an account.
error-sign-in-empty = Enter your email address and password.
error-sign-in-wait = Too many failed sign-ins. Wait { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}, then try again.
error-sign-in-wait-minutes = Too many failed sign-ins. Wait { $minutes } minutes, then try again.
error-sign-in-busy = Many people are signing in right now. Try again in a few seconds.
error-password-admins-only = Password sign-in is for administrators only. Use your organisation's sign-in button.
error-provider-unavailable = The identity provider cannot be reached right now. Try again in a few minutes; if it keeps happening, tell the service desk.
error-provider-refused = The identity provider's answer could not be verified, so you are not signed in. Try again; if it keeps happening, tell the service desk.
error-provider-cancelled = Sign-in at the identity provider was cancelled or refused. Try again.
error-sign-in-expired = That sign-in took too long or was already used. Start again.
error-no-email = Your identity provider did not tell us your e-mail address. Ask your administrator to release the email claim to Deskfront.
error-deactivated = Your account here is deactivated. If you think it should not be, ask the service desk.
error-no-page = This page does not exist.
error-desk-only = This page is for the service desk and its managers.
error-editors-only = Only knowledge editors can do this. Ask the service desk if you should be one.
error-article-editors-only = Only knowledge editors can change articles. Ask the service desk if you should be one.
error-offline-not-kept = You are offline, and this page is not kept on this device ({ $reason }). It will open when you are back online.
error-form-unreadable = The form could not be read ({ $reason }). Reload the page and try again.
error-no-such-language = The portal has no such language. Choose one from the list.
error-no-store = There is no store { $token }.
error-no-store-yet = There is no store { $token }: import the stores first.
error-no-person = There is no active person with the address { $token }.
error-not-a-role = "{ $token }" is not a role (requester, store_staff, approver, agent, manager, editor, admin).
error-stale = Someone changed this { $token } after you opened the page. Reload to see the change, then make yours again.
error-synonyms-too-few = A group needs at least two different words or phrases.
error-synonyms-too-many = A group holds at most 20 phrases; split it into groups of one meaning each.
synonym-too-long = "{ $phrase }" is longer than { $max } characters.
synonym-too-many-words = "{ $phrase }" has more than { $max } words: name the thing, do not describe it.
synonym-small-words = "{ $phrase }" is only small words (like "the" or "to") that search ignores.

## A catalog item's translations, as the catalog builder checks them
catalog-translation-language = The portal has no language "{ $locale }" to translate into, or it is the catalog's own.
catalog-translation-no-field = The form has no field "{ $field }" any more: clear its translation.
catalog-translation-no-option = The field has no option "{ $option }" any more: clear its translation.
catalog-translation-too-long = Keep this to { $max } characters.
error-no-catalog-item = This catalog item does not exist or is no longer offered.
error-no-such-item = There is no such catalog item.
error-item-retired = "{ $item }" is no longer offered. Look in the catalog for its replacement, or ask the service desk.
error-no-submission-key = The form is missing its submission key. Reload the page and submit again.
error-form-updated = This form has been updated since you opened it. Reload the page; your answers are kept as a draft.
error-no-line-manager = This item needs your line manager's approval, but no line manager is on file for you. Ask the service desk to add one.
error-no-request = There is no request { $number } that you can see.
error-comment-empty = Write a comment first.
error-comment-too-long = Keep comments to { $max } characters.
error-comment-after-decision = Your part in this request ended with your decision; the requester and the service desk take it from here.
error-comments-closed = This request is finished; comments are closed. Raise a new request if you need more help.
error-cancel-reason-long = Keep the reason short.
error-cancel-not-yours = Only the person who raised a request can cancel it.
error-cancel-too-late = This request is already "{ $state }" and can no longer be cancelled.
error-request-changed = This request changed while you were looking at it. Reload to see its state.
error-no-ticket = There is no ticket { $number } that you can see.
error-text-too-long = Keep it to { $max } characters.
error-ticket-changed = { $number } changed while you were looking at it. Reload to see what changed, then try again.
error-requester-only-answer = Only the person who raised the ticket can answer here.
error-requester-only-reopen = Only the person who raised the ticket can reopen it.
error-reopen-what = Say what is still wrong.
error-reopen-not-resolved = { $number } is "{ $state }": only a resolved ticket can be reopened.
error-reopen-too-late = { $number } was resolved more than { $days } days ago and can no longer be reopened. Raise a new ticket and mention it.
error-ticket-finished = { $number } is "{ $state }"; it takes no more comments. Raise a new ticket if you need more help.
error-decision-choose = Choose approve or reject.
error-reject-why = Say why you are rejecting, so the requester knows what to do next.
error-decision-comment-long = Keep the comment to { $max } characters.
error-not-the-approver = Only the requester's line manager can decide this approval.
error-not-waiting = { $number } is not waiting for approval any more.
error-just-decided = { $number } was decided a moment ago.
error-no-article = This article does not exist or has been retired. Try the search.
error-search-too-long = Shorten the search to { $max } characters or fewer.
error-choose-yes-no = Choose yes or no.
error-vote-comment-long = Keep the comment under { $max } characters.
error-vote-unpublished = This article is no longer published, so it cannot take votes.
error-funnel-key = The form's key is missing or too long. Reload the page.
error-no-article-named = A form sent anyway names no article.
error-name-article = Name the article.
error-no-such-article = There is no such article.
error-article-language-taken = Someone saved another version of this article in that language a moment ago. Reload to see it, then edit that one instead.
error-file-empty = The file is empty.
error-file-over-limit = The file is { $size } MB; the limit is { $max } MB.
error-file-too-large = The file is too large.
error-file-kind = Attach a photo (JPEG, PNG, WebP, HEIC, GIF), a PDF or a text file.
error-file-misnamed = This file's name ends in .{ $ending }, but it holds { $kind ->
    [pdf] a PDF
    [text] text
   *[other] a picture of another kind
}. Rename it or attach the right file.
error-file-choose = Choose a file to attach.
error-file-gone = That file is not available any more. Attach it again.
error-file-kept-gone = The file kept on this device is gone; attach it again.
error-uploads-per-hour = You attached { $files } files in the last hour; wait a while before attaching more.
error-uploads-per-day = You attached { $mb } MB of files today; attach more tomorrow, or ask the service desk.
error-no-attachment = There is no such attachment.

## What a page says after a plain form post came back refused, by the kind of refusal
notice-not-signed-in = Please sign in to continue.
notice-forbidden = You may not do that. If you think you should, ask the service desk.
notice-not-found = That does not exist, or no longer does.
notice-invalid = Something you entered was not accepted. Check the form and send it again.
notice-conflict = This changed after you opened the page. Reload to see the change, then try again.
notice-too-many = Too many attempts. Wait a few minutes, then try again.
notice-internal = Something went wrong on our side. Try again in a moment; if it keeps happening, tell the service desk.
notice-transport = The form could not be read. Reload the page and try again.

## A knowledge article
article-loading = Loading the article…
article-not-available = Not available
article-breadcrumb = Breadcrumb
article-knowledge = Knowledge
article-tags = Tags
article-not-in-your-language = This article is not available in your language yet. Here it is in { $language }.
article-other-languages = Also in
article-read = Updated { $when } · revision { $revision } · read { $views ->
    [one] once
   *[other] { $views } times
}
article-still-not-solved = Still not solved?
article-did-this-help = Did this help?
article-yes = Yes
article-no = No
article-what-was-missing = What was missing or wrong? (optional)
article-send-feedback = Send feedback
article-thanks = Thank you: the editors read every answer.

## E-mails (app/src/domain/mail.rs), in the recipient's language: subject, first line, link
mail-approval-needed-subject = { $who } asks for { $title } — approve or reject
mail-approval-needed-lead = { $who } asks for { $title } and needs your approval.
mail-approval-needed-action = Approve or reject
mail-approval-reminder-subject = Still waiting for your decision: { $title }
mail-approval-reminder-lead = { $who } asked for { $title }, which still waits for your decision.
mail-approved-subject = Your request for { $title } was approved
mail-approved-lead = Your request for { $title } was approved and is on its way to the service desk.
mail-rejected-subject = Your request for { $title } was rejected
mail-rejected-lead = Your request for { $title } was rejected.
mail-see-request = See your request
mail-reply-subject = The service desk replied: { $title }
mail-reply-lead = The service desk replied about { $title }.
mail-reply-action = Read and answer
mail-question-subject = A question about { $title }
mail-question-lead = The service desk needs an answer from you about { $title } before it can go on.
mail-question-action = Answer the question
mail-resolved-subject = Resolved: { $title }
mail-resolved-lead = { $title } is resolved. Tell us how we did — it takes a few seconds.
mail-resolved-action = Rate the service
mail-assigned-subject = Assigned to you: { $title }
mail-assigned-lead = { $title }, raised by { $who }, is now yours.
mail-open-ticket = Open the ticket
mail-sla-warning-subject = Close to its target: { $title }
mail-sla-warning-lead = { $title } is close to its service-level target.
mail-sla-breach-subject = Target missed: { $title }
mail-sla-breach-lead = { $title } missed its service-level target.
mail-comment-subject = { $who } commented on { $title }
mail-comment-lead = { $who } added a comment to { $title }.
mail-comment-action = Read the comment
mail-digest-subject = { $count ->
    [one] One request waits for your approval
   *[other] { $count } requests wait for your approval
}
mail-digest-intro = { $count ->
    [one] One request waits for your approval:
   *[other] { $count } requests wait for your approval:
}
mail-digest-line = { $number } — { $who } asks for { $title }
mail-footer = You get this mail from Deskfront, your IT service portal. Choose which mails you get under Settings.

## A request's page (what its requester and the desk see)
request-loading = Loading the request…
request-not-available = Request not available
request-breadcrumb = Breadcrumb
request-submitted-before = Thanks — your request is in. Quote
request-submitted-after = if you contact the service desk.
request-raised-by = Raised by
request-raised = Raised
request-for = For
request-approver = Approver
request-awaiting-you = The service desk asked you something (see the timeline). Answer below; the clock on your ticket waits until you do.
request-you-rated = You rated this
request-answers-requester = Requester's answers
request-answers-yours = Your answers
request-attachment = attachment #{ $id }
request-timeline = Timeline
request-your-answer = Your answer
request-add-comment = Add a comment
request-send-answer = Send answer
request-send-comment = Send comment
request-cancel-summary = Cancel this request
request-cancel-why = Why? (optional)
request-cancel = Cancel request
request-desk-only = desk only
request-event = { $kind ->
    [submitted] Submitted
    [approval_requested] Waiting for approval
    [approval_approved] Approved
    [approval_rejected] Rejected
    [approval_step] Approval step decided
    [comment] Comment
    [cancelled] Cancelled
    [closed] Closed
    [state_changed] State changed
    [assigned] Assigned
    [question] Question for you
    [reply] Reply
    [note] Internal note
    [resolved] Resolved
    [reopened] Reopened
    [rated] Rated
    [sla_warning] SLA warning
    [sla_breach] SLA breached
    [problem_linked] Linked to a problem
    [problem_updated] Problem updated
   *[other] { $kind }
}
request-approval-step = { $step }: { $verdict ->
    [approve] approved
   *[reject] rejected
}
request-change = { $field ->
    [state] State
    [assignee] Assignee
    [resolution_code] Resolution code
    [priority] Priority
   *[other] { $field }
}: { $before } → { $after }
request-change-nothing = nothing
ticket-state = { $state ->
    [new] New
    [awaiting_approval] Awaiting approval
    [in_progress] In progress
    [awaiting_user] Waiting for you
    [resolved] Resolved
    [closed] Closed
    [rejected] Rejected
    [cancelled] Cancelled
   *[other] { $state }
}

## A person's settings: language and mail
settings-title = Settings
settings-saved-language = Saved. Pages show in the language you chose.
settings-saved-mail = Saved. Mails follow your choice from now on.
settings-loading = Loading your settings…
settings-as-browser = As my browser says
settings-language = Language
settings-show-in = Show the portal in
settings-language-help = Kept with your account, so it applies on every device you sign in on, and to the mails you get.
settings-save-language = Save language
settings-mail = E-mail
settings-mail-to-before = Mails go to
settings-mail-to-after = . Choose which ones you get.
settings-mail-off = This portal sends no mail yet: an administrator has not set up a mail server. Your choices apply once they do.
settings-mail-when = Send me a mail when…
settings-mail-kind = { $kind ->
    [approval_needed] A request waits for my approval
    [approval_reminder] A request still waits for my approval
    [approved] My request was approved
    [rejected] My request was rejected
    [reply] The service desk replied to me
    [question] The service desk asks me something
    [resolved] My ticket was resolved
    [assigned] A ticket was assigned to me
    [sla_warning] A ticket I work on is close to its target
    [sla_breach] A ticket I work on missed its target
    [requester_comment] A requester commented on my ticket
   *[other] { $kind }
}
settings-always-on = always on
settings-save = Save

## Signing in
login-title = Sign in
login-heading = Sign in to Deskfront
login-password-set = Your password is set. Sign in with it.
login-signed-out = You are signed out of Deskfront.
login-also-sign-out = Also sign out of { $provider }
login-admin = Administrator sign-in
login-with-provider = Sign in with { $provider }
login-provider-unavailable = Sign in with { $provider } is unavailable right now: the identity provider does not answer. Try again in a few minutes.
login-email = Email address
login-password = Password
login-submit = Sign in
login-demo-accounts = Demo accounts
login-demo-password = Every demo account uses the demo password from the README.

## Approvals (what waits for a line manager)
approvals-decided = Decision recorded. The requester can see it now.
approvals-loading = Loading approvals…
approvals-none = Nothing waiting for you
approvals-none-intro = Requests from your team and changes that need your decision will appear here.
approvals-comment = Comment (needed to reject)
approvals-approve = Approve
approvals-reject = Reject
approvals-requests = Requests waiting for your approval
approvals-changes = Changes waiting for your decision
approvals-your-step = Your step: { $step }
approvals-standing-in = You decide in place of { $name }, who is away.
approval-in-place-of = In place of { $name }
delegation-title = Away?
delegation-intro = Name someone who decides your approvals while you are away. They see them on their Approvals page, and each decision says they made it in your place.
delegation-to = E-mail address of the person who decides for you
delegation-first-day = First day away
delegation-last-day = Last day away
delegation-save = Let them decide
delegation-current = { $name } decides for you from { $from } until { $until }.
delegation-end = End now
delegation-saved = Saved. Whoever you named decides your approvals while you are away.
error-delegate-unknown = There is nobody with this e-mail address in the portal. Check the address.
error-delegate-day = Give both days as dates.
error-delegate-past = The last day has passed already. Choose days from today on.
error-delegate-long = One delegation covers at most { $days } days.
error-delegate-none = You have no delegation to this person that is still running.
approval-chain-title = Approval: { $chain }
approval-run-status = { $status ->
    [waiting] Waiting for decisions
    [approved] Approved
    [rejected] Rejected
   *[withdrawn] Withdrawn: it no longer waits for approval
}
approval-step-state = { $state ->
    [approved] Approved
    [rejected] Rejected
    [waiting] Deciding now
    [later] Not reached
   *[skipped] Skipped: its condition did not hold
}
approval-step-quorum = { $needed } of { $members } must approve
approval-step-any = Any one of them decides
approval-verdict = { $verdict ->
    [approve] Approved
   *[reject] Rejected
}
approval-undecided = Not decided yet
approval-delegate = by { $name } in their place
change-approval-approved = Approved at step "{ $step }".
change-approval-rejected = Rejected at step "{ $step }".
error-item-chain-unknown = There is no such approval chain any more. Choose another, or the line manager.
error-item-chain-unused = An approval chain applies only when approval is required. Tick that box, or choose the line manager.
error-item-chain-gone = This item's approval chain no longer exists, so nobody could approve the request. Tell the service desk; your answers are kept.
error-change-no-chain = No approval chain authorises { $kind } changes of { $level } risk yet. An admin names one in the change policy.

## Answers read back (a request's page, an approval)
answer-yes = Yes
answer-no = No
fmt-decimal-mark = .

## A ticket's service facts, rating and reopening (what its requester sees)
service-priority = Priority
service-where = Where
service-team = Team
service-assigned-to = Assigned to
service-nobody-yet = Nobody yet
service-first-response = First response
service-resolution = Resolution
service-resolved-as = Resolved as
rating-how-did-we-do = How did we do?
rating-very-poor = Very poor
rating-poor = Poor
rating-ok = OK
rating-good = Good
rating-excellent = Excellent
rating-anything-to-add = Anything to add? (optional)
rating-send = Send rating
reopen-still-not-fixed = Still not fixed?
reopen-what-is-wrong = What is still wrong?
reopen-submit = Reopen

## Notifications
notifications-loading = Loading your notifications…
notifications-none = Nothing new. When the service desk replies to you, asks you something or resolves one of your tickets, it shows up here.
notifications-mark-read = Mark all as read
notifications-new = new
notify-replied = The service desk replied.
notify-question = The service desk has a question for you.
notify-resolved = Resolved. Tell us how we did.

## Service-level clocks and priorities
sla-met = met
sla-paused = paused
sla-overdue-now = overdue by less than 1 min
sla-overdue = overdue by { $time }
sla-due-now = due now
sla-left = { $time } left
sla-due = due { $when }
sla-paused-for-requester = while we wait for the requester
priority-label = { $priority ->
    [P1] P1 – critical
    [P2] P2 – high
    [P3] P3 – moderate
   *[P4] P4 – low
}

## Signing out while requests wait on this device
signout-unsent = { $count ->
    [one] 1 request is not sent yet. It stays on this device and is sent when you sign in here again.
   *[other] { $count } requests are not sent yet. They stay on this device and are sent when you sign in here again.
}
signout-anyway = Sign out anyway
signout-stay = Stay signed in
## The desk's queue
queue-title = Queue
queue-loading = Loading the queue…
queue-group = Group
queue-all-mine = All of mine
queue-state = State
queue-any-open = Any open
queue-priority = Priority
queue-any = Any
queue-store = Store
queue-store-example = e.g. S012
queue-category = Category
queue-category-example = e.g. tills
queue-assignee = Assignee
queue-anyone = Anyone
queue-me = Me
queue-nobody-yet = Nobody yet
queue-filter = Filter
queue-show-all = Show the whole queue
queue-nothing-matches = Nothing matches these filters.
queue-empty = The queue is empty: nothing is waiting for your groups.
queue-total-capped = More than { $cap } tickets: narrow the filters to see them all
queue-total = { $count ->
    [one] One ticket
   *[other] { $count } tickets
}
queue-caption = Tickets, what breaches first at the top
queue-ticket = Ticket
queue-time-to-breach = Time to breach
queue-details = Details
queue-unassigned = Unassigned
queue-raised = Raised { $when } by { $requester }
queue-clock-paused = clock paused
queue-breached-ago = breached { $time } ago
queue-breaches-in = breaches in { $time }
duration-days-hours = { $days } d { $hours } h
## Working a ticket at the desk
desk-work-title = Work this ticket
desk-take = Assign to me
desk-assign-to = Assign to
desk-back-to-queue = Nobody (back to the queue)
desk-assign = Assign
desk-message = Message
desk-message-help = A reply and a question go to the requester; a question also pauses the SLA until they answer. An internal note is for the desk only.
desk-reply = Send reply
desk-ask = Ask the requester
desk-note = Add internal note
desk-resolve = Resolve
desk-resolution-code = Resolution code
desk-pick-one = Pick one
desk-what-was-done = What was done (the requester sees this)
desk-resolve-ticket = Resolve ticket
## Recurring faults beside an incident, and problem records
related-loading = Looking for related incidents…
related-none = No related incidents in { $days } days either side
related-recurring = Recurring fault: { $count ->
    [one] one related incident
   *[other] { $count } related incidents
} within { $days } days
related-within = Related incidents within { $days } days
related-same-device = same device
related-same-store = same store and category
related-add-to = Add this incident to { $problem }
related-open-problem = Open a problem record
related-problem-title = Problem title
related-group-these = Group these incidents with it
related-open = Open problem
problem-loading = Loading…
problem-title = Problem
problem-breadcrumb = Breadcrumb
problem-opened = Opened by { $person } · { $created } · updated { $updated }
problem-incidents = Incidents
problem-analysis = Analysis
problem-cause = Cause
problem-cause-help = What makes these incidents happen. Needed for a known error.
problem-workaround = Workaround
problem-workaround-help = What stores can do meanwhile; agents can pass it on.
problem-fix = Fix
problem-fix-help = The permanent fix. Needed to resolve the problem.
problem-state = State
problem-for-managers = Some incidents of this problem belong to other groups, so its state is the IT service manager's to change.
problem-save = Save
problem-state-label = { $state ->
    [known_error] Known error
    [resolved] Resolved
   *[open] Open
}

## A long list's pages
pages-page = Page { $page }
pages-previous = ← Previous
pages-next = Next →

## What the desk is refused, and why
error-pick-from-list = Pick someone from the list.
error-not-a-ticket-action = That is not something you can do to a ticket.
error-pick-stars = Pick from 1 to 5 stars.
error-rating-comment-long = Keep the comment to { $max } characters.
error-rate-not-yours = Only the person who raised the ticket can rate it.
error-rate-not-resolved = You can rate a ticket once it is resolved.
error-rated-already = You have rated this ticket already. Thank you!
error-queue-desk-only = The queue is for the service desk. Your own tickets are under My requests.
error-not-your-group = You do not work in that group; pick one of yours.
error-pick-state = Pick a state from the list.
error-pick-priority = Pick P1 to P4.
error-pick-assignee-filter = Pick me, nobody or anyone.
error-desk-team-only = Only the service desk team working this ticket can do that.
error-nothing-to-assign = { $number } is "{ $state }"; there is nothing left to assign.
error-assign-after-approval = This request is still waiting for approval; assign it once it is approved.
error-pick-member = Pick someone from { $group }: only its members work these tickets.
error-write-reply = Write the reply first.
error-write-question = Write the question first.
error-write-note = Write the note first.
error-pick-resolution = Pick how it was resolved.
error-say-what-was-done = Say what was done, for the requester.
error-cannot-now = { $number } is "{ $state }": it cannot be { $what ->
    [hold] put on hold
    [resolve] resolved
    [close] closed
   *[other] changed
} now.
error-problems-desk-only = Problems are for the service desk and its managers.
error-related-desk-only = Related incidents are for the service desk team working this ticket.
error-group-at-most = Group at most { $max } incidents at once; link more afterwards.
error-linked-meanwhile = One of these incidents was linked to a problem meanwhile. Reload and try again.
error-no-problem = There is no problem { $number } that you can see.
error-problem-state-managers = Some of this problem's incidents belong to groups other than yours, so its state is the IT service manager's to change. You can still record the cause, workaround and fix.
error-problem-changed = { $number } changed while you were editing it. Copy your text, reload to see the change, then apply yours again.
error-not-your-incident = { $number } is not an incident in your groups.
error-request-not-incident = { $number } is a service request; only incidents belong to problems.
error-already-in-problem = { $number } is already part of { $problem }.
error-problem-title = Give the problem a title, e.g. "Card readers drop their connection at S012".
error-problem-title-long = Keep the title to { $max } characters.
error-problem-state = Pick open, known error or resolved.
error-known-error-cause = A known error needs its cause: say what is behind these incidents.
error-resolved-fix = Say what fixed it before marking the problem resolved.

## The service manager's dashboard, the tickets behind a figure, and the daily report
dashboard-title = Dashboard
dashboard-daily-link = Daily report
dashboard-counting = Counting…
dashboard-last-days = Last { $days } days
dashboard-last-year = Last 12 months
dashboard-today = Today
dashboard-from = From
dashboard-to = To
dashboard-region = Region
dashboard-all-stores = All stores
dashboard-all-regions = All regions
dashboard-all-categories = All categories
dashboard-all-groups = All groups
dashboard-show = Show
dashboard-periods = Periods
dashboard-no-groups = You work in no assignment group yet, so there is nothing to count.
dashboard-your-groups = Figures for your groups: { $groups }.
dashboard-counted = UTC days · counted { $when }
dashboard-csv-figures = Download these figures (CSV)
dashboard-csv-trend = Trend as CSV
dashboard-trend = Trend
dashboard-backlog-by-age = Backlog by age
dashboard-satisfaction = Satisfaction
dashboard-recurring = Recurring faults
dashboard-by-store = By store
dashboard-by-device = By device
dashboard-self-service = Self-service
dashboard-self-service-note = Deflection and searches follow the period only: they belong to no store or group.
dashboard-funnel = The funnel
dashboard-for-managers = Which articles helped and what people searched for in vain (their own words) is for the IT service manager.
dashboard-top-articles = Articles that solve it most
dashboard-empty-searches = Searches that found nothing
dashboard-article-opened = { $article } (opened { $opened })
dashboard-age = Age
dashboard-open = Open
dashboard-stars = Stars
dashboard-ratings = Ratings
dashboard-incidents = Incidents
dashboard-device = Device
dashboard-step = Step
dashboard-count = Count
dashboard-article = Article
dashboard-solved-it = Solved it
dashboard-search = Search
dashboard-times = Times
funnel-searches = Knowledge searches
funnel-searches-empty = … that found nothing
funnel-suggested = Form visits with suggested articles
funnel-opened = … where an article was opened
funnel-solved = … where one solved it
funnel-deflected = … and no ticket was sent (deflected)
funnel-submitted = … and a ticket was sent anyway
dashboard-how-counted = How is this counted?
dashboard-nothing = Nothing in this period.
dashboard-definitions = How these figures are counted
figure-opened = Opened
figure-opened-detail = raised in the period
figure-resolved = Resolved
figure-resolved-detail = resolved in the period
figure-backlog = Backlog
figure-backlog-detail = open now
figure-overdue = Overdue now
figure-overdue-detail = open and past due
figure-response-sla = First response SLA
figure-resolution-sla = Resolution SLA
figure-breached-of = { $breached } breached of { $total }
figure-response-median = First response, median
figure-mttr-median = Time to resolve (MTTR), median
figure-within = 90% within { $time }
figure-reopen-rate = Reopen rate
figure-reopened-of = { $reopened } of { $total } resolved
figure-satisfaction = Satisfaction
figure-out-of-five = { $average } / 5
figure-ratings = { $count ->
    [one] 1 rating
   *[other] { $count } ratings
}
figure-deflection = Deflection
figure-deflected-of = { $deflected } of { $total } form visits with suggestions
figure-sent-anyway = Sent anyway
figure-sent-anyway-detail = tickets after suggestions
figure-searches = Knowledge searches
figure-found-nothing = { $count } found nothing
figure-percent = { $number }%
definition-period-term = Period
definition-breach-term = Breach
definition-time-to-respond-term = First-response time
definition-time-to-resolve-term = Time to resolve (MTTR)
definition-period = Days are whole UTC days; both the first and the last day are included.
definition-breach = A clock is breached when it used more business time than its target. Business time is the working hours of the calendar the ticket was planned on, counted from when it was raised, leaving out the time it waited for the requester and the time it stood resolved before a reopen; it is rounded up to the minute. Using exactly the target is on time.
definition-first-response-sla = First response: the first reply, question or resolution the requester could see. Compliance counts the tickets first answered in the period: on time when the response used at most its target (see breach).
definition-resolution-sla = Resolution: counted over the tickets resolved in the period, on time when resolving used at most the resolution target in business time (see breach).
definition-time-to-resolve = Time to resolve (MTTR): business time from raising a ticket to its last resolution, without the time it waited for the requester, over tickets resolved in the period. Shown as the median and the 90th percentile (nearest rank: the value at or below which that share of tickets falls).
definition-time-to-respond = First-response time: business time from raising a ticket to the desk's first answer the requester could see, over tickets first answered in the period; median and 90th percentile (nearest rank).
definition-reopen-rate = Reopen rate: tickets resolved in the period that the requester reopened at least once (however often: counted once), out of all tickets resolved in the period.
definition-csat = Satisfaction: the 1 to 5 star ratings requesters gave in the period, one per ticket, for tickets matching the filters.
definition-backlog = Backlog: tickets open now (new, awaiting approval, in progress, awaiting the requester) that match the filters, whatever the period; age from when each was raised. Resolved tickets are not backlog.
definition-deflection = Deflection: a visit to a request form where articles were suggested while typing, one was marked “This solved it”, and the form was not sent. A visit counts in the period of the day it began. The rate is those visits out of all visits with suggestions shown. “Sent anyway” are visits with suggestions that ended in a ticket. Searches are knowledge searches typed in the portal; “found nothing” means no article matched. Deflection follows the period only: searches and form visits belong to no store or group.
definition-recurring-faults = Recurring faults: incidents raised in the period, counted per device (asset tag) and per store, most first.
definition-opened = Tickets raised in the period.
definition-resolved = Tickets whose last resolution falls in the period and that are still resolved or closed (a reopened ticket counts again when it is resolved again).
definition-overdue = Open tickets whose next SLA clock is past its due time now, still running. They count in compliance once the clock stops.
age-band = { $band ->
    [day] Under a day
    [three-days] 1–3 days
    [week] 3–7 days
    [four-weeks] 1–4 weeks
   *[longer] Over 4 weeks
}
ticket-set = { $set ->
    [opened] Opened in the period
    [resolved] Resolved in the period
    [backlog] Backlog: open now
    [overdue] Open and past due now
    [responded] First answered in the period
    [response-met] First response on time
    [response-breached] First response breached
    [resolution-met] Resolved on time
    [resolution-breached] Resolution breached
    [breached] Breached in the period
    [reopened] Resolved, and reopened at least once
    [rated] Rated in the period
    [faults] Incidents raised in the period
   *[submitted-anyway] Sent although articles were suggested
}
ticket-set-aged = Backlog aged { $band ->
    [day] under a day
    [three-days] 1–3 days
    [week] 3–7 days
    [four-weeks] 1–4 weeks
   *[longer] over 4 weeks
}
ticket-set-rated = Rated { $stars } of 5
period-days = { $from } – { $to }
set-back = ← Dashboard
set-title = Tickets behind a figure
set-loading = Loading the tickets…
set-total = { $count ->
    [one] 1 ticket
   *[other] { $count } tickets
}
set-csv = Download as CSV
set-none = No tickets behind this figure.
set-raised = Raised { $when }
set-filter-store = store { $value }
set-filter-region = region { $value }
set-filter-category = category { $value }
set-filter-group = group { $value }
set-filter-priority = priority { $value }
set-filter-device = device { $value }
daily-title = Daily service report
daily-day = Day
daily-before = ← Day before
daily-after = Day after →
daily-utc = { $period } (UTC)
daily-csv = This report as CSV
daily-breached = Breached that day
daily-breached-unavailable = Could not load the breached tickets. Reload to try again.
daily-no-breaches = No SLA breaches.
daily-all-breached = All { $count } breached tickets
chart-week-of = w/c { $date }
chart-stars = { $count ->
    [one] 1 star
   *[other] { $count } stars
}
chart-no-data = No data for this period
chart-trend = Tickets opened and resolved
chart-stores = Incidents by store
chart-ratings = Satisfaction ratings
chart-opened = Opened
chart-resolved = Resolved
chart-point = { $series }: { $value } on { $day }
chart-value-on = { $value } on { $day }
chart-each = { $series }: { $values } ({ $total } in total).
chart-summary = { $series }: { $total } in total from { $first } to { $last }; highest { $high } on { $highday }, lowest { $low } on { $lowday }, latest { $latest } on { $last }.
chart-bars-more = ; and { $count } more with { $total } in total
chart-bars-total = . Total: { $total }.
error-dashboard-desk-only = The dashboard is for the service desk and its managers.
error-filter-too-long = Keep it to { $max } characters.
error-dashboard-own-groups = You see the figures of your own groups only. Pick one of them.
error-pick-priority-list = Pick a priority from the list.
error-filters-unreadable = The filters could not be read.
error-period-date = Give the date as YYYY-MM-DD, between the years 2000 and 2100.
error-period-backwards = The period starts after it ends.
error-period-too-long = Pick at most { $max } days; narrow the period.

## The knowledge and catalog search: the header's box and the search page
search-label = Search help articles and the catalog
search-placeholder = Search help and catalog
search-button = Search
search-kind-article = Article
search-kind-item = Catalog
search-title = Search
search-searching = Searching…
search-title-for = “{ $query }” – search
search-hint = Type a few words about your problem or what you need, for example “printer offline” or “new laptop”.
search-filter-label = Filter by category
search-all = All ({ $count })
search-offline = You are offline: these results come from the copy of the knowledge base on this device.
search-nothing = Nothing matches “{ $query }”.
search-try-before = Try other or fewer words, or
search-try-link = browse the catalog
search-try-after = to ask the service desk.
search-category = { $slug ->
    [accounts] Accounts
    [access] Accounts & access
    [email] Email
    [hardware] Hardware
    [help] Help & how-to
    [mobile] Mobile devices
    [network] Network
    [passwords] Passwords
    [payments] Payments
    [people] Joiners, movers & leavers
    [pos] POS terminals
    [printers] Printers
    [scanners] Scanners
    [software] Software
    [store-systems] Store systems
    [tills] Tills & payments
    [vpn] VPN
    [wifi] Wi-Fi
   *[other] { $name }
}
## Setting a password from a link
password-title = Set your password
password-checking = Checking the link…
password-for = For
password-rule = . At least 12 characters; a few words make a good one.
password-new = New password
password-again = The same again
password-set = Set password

## Administration: the tabs, list headings and bulk imports
admin-tab-people = People
admin-tab-groups = Groups
admin-tab-catalog = Catalog
admin-tab-stores = Stores and devices
admin-tab-integrations = Integrations
admin-tab-mail = Mail log
admin-tab-audit = Audit log
admin-tabs-label = Administration
admin-find = Find
import-stores = Stores
import-devices = Devices
import-people = People
import-columns-optional = { $required } (optional: { $optional })
import-choose-first = Choose a CSV file first.
import-too-large = The file is larger than 5 MB. Split it into smaller files.
import-unreadable = The file could not be read. Choose it again.
import-columns = Columns:
import-needs-js = Importing reads the file in your browser: turn JavaScript on.
import-file = CSV file (UTF-8, up to 5 MB)
import-check = Check the file
import-import = Import
import-summary = { $created } new, { $changed } changed, { $unchanged } unchanged
import-refused = { $count ->
    [one] 1 row refused: nothing was imported. Fix it and check again.
   *[other] { $count } rows refused: nothing was imported. Fix them and check again.
}
import-line = Line { $line }
import-done = Imported: { $summary }.
import-checked = The file is fine: { $summary }. Import it to write these changes.
import-new = New
import-changed = Changed
admin-find-item = Find an item
admin-find-item-placeholder = name, address or keyword
admin-new-item = New item
admin-loading-items = Loading the items…
admin-item-retired = Retired
admin-item-unpublished = Not published
admin-item-draft = Live, with unpublished changes
admin-item-live = Live
admin-no-items = No items match. Create one with “New item”, or clear the search.
admin-item-total = { $count ->
    [one] 1 item
   *[other] { $count } items
}
admin-form-version = form version { $version }
admin-kind = { $kind ->
    [incident] fault report
   *[request] request
}
admin-categories = Categories
admin-categories-help = A category may sit inside another (up to three levels); the catalog shows them nested, siblings by position.
admin-new-category = New category
admin-slug = Address (slug)
admin-slug-help = Lowercase letters, digits and dashes; it cannot change later.
admin-name = Name
admin-icon = Icon
admin-description = Description
admin-inside = Inside
admin-position = Position
admin-name-in = Name in { $language }
admin-description-in = Description in { $language }
admin-create-category = Create category
admin-save-category = Save category

admin-find-person = Find a person
admin-find-person-placeholder = name or e-mail
admin-new-person = New person
admin-loading-people = Loading people…
admin-import-csv = Import from CSV
admin-import-people-help = An export from HR: one person a line. Line managers may be in the same file or already in the portal; groups are separated by semicolons and replace the person's groups. People new to the portal cannot sign in until they are given a password or sign in through the company's identity provider.
admin-no-people = Nobody matches. Import people from a CSV below, or clear the search.
admin-people-total = { $count ->
    [one] 1 person
   *[other] { $count } people
}
admin-reports-to = reports to { $manager }
admin-person-store = store { $store }
admin-deactivate = Deactivate
admin-reactivate = Reactivate
admin-deactivated = deactivated
admin-edit = Edit
admin-email = E-mail address
admin-role = Role
admin-role-pinned = Keep this role when the identity provider says otherwise
admin-manager = Line manager's e-mail address
admin-home-store = Home store (code)
admin-groups = Assignment groups
admin-groups-help = Separated by semicolons; they replace the person's groups.
admin-create-person = Create person
admin-save-person = Save person
role-name = { $role ->
    [requester] Requester
    [store_staff] Store staff
    [approver] Approver (line manager)
    [agent] Service desk agent
    [manager] IT service manager
    [editor] Editor (knowledge and catalog)
   *[admin] Administrator
}
admin-password-link = Password link
admin-hand-link = Hand this link to { $email } (it works once, until { $until }):
admin-find-store = Find a store
admin-find-store-placeholder = code, name or region
admin-loading-stores = Loading the stores…
admin-new-store = New store
admin-import-stores-help = Import the stores first, then their devices. Each file is checked before anything is written; a file with a refused row imports nothing.
admin-no-stores = No stores match. Import them from a CSV below, or clear the search.
admin-store-total = { $count ->
    [one] 1 store
   *[other] { $count } stores
}
admin-store-devices = { $count ->
    [one] 1 device
   *[other] { $count } devices
}

admin-store-title = Store
admin-loading-store = Loading the store…
admin-back-to-stores = ← Stores
admin-region = Region
admin-time-zone = Time zone
admin-calendar = Business calendar
admin-store-default = the store default
admin-edit-store = Edit the store
admin-add-device = Add a device
admin-devices = Devices ({ $count })
admin-no-devices = No devices yet. Import them from a CSV on the stores page.
admin-print-stickers = Print QR stickers
admin-code = Code
admin-calendar-default = Business calendar (empty: the store default)
admin-create-store = Create store
admin-save-store = Save store
admin-asset-tag = Asset tag
admin-store-code = Store (code)
admin-device-kind = Kind
admin-model = Model
admin-add-device-button = Add device
admin-save-device = Save device
stickers-title = QR stickers
stickers-drawing = Drawing the stickers…
stickers-help = Print on A4 label sheets (3 × 8). Staff scan a code to report a fault on that device.
stickers-none = This store has no devices yet.
stickers-code-for = QR code for { $tag }
stickers-hint = Broken? Scan to report.
groups-title = Assignment groups
groups-loading = Loading the groups…
groups-help = Agents work the tickets of their groups; an item names the group that fulfils it. Renaming a group renames it on its people, items and tickets at once.
groups-new = New group
groups-none = No groups yet. Create the first one above, or import people with their groups.
groups-summary = { $members ->
    [one] 1 member
   *[other] { $members } members
} · fulfils { $items ->
    [one] 1 item
   *[other] { $items } items
} · { $tickets ->
    [one] 1 open ticket
   *[other] { $tickets } open tickets
}
groups-remove = Remove
groups-add-member = Add a member (e-mail address)
groups-add = Add
groups-edit = Rename or describe
groups-what-it-does = What it does
groups-create = Create group
groups-save = Save group

mail-log-title = Mail log
mail-log-intro = Every mail the portal queued in the last 30 days. A mail the server is down for is tried again for two days; one it refuses, or one a stopped server may or may not have sent (uncertain), is never sent again by itself.
mail-log-show = Show
mail-log-all = All
mail-log-problems = Failed and uncertain
mail-log-waiting = Waiting
mail-log-loading = Loading the mail log…
mail-log-none = No mail here. Mails appear when something needs someone: an approval, a reply, a resolution, an SLA warning.
mail-log-queued = Queued
mail-log-to = To
mail-log-what = What
mail-log-ticket = Ticket
mail-log-state = State
mail-log-note = Note
mail-log-sent = sent { $when }
mail-log-attempts = ({ $count } attempts)
audit-title = Audit log
audit-loading = Loading the audit log…
audit-intro = Every change to the catalog, forms, people, groups, stores, devices and integration tokens, with who made it and what it was before and after. Entries cannot be changed or removed.
audit-what = What
audit-everything = Everything
audit-who = Who or what
audit-clear = Clear
audit-total = { $count ->
    [one] 1 change
   *[other] { $count } changes
}
audit-none = No changes match. Widen the dates or clear the filter.
audit-before-after = Before and after
audit-before = Before
audit-after = After
audit-nothing = (nothing)
audit-kind = { $kind ->
    [catalog] Catalog
    [form] Forms
    [person] People
    [group] Groups
    [store] Stores
    [device] Devices
    [integration_token] Integration tokens
    [import] Imports
    [synonym] Synonyms
    [search_evidence] Search evidence
    [freeze] Change freezes
    [approval_chain] Approval chains
    [change_policy] Change policy
    [risk_model] Risk questionnaire
   *[other] { $kind }
}
integrations-intro-before = Monitoring systems and tills raise incidents with
integrations-intro-after = and a token of their own. Give each system its own token, so one can be revoked without stopping the others.
integrations-new = New integration
integrations-create = Create token
integrations-token-for = Token for
integrations-copy-now = . Copy it now: it is not shown again.
integrations-none = No integrations yet.
integrations-name = Integration
integrations-created = Created
integrations-last-used = Last used
integrations-status = Status
integrations-created-by = { $when } by { $person }
integrations-never = Never
integrations-revoked = Revoked { $when }
integrations-revoke = Revoke

## The catalog builder: an item's details, its form and its translations
builder-translations = Translations
builder-translations-help = The item in other languages. What you leave empty shows as written above (the grey text). Answers keep the options' own words, so tickets and reports read the same in every language.
builder-language = Language
builder-preview-language = Show the preview in this language
admin-summary-in = Summary in { $language }
builder-field = Field “{ $label }”
builder-label = Label
builder-help-text = Help text
builder-option = Option “{ $option }”
builder-opening = Opening the item…
builder-not-available = Not available
builder-published = Published: requesters now order with form version { $version }.
builder-new-item = New catalog item
builder-saved-draft = Saved as a draft ({ $saved }). Requesters see nothing of it until you publish.
builder-saved-revision = revision { $revision }
builder-saved-copy = copy
builder-to-fix = { $count ->
    [one] One thing to fix: see the message beside it.
   *[other] Some things to fix: see the messages beside them.
}
builder-retired-now = Retired: it is no longer offered. Its tickets stay as they are.
builder-restored = Restored: it is offered again.
builder-status-retired = Retired: not offered.
builder-status-unpublished = Not published yet: requesters do not see it.
builder-status-draft = Live with form version { $version }; your changes are not published yet.
builder-status-live = Live with form version { $version }.
builder-preview-blocked = The preview returns once the form's problems (shown beside its fields) are fixed.
builder-needs-js = The item editor and its form builder need JavaScript.
builder-details = Details
builder-name-help = What people order, as they would say it.
builder-slug-help = Part of the item's link, e.g. standing-desk; it cannot change later.
builder-summary = Summary
builder-summary-help = One line on the catalog card.
builder-icon-help = One emoji.
builder-kind-help = A fault report whose form asks for a store is offered on “Report a fault”.
builder-keywords = Keywords
builder-keywords-help = Comma-separated words people search for.
builder-delivery = Expected delivery
builder-delivery-help = What requesters are promised, e.g. 2 weeks.
builder-group = Fulfilment group
builder-group-help = The assignment group that works its tickets.
builder-service-level = Service level
builder-default-level = The portal's default
builder-service-level-help = The SLA targets its tickets get when the form does not ask how much is affected and how soon (impact and urgency decide then).
builder-approval = The requester's line manager approves first
builder-chain = Approved by
builder-chain-manager = The requester's line manager
builder-chain-help = An approval chain asks several people in turn ("the line manager, then the software owners"); it applies when approval is required.
builder-description = Description (Markdown)
builder-form = Form
builder-save-draft = Save draft
builder-publish = Publish
builder-preview = Preview
builder-preview-title = Preview: what requesters see
builder-more = More
builder-copy-as = Copy as a new item, with the address
builder-copy-example = e.g. standing-desk-large
builder-copy = Copy
builder-restore = Restore: offer it again
builder-retire = Retire: stop offering it

## A form's conditions in words (a field that only applies sometimes)
condition = “{ $label }” { $op ->
    [any_of] is one of { $values }
    [not_equals] is not { $values }
    [answered] is answered
    [greater_than] is more than { $values }
    [less_than] is less than { $values }
   *[equals] is { $values }
}
condition-operator = { $op ->
    [any_of] is one of
    [not_equals] is not
    [answered] is answered
    [greater_than] is more than
    [less_than] is less than
   *[equals] is
}
condition-only-if = Only if { $rules }.
condition-and = and
condition-or = or

builder-kind-name = { $kind ->
    [text] Short text
    [long_text] Long text
    [number] Number
    [date] Date
    [choice] One choice from a list
    [multi_choice] Several choices from a list
    [yes_no] Yes or no
    [email] E-mail address
    [store] Store
    [asset] Device (of the chosen store)
    [attachment] Photo or file
    [impact] Impact (for the priority)
   *[urgency] Urgency (for the priority)
}
builder-new-question = New question
builder-no-fields = No fields yet: requesters would send the item with no questions. Add the first one below.
builder-add-field = Add a field
builder-field-heading = Field { $number }: { $label }
builder-lowest = Lowest value
builder-highest = Highest value
builder-fewest-choices = Fewest choices
builder-most-choices = Most choices
builder-fewest-chars = Fewest characters
builder-most-chars = Most characters
builder-question = Question
builder-key = Key (stored with each answer)
builder-required = Required
builder-options = Options, one per line (reorder or rename by editing the lines)
builder-pattern = Pattern (a regular expression the answer must match)
builder-pattern-hint = What the pattern wants, in words
builder-move-up = Move up
builder-move-down = Move down
builder-always = Always shown.
builder-show-when = Show it when
builder-all-hold = all of these hold
builder-any-holds = any of these holds
builder-show-only-if = Show only if…
builder-only-if = Only if
builder-test = Test
builder-values = Values (comma-separated)
builder-value = Value
builder-remove-condition = Remove condition

## The knowledge editors' pages: articles, synonyms and what nobody found
editor-tab-articles = Articles
editor-tab-synonyms = Synonyms
editor-tab-unanswered = What nobody found
editor-tabs-label = Knowledge
editor-articles-title = Knowledge articles
editor-new-article = New article
editor-loading-articles = Loading articles…
editor-no-articles-before = No articles yet. Write the first one, or import a folder with
editor-state = State
editor-updated = Updated
editor-read = Read
editor-helpful = Helpful
editor-rev = { $when } · rev { $revision }
editor-votes = { $yes } yes · { $no } no
article-state = { $state ->
    [draft] Draft
    [published] Published
    [retired] Retired
   *[other] { $state }
}
editor-people-searched = People searched for: "{ $query }"
editor-loading-article = Loading the article…
editor-edit-title = Edit: { $title }
editor-edit-article = Edit article
editor-saved-as = Saved as revision { $revision }.
editor-preview-failed = Preview not updated: { $reason }
editor-look-again = Some fields need another look before saving.
editor-needs-js = The article editor needs JavaScript for its live preview and checks.
editor-title = Title
editor-title-help = What the reader's problem is, in their words.
editor-slug-help = Part of the article's link; it cannot change after the first save.
editor-summary-help = One sentence shown in search results.
editor-category-help = For example printers, pos, vpn.
editor-tags = Tags
editor-related = Related catalog items
editor-related-help = Comma-separated item slugs, offered when the article does not solve it.
editor-body = Text (Markdown)
editor-translation-of = Translation of
editor-translation-of-help = Empty for an original. For a translation, the original's slug (for example printer-offline): readers of this language are then shown this version.
editor-state-draft = Draft: only editors see it
editor-state-published = Published: in search and suggestions
editor-state-retired = Retired: hidden, kept with its history
editor-saving = Saving…
editor-revisions = Revisions
editor-revision = Revision { $revision }
editor-removed = Removed. Search no longer learns from it.
editor-evidence-title = What people typed before this helped them
editor-evidence-help = Search learns words that at least two different people typed; remove anything that should not count.
editor-loading-evidence = Loading what people typed…
editor-no-evidence = Nobody has searched their way to this article yet.
editor-evidence-search = Searched, then “Did this help?” yes
editor-evidence-solved = This solved it
editor-evidence-opened = Opened, form not sent
editor-translate-into = Translate into { $language }
editor-other-languages = In other languages:

synonyms-title = Synonyms
synonyms-intro-1 = Search treats the words and phrases of a group as meaning the same: someone who searches for “till” also finds what is written about the “register”.
synonyms-intro-2 = The words people type still rank first. Keep each group to one meaning.
synonyms-groups = Groups
synonyms-try = Try a search
synonyms-try-help = Type what someone might search for, then press “Preview” under a group: you see what search finds today and what it finds with the group as you typed it.
synonyms-needs-js = The preview needs JavaScript. Saving, retiring and bringing back groups work without it.
synonyms-find = Find a group
synonyms-none = No synonym groups yet. Add the first one above.
synonyms-no-match = No group contains “{ $filter }”.
synonyms-phrases = Phrases
synonyms-saved = Saved
synonyms-add = Add group
synonyms-bring-back = Bring back
synonyms-retire = Retire
synonyms-words = Words and phrases, separated by commas
synonyms-words-help = At least two, for example: till, register, POS. Name the thing in a few words; do not describe it.
synonyms-reload = Reload
synonyms-added = Added: { $phrases }. It is in the list below.
synonyms-saving = Saving
synonyms-type-first = Type a search in “Try a search” at the top of the page first, then press “Preview” again.
synonyms-searching = Searching
synonyms-marked-new = Marked “New”: found only with this group.
synonyms-search-for = Search for “{ $query }”
synonyms-today = Today
synonyms-with-group = With this group
synonyms-nothing = Nothing found
unanswered-title = What nobody found
unanswered-intro-1 = Searches that found no article, and forms people sent anyway after the suggestions beside them.
unanswered-intro-2 = Alike queries are grouped (typos and word forms forgiven), the largest groups first: each is an article nobody has written yet.
unanswered-loading = Loading what nobody found…
unanswered-period = Period
unanswered-last = { $days ->
    [one] Last day
   *[other] Last { $days } days
}
unanswered-nothing = { $days ->
    [one] Nothing went unanswered in the last day.
   *[other] Nothing went unanswered in the last { $days } days.
}
unanswered-groups = { $count ->
    [one] 1 group
   *[other] { $count } groups
}, the largest first
unanswered-searches = { $count ->
    [one] 1 search
   *[other] { $count } searches
}
unanswered-tickets = { $count ->
    [one] 1 ticket
   *[other] { $count } tickets
}
unanswered-found-nothing = { $searches } found nothing
unanswered-sent-anyway = { $tickets } sent anyway
unanswered-none-counted = No searches counted
unanswered-also = Also typed as:
unanswered-also-label = Also typed as
unanswered-more = { $count } more
unanswered-more-label = More ways it was typed
unanswered-write = Write an article
unanswered-about = about “{ $name }”

## What is wrong with a form as the catalog builder defines it
error-schema-duplicate-key = The key “{ $key }” is used by an earlier field; each field needs its own.
error-schema-bad-key = The key “{ $key }” may hold only lowercase letters, digits and underscores.
error-schema-no-label = Give the field “{ $key }” a label people can read.
error-schema-no-options = The choice field “{ $key }” needs at least one option.
error-schema-duplicate-option = The field “{ $field }” lists the option “{ $option }” twice.
error-schema-bad-condition = The field “{ $field }” depends on “{ $on }”, which is not an earlier field. Conditions may only look at fields above.
error-schema-condition-values = A condition of “{ $field }” needs { $wants ->
    [none] no value
    [one] exactly one value
   *[some] at least one value
}.
error-schema-not-comparable = A condition of “{ $field }” compares “{ $on }” as a number or date, but it is neither.
error-schema-impossible-value = A condition of “{ $field }” looks for “{ $value }”, which “{ $on }” can never answer.
error-schema-bad-pattern = The pattern of “{ $key }” is not a valid regular expression.
error-schema-bad-range = The field “{ $key }” has a minimum above its maximum.

## What is wrong with an article, beside the editor's inputs
error-article-slug = Use lowercase letters, digits and hyphens, at most { $max } characters (for example printer-offline).
error-article-title = Give a title.
error-article-summary = Give a one-sentence summary.
error-article-too-short = Use at least { $min } characters.
error-article-too-long = Use at most { $max } characters (now { $now }).
error-article-category = Choose a category.
error-article-tags = Use at most { $max } tags.
error-article-tag-long = The tag “{ $tag }” is longer than { $max } characters.
error-article-no-item = There is no catalog item “{ $item }”. Use the item's slug, as in its address.
error-article-body = Write the article's text.
error-article-body-long = The text is longer than { $max } characters; split it into two articles.
error-article-state = Choose draft, published or retired.
error-article-language = Choose the language it is written in: { $languages }.
error-article-translates-itself = An article cannot translate itself. Leave this empty for an original.
error-article-original-slug = Give the original's slug, as in its address (for example printer-offline).
error-article-already-in-language = “{ $slug }” is already this article in that language. Choose this article's own language.
error-article-no-original = There is no article “{ $original }”. Give the original's slug, as in its address.
error-article-nested = “{ $original }” is itself a translation. Give its original, “{ $first }”.
error-article-has-translations = Other articles translate this one, so it cannot be a translation itself.
error-article-same-language = The original is written in this language too. Choose the language of the translation.
error-article-translated-already = “{ $slug }” already translates “{ $original }” into this language. Edit that one instead.

## What the catalog builder and the category form refuse
error-give-it = { $what ->
    [name] Give it a name.
    [summary] Give it a one-line summary.
    [expected_delivery] Give it an expected delivery (e.g. “3 working days”).
    [fulfilment_group] Give it the group that fulfils it.
   *[other] Give it { $what }.
}
error-keep-to = Keep { $what ->
    [name] the name
    [summary] the summary
    [description] the description
    [expected_delivery] the expected delivery
    [fulfilment_group] the group's name
   *[other] it
} to { $max } characters (this one has { $chars }).
error-pick-icon = Pick an icon: one emoji or up to 8 characters.
error-slug-rule = Use 2–60 lowercase letters, digits and dashes, e.g. standing-desk. It is part of links and cannot change later.
error-category-exists = There is already a category { $slug }.
error-no-category = There is no category { $slug }.
error-position = Use a position between -9999 and 9999.
error-category-inside-itself = A category cannot sit inside itself or one of its own sections.
error-category-too-deep = Categories nest at most { $max } deep; put it higher up.
error-saved-meanwhile = Someone else saved this { $what ->
    [category] category
   *[item] item
} after you opened it. Your changes are still on the screen: copy what you need, reload to see theirs, and apply yours again.
error-no-item = There is no catalog item { $slug }.
error-pick-category = Pick the category it is listed in.
error-keywords = Use at most { $max } keywords of up to 40 characters each.
error-item-exists = There is already an item { $slug }; pick another.
error-nothing-to-publish = There is nothing to publish: the item has no saved changes.
error-too-many-fields = A form holds at most { $max } fields.

## What administrators are refused: imports, people, stores, devices, groups, tokens, the audit log
error-csv-too-large = The file is larger than { $mb } MB. Split it into smaller files.
error-csv-not-utf8 = The file is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8" and try again.
error-csv-header = The first line could not be read as CSV: { $reason }.
error-csv-optionally = (and optionally { $columns })
error-csv-empty = The file is empty. Its first line names the columns: { $expected }.
error-csv-missing = The first line lacks the { $count ->
    [one] column
   *[other] columns
} { $columns }. Expected: { $expected }.
error-csv-unknown = The first line names a column "{ $column }" that this import does not know. Expected: { $expected }.
error-csv-line = Line { $line } could not be read as CSV: { $reason }.
error-csv-no-rows = The file has a header but no rows.
error-csv-duplicate = { $noun ->
    [store] Store
    [device] Device
   *[person] Person
} { $key } is on line { $first } already.
error-pick-kind = Pick a kind from the list.
error-audit-date = Write the date as YYYY-MM-DD, e.g. 2026-12-01 (years 2000 to 2100).
error-audit-backwards = The last day comes before the first.
error-no-synonym-group = This synonym group does not exist.
error-group-name = Give the group a name.
error-group-name-long = Keep the name to { $max } characters.
error-group-name-semicolon = A group name cannot hold a semicolon or a line break.
error-group-description-long = Keep the description to { $max } characters.
error-no-group = There is no group { $name }.
error-group-exists = There is a group called { $name } already.
error-tokens-admins-only = Only administrators manage integration tokens.
error-name-integration = Name the integration, e.g. "Store monitoring": its incidents are filed under this name.
error-integration-name-long = Use up to { $max } characters on one line.
error-no-token = There is no such integration token.
error-not-an-email = "{ $value }" is not an e-mail address.
error-person-name = The name is empty or longer than { $max } characters.
error-unknown-manager = The manager { $manager } is neither in the file nor in the portal.
error-person-group-long = The group "{ $group }" is longer than { $max } characters.
error-person-exists = { $email } is in the portal already: find them in the list and edit them there.
error-nobody-with = There is nobody with the address { $email }.
error-nobody-active-with = There is nobody active with the address { $email }.
error-own-role = You cannot change your own role. Ask another administrator.
error-deactivate-self = You cannot deactivate yourself. Ask another administrator.
error-link-gone = This link has been used, has expired or does not exist. Ask your administrator for a new one.
error-password-short = Use at least { $min } characters; a few words make a good one.
error-passwords-differ = The two passwords differ.
error-place-exists = There is a { $what ->
    [store] store
   *[device] device
} { $key } already: edit it on its page.
error-no-place = There is no { $what ->
    [store] store
   *[device] device
} { $key }.
error-column-empty = The { $column } is empty.
error-column-long = The { $column } is longer than { $max } characters.
error-column-control = The { $column } holds a line break or control character.
error-value-long = The { $column } { $value } is longer than { $max } characters.
error-value-characters = The { $column } { $value } may only hold letters, digits, '-', '_' and '.'.
error-not-a-zone = "{ $value }" is not a time zone; write it as Europe/Berlin.
error-no-calendar = There is no business calendar "{ $value }" (there are: { $calendars }).
error-password-link-js = Making a password link needs JavaScript, so the link can be shown without leaving the page.
error-token-js = Creating a token needs JavaScript, so the token can be shown without leaving the page. Turn it on, or run `server token create NAME` on the server.
error-no-article-here = There is no article with this address.
error-article-exists = An article with this address exists already. Choose another slug, or edit that article.
error-preview-too-long = The text is longer than { $max } characters.
error-evidence-kind = Unknown kind of evidence. Reload the page.

## Changes: their lifecycle, risk questionnaire, approval chains and the change calendar
change-state-label = { $state ->
    [draft] Draft
    [assess] Assess
    [authorise] Authorise
    [scheduled] Scheduled
    [implement] Implement
    [review] Review
    [closed] Closed
    [cancelled] Cancelled
   *[other] { $state }
}
change-move-label = { $move ->
    [submit] Submit for assessment
    [request_authorisation] Request authorisation
    [authorised] Authorised
    [rejected] Rejected
    [revise] Take back to rework
    [start] Start the work
    [finish] Record the outcome
    [close] Close after review
    [cancel] Cancel the change
   *[other] { $move }
}
change-conflict-overlap = { $number } works on { $what } at the same time.
change-conflict-freeze = The window falls in the freeze "{ $freeze }"{ $stores ->
    [0] .
   *[other] {" "}for { $list }.
}
error-change-move = A change in state "{ change-state-label }" cannot take the step "{ change-move-label }". Reload the page to see what it can do now.
error-change-plans = Write the implementation, back-out and test plans before you submit the change.
error-change-risk = Answer every question of the risk assessment.
error-change-standard-risk = A standard change must be low risk. Raise a normal change, which goes to authorisation.
error-change-window = Plan the window: when the work starts and when it ends.
error-change-window-past = The window has started already. Plan a window in the future, or raise an emergency change.
error-change-window-order = The window must end after it starts.
error-change-window-long = Keep the window to { $hours } hours; split longer work into several changes.
error-change-not-yet = The work can start when its window opens.
error-change-outcome = Say how the work went: successful, failed or backed out.
error-change-review = Write the post-implementation review before you close the change.
error-change-title = Give the change a title, e.g. "Card reader firmware 4.3 at S012".
error-change-title-long = Keep the title to { $max } characters.
error-risk-unanswered = Answer "{ $question }".
error-risk-answer = "{ $question }" has no such answer. Reload the page and choose again.
error-risk-no-questions = The risk assessment needs at least one question.
error-risk-too-many-questions = Keep the risk assessment to { $max } questions.
error-risk-question-blank = Every question needs a key and its words.
error-risk-question-twice = Two questions share the key of "{ $question }". Give each its own.
error-risk-answer-count = "{ $question }" needs two to eight answers.
error-risk-answer-blank = Every answer to "{ $question }" needs a key of its own and its words.
error-risk-weight = Keep every weight between 0 and { $max }.
error-risk-thresholds = Medium risk must start above 0, and high risk above medium.
error-risk-high-unreachable = High risk starts above the highest score the answers can give ({ $highest }): lower it.
error-chain-empty = An approval chain needs at least one step.
error-chain-too-long = Keep the approval chain to { $max } steps.
error-chain-step-name = Name every step, in at most { $max } characters.
error-chain-person = Step "{ $step }": give the approver's e-mail address.
error-chain-group = Step "{ $step }": choose the group that approves.
error-chain-quorum-zero = Step "{ $step }": at least one approval is needed.
error-chain-quorum-unreachable = Step "{ $step }" needs { $needed } approvals, but its group has { $members } { $members ->
    [one] member
   *[other] members
}. Ask an administrator to add members or lower the number.
error-delegate-who = Give the e-mail address of the person who decides for you.
error-delegate-self = Choose someone other than yourself.
error-delegate-dates = The delegation must end after it starts.
error-approval-over = The approvals are complete; nothing is waiting for a decision.
error-approval-twice = You have decided already; your decision counts once.
error-approval-not-your-turn = It is not your step's turn: "{ $step }" decides now.
error-approval-not-yours = You are not an approver of this, and nobody has asked you to decide in their place.
error-freeze-name = Name the freeze, in at most { $max } characters.
error-freeze-dates = The freeze's last day must not be before its first.
error-freeze-overlaps-itself = A freeze that repeats every year must be shorter than a year, or it runs into its own next year.
error-changes-desk-only = Changes are for the service desk and its managers.
error-no-change-here = There is no change with this number.
error-change-kind = Choose standard, normal or emergency.
error-change-locked = Its plans, risk, window and targets are settled once authorisation is asked for. Take it back to rework to change them.
error-change-changed = { $number } changed while you were editing it. Copy your text, reload to see the change, then apply yours again.
error-change-window-time = Give the window's start and end as a date and a time.
error-change-targets-many = Name at most { $max } stores and devices; split a larger rollout into waves.
error-change-no-store = There is no store { $code }.
error-change-no-device = There is no device { $tag }.
error-change-step = Unknown step. Reload the page and choose again.
change-raised-from = Raised from problem { $problem }.
change-saved = Plans, risk, window or targets saved.
change-moved = Moved to { change-state-label }.
change-loading = Loading…
change-title = Change
change-opened = { $kind ->
    [standard] Standard change
    [emergency] Emergency change
   *[normal] Normal change
} · owned by { $person } · { $created } · updated { $updated }
change-risk-is = { $level ->
    [low] Low risk
    [medium] Medium risk
   *[high] High risk
} (score { $score })
change-conflicts = To settle before approval
change-next = Next steps
change-outcome = Outcome
change-outcome-label = { $outcome ->
    [successful] Successful
    [failed] Failed
   *[backed_out] Backed out
}
change-review = Post-implementation review
change-timeline = Timeline
change-by-portal = Deskfront
change-field-title = Title
change-implementation = Implementation plan
change-implementation-help = What is done, step by step, and by whom.
change-back-out = Back-out plan
change-back-out-help = How the systems are put back as they were if it goes wrong.
change-test = Test plan
change-test-help = How you will know it worked.
change-risk = Risk
change-risk-choose = Choose…
change-window = Window
change-window-start = Starts
change-window-end = Ends
change-window-help = In your time zone ({ $zone }). At most three days.
change-stores = Stores
change-devices = Devices
change-targets = Stores and devices
change-targets-help = Store codes and device tags, separated by commas, e.g. S012, S012-CRD-01.
change-save = Save
change-kind-label = { $kind ->
    [standard] Standard (pre-approved model)
    [emergency] Emergency
   *[normal] Normal
}
problem-changes = Changes
problem-no-changes = No change has been raised from this problem yet.
problem-change-title = What will be changed
problem-change-kind = Kind of change
problem-raise-change = Raise a change
problem-fixed-by-change = Fixed by change { $number }: { $title }

## The change calendar and its feed
planned-title = Planned in your store
planned-when = { $start } – { $end }
planned-calendar = See the change calendar
desk-possible-causes = Possibly caused by a change at work on this device or store when it was reported:
nav-calendar = Calendar
calendar-title = Change calendar
calendar-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
calendar-week-of = Week of { $day } { $year }
calendar-span-month = Month
calendar-span-week = Week
calendar-previous = Previous
calendar-next = Next
calendar-today = Today
calendar-store = Store
calendar-own-store = My store
calendar-all-stores = All stores
calendar-region = Region
calendar-all-regions = All regions
calendar-service = Service
calendar-all-services = All services
calendar-apply = Show
calendar-zone = Days and times in { $zone }.
calendar-count = { $count ->
    [0] No changes planned in this period.
    [one] One change in this period.
   *[other] { $count } changes in this period.
}
calendar-empty-hint = Scheduled changes and freeze periods appear here once they are planned.
calendar-freeze = Freeze: { $name }
calendar-continued = continued
calendar-central = all stores
calendar-when-same-day = { $start }–{ $end }
calendar-when-until = { $start } – { $end }
calendar-loading = Loading the calendar…
calendar-feed = In your own calendar
calendar-feed-help = Subscribe to this calendar in Outlook, Google Calendar or your phone with a private link. Anyone with the link can read the changes, so keep it to yourself.
calendar-feed-since = You have had a link since { $when }. Make a new one if you lost it (the old one stops working), or end it.
calendar-feed-make = Make a private link
calendar-feed-remake = Make a new link
calendar-feed-end = End the link
calendar-feed-ended = The link is ended; calendars subscribed to it no longer update.
calendar-feed-link = Your link (shown once: copy it now)
calendar-feed-name = Deskfront changes
calendar-feed-stores = Stores: { $stores }
calendar-feed-devices = Devices: { $devices }
calendar-feed-freeze = Change freeze: { $name }
error-calendar-span = Choose a month or a week.
error-calendar-day = Give the day as a date, e.g. 2026-12-15.
error-calendar-store = There is no such store. Choose one from the list.
error-calendar-region = There is no such region. Choose one from the list.
error-calendar-service = There is no such service. Choose one from the list.
error-calendar-feed-unknown = This calendar link does not work (any more). Make a new one on the change calendar page.
error-calendar-feed-js = Making a calendar link needs JavaScript, so the link can be shown without leaving the page.

## Change freeze periods, for administrators
admin-tab-freezes = Change freezes
freezes-title = Change freezes
freezes-help = Periods without changes to the stores, such as Christmas trading. The change calendar shows them, and a change planned inside one is flagged before anyone approves it.
freezes-loading = Loading the freeze periods…
freezes-new = New freeze period
freezes-none = No freeze periods yet. Changes can be planned on any day.
freezes-edit = Edit
freezes-delete = Remove
freezes-every-store = every store
freezes-period = { $first } to { $last }
freezes-period-yearly = { $first } to { $last }, every year
freezes-first-day = First day
freezes-last-day = Last day
freezes-every-year = Every year on the same days
freezes-stores = Stores
freezes-stores-help = Store codes separated by commas, e.g. S012, S027. Leave empty for every store (and central changes).
freezes-create = Create
freezes-save = Save
error-freeze-day = Give the day as a date, e.g. 2026-12-17.
error-freeze-stores-many = Name at most { $max } stores; leave the list empty for every store.
error-freeze-stores-unknown = There is no store { $codes }.
error-no-freeze = This freeze period no longer exists. Reload the page.

## Approval chains and the change policy, for administrators
admin-tab-approvals = Approval chains
admin-tab-risk = Risk questionnaire
chains-title = Approval chains and change policy
chains-help = A chain is the approvals a request or a change goes through, step by step. Catalog items name one in the catalog builder; the change policy names one for each kind and risk of change.
chains-loading = Loading the approval chains…
chains-list = Chains
chains-policy = Change policy
chains-policy-help = Which chain authorises a change of each kind and risk. A standard change is pre-approved and asks nobody. With no chain, such a change cannot ask for authorisation.
chains-policy-none = No chain: cannot be authorised
chains-risk-level = { $level ->
    [low] low risk
    [medium] medium risk
   *[high] high risk
}
chains-policy-save = Save the policy
chains-policy-saved = The change policy is saved. It applies to changes that ask for authorisation from now on.
chains-change-policy = the change policy
chains-new = New approval chain
chains-none = No approval chains yet. Requests go to the requester's line manager when their item needs approval, and normal changes cannot be authorised until the change policy names a chain.
chains-edit = Edit
chains-delete = Remove
chains-used-by = Used by { $users }
chains-unused = Not used yet
chains-step = Step { $n }
chains-step-name = Step name
chains-step-name-help = What approvers read, e.g. "Software owner". Clear the name to remove the step.
chains-approver = Who decides
chains-approver-kind = { $kind ->
    [line_manager] The requester's line manager
    [person] A named person
   *[group] A group
}
chains-email = Person's e-mail address (for a named person)
chains-group = Group (for a group)
chains-needed = How many of the group
chains-needed-kind = { $needed ->
    [any_one] Any one of them
   *[quorum] A quorum
}
chains-quorum = Approvals needed (for a quorum)
chains-when-field = Only when the answer to
chains-when-field-help = The key of a form field, or of a risk question for changes. Empty: the step always applies.
chains-when-op = Comparison
chains-when-values = Values, separated by commas
chains-create = Create
chains-save = Save
chains-summary-line-manager = the line manager
chains-summary-any = any one of { $group }
chains-summary-quorum = { $needed } of { $group }
chains-summary-when = only when { $field } { $op } { $values }
error-chain-name = Name the chain, in at most { $max } characters.
error-chain-name-taken = A chain with this name exists already: choose another name.
error-chain-person-unknown = Step "{ $step }": no active person has that e-mail address.
error-chain-approver = Step "{ $step }": choose who decides.
error-chain-when-values = Give one value for this comparison, several separated by commas for "is one of", and none for "is answered".
error-chain-in-use = "{ $chain }" is still used by { $users }. Choose another chain there first.
error-no-chain = There is no such approval chain. Reload the page.

## The change risk questionnaire, for administrators
risk-title = Change risk questionnaire
risk-help = Whoever plans a change answers these questions. The weights of the answers add up to a score, and the two thresholds cut it into low, medium and high risk; the change policy sends each level to its chain.
risk-loading = Loading the questionnaire…
risk-starter = These are the portal's starter questions. Change them, or save them as they are, to make them yours.
risk-question = Question { $n }
risk-new-question = A new question (leave it empty for none)
risk-question-text = Question
risk-question-help = Clear a question or an answer to remove it. Changes keep the answers they were given.
risk-answer = Answer
risk-weight = Weight
risk-medium-from = Medium risk from a score of
risk-high-from = High risk from a score of
risk-highest = The riskiest answers score { $highest } together.
risk-save = Save the questionnaire
risk-saved = The questionnaire is saved. Changes are assessed with it from their next save.
error-risk-threshold-number = Give a whole number.

## The manager's change figures on the dashboard, and the changes behind each
dashboard-changes = Changes
dashboard-changes-scope = Changes whose work ended in the period, and authorisations given in it. The store and region filters apply; category, group and priority belong to tickets only.
figure-change-success = Change success rate
figure-change-unsuccessful-of = { $unsuccessful } of { $total } failed or backed out
figure-change-emergency = Emergency changes
figure-change-emergency-of = { $emergency } of { $total } finished changes
figure-change-incidents = Changes that may have caused incidents
figure-change-finished = of { $total } finished changes
figure-change-lead-time = Approval lead time, median
figure-change-lead-detail = 90% within { $time } · { $count ->
    [one] 1 authorisation
   *[other] { $count } authorisations
}
definition-change-success = Change success rate: of the changes whose work ended in the period (their outcome was recorded), the share that succeeded. Failed and backed-out changes are not successful.
definition-emergency-share = Emergency changes: of the changes whose work ended in the period, the share that were emergency changes.
definition-changes-causing-incidents = Changes that may have caused incidents: changes whose work ended in the period with an incident raised while their window was open, on a device they named (or in a store they touched, when they named no device). The desk sees the same link on the incident.
definition-approval-lead-time = Approval lead time: wall-clock time from asking for authorisation to the approval that ended the chain, over the changes approved in the period; median and 90th percentile (nearest rank).
change-set-title = Changes behind a figure
change-set-label = { $set ->
    [unsuccessful] Changes that failed or were backed out
    [emergency] Emergency changes
    [caused_incidents] Changes that may have caused incidents
    [authorised] Changes authorised
   *[finished] Changes finished
}
change-set-total = { $count ->
    [one] 1 change
   *[other] { $count } changes
}
change-set-none = No changes behind this figure.
change-set-finished = Finished { $when }: { $outcome ->
    [successful] successful
    [failed] failed
    [backed_out] backed out
   *[other] no outcome
}
change-set-authorised = Authorised { $when }, { $time } after asking
change-set-incidents = Incidents:
error-no-figure = There is no such figure.
