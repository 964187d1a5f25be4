# Deskfront in English: the source every other language translates, and its fallback. A message
# missing in another language shows the English one (app/tests/translations.rs lists the gaps).
# Ids are grouped by where they show; `$name` variables are filled in by the code.

## The language itself, as its speakers write it (the settings' language menu)
language-name = English

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
