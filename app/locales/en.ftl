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
