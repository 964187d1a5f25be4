# Deskfront auf Deutsch. Anrede: „Sie“. Fehlt hier eine Meldung, zeigt das Portal die englische.

## Die Sprache selbst
language-name = Deutsch

## Jede Seite: Dokument, Kopfzeile und Hauptnavigation
page-title = { $title } · Deskfront
skip-to-content = Zum Inhalt springen
nav-label = Hauptmenü
nav-catalog = Katalog
nav-my-requests = Meine Anfragen
nav-report = Störung melden
nav-queue = Warteschlange
nav-dashboard = Kennzahlen
nav-approvals = Genehmigungen
nav-admin = Verwaltung
nav-articles = Artikel
header-settings = Ihre Einstellungen
header-notifications = Benachrichtigungen
header-unread = { $count } ungelesen
header-sign-out = Abmelden

## Der Katalog (die Startseite)
catalog-title = Servicekatalog
catalog-heading = Was brauchen Sie?
catalog-intro = Bestellen Sie Geräte und Zugänge, oder melden Sie, was kaputt ist.
catalog-loading = Der Katalog wird geladen …
catalog-filter-label = Katalog filtern
catalog-filter-placeholder = Katalog durchsuchen, z. B. Laptop, VPN, Drucker
catalog-categories = Kategorien
catalog-all = Alle
catalog-nothing = Keine Treffer
catalog-nothing-before = Versuchen Sie ein anderes Wort, oder
catalog-nothing-link = fragen Sie den Service-Desk
catalog-nothing-after = .
catalog-needs-approval = Braucht Genehmigung
catalog-report-fault = Störung melden

## Eine Seite, die es nicht gibt
not-found-title = Seite nicht gefunden
not-found-before = Die Seite ist vielleicht umgezogen. Beginnen Sie wieder beim
not-found-link = Katalog
not-found-after = .
