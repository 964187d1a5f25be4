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
approvals-none-intro = Requests from your team that need your approval will appear here.
approvals-comment = Comment (needed to reject)
approvals-approve = Approve
approvals-reject = Reject

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
