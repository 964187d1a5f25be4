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

## Datum und Uhrzeit
fmt-time = { $hour }:{ $minute }
fmt-day-month = { $day }. { $month }
fmt-weekday-day-month = { $weekday }, { $date }
fmt-date-time = { $date }, { $time }
fmt-month-short = { $month ->
    [1] Jan.
    [2] Feb.
    [3] März
    [4] Apr.
    [5] Mai
    [6] Juni
    [7] Juli
    [8] Aug.
    [9] Sept.
    [10] Okt.
    [11] Nov.
   *[12] Dez.
}
fmt-weekday-short = { $weekday ->
    [1] Mo.
    [2] Di.
    [3] Mi.
    [4] Do.
    [5] Fr.
    [6] Sa.
   *[7] So.
}

## Offline
offline-banner = Offline – Katalog vom { $when }. Was Sie senden, wartet auf diesem Gerät, bis Sie wieder online sind.
sync-online = Online
sync-offline = Offline
sync-unsent = { $count } nicht gesendet
sync-last = Abgeglichen { $time }
sync-never = Noch nicht abgeglichen

## Störung melden
report-title = Störung melden
report-loading = Wird geladen …
report-at = In
report-what-is-wrong = Was ist kaputt?
report-intro = Was ist kaputt? Filiale und Gerät wählen Sie auf der nächsten Seite. Tipp: Der QR-Aufkleber an einer Kasse öffnet diese Seite mit beidem ausgefüllt.
report-none-before = Es sind noch keine Filialstörungen eingerichtet. Bitte
report-none-link = fragen Sie den Service Desk
report-none-after = .

## Priorität einer Störungsmeldung, vor dem Senden
priority-promise = Priorität { $priority } – wir melden uns bis { $when }
priority-promise-day = { $day }, { $time }
priority-promise-unknown = Geben Sie an, wie viel der Filiale betroffen ist und wie dringend es ist, dann sagen wir Ihnen, bis wann wir uns melden.
