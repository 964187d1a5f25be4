# Deskfront auf Deutsch. Anrede: „Sie“. Fehlt hier eine Meldung, zeigt das Portal die englische.

## Die Sprache selbst
language-name = Deutsch
# Jede Sprache mit ihrem Namen auf Deutsch (andere Fassungen eines Artikels, Sprachmenü der Redaktion)
language-called = { $locale ->
    [en] Englisch
    [de] Deutsch
   *[other] { $locale }
}

## Jede Seite: Dokument, Kopfzeile und Hauptnavigation
page-title = { $title } · Deskfront
page-loading = Wird geladen …
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
fmt-day-month-year = { $date } { $year }
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
offline-shell-no-scripts = Sie sind offline, und diese Seite braucht JavaScript, um zu zeigen, was auf diesem Gerät aufbewahrt ist.
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
report-none-link = fragen Sie den Service-Desk
report-none-after = .

## Priorität einer Störungsmeldung, vor dem Senden
priority-promise = Priorität { $priority } – wir melden uns bis { $when }
priority-promise-day = { $day }, { $time }
priority-promise-unknown = Geben Sie an, wie viel der Filiale betroffen ist und wie dringend es ist, dann sagen wir Ihnen, bis wann wir uns melden.

## Die Seite eines Katalogeintrags: was man wissen muss, dann das Anfrageformular
item-loading = Wird geladen …
item-not-available = Nicht verfügbar
item-breadcrumb = Brotkrumen
item-breadcrumb-catalog = Katalog
item-delivery = Voraussichtliche Lieferung
item-approval = Genehmigung nötig
item-approval-yes = Ja, durch Ihre Führungskraft
item-approval-no = Nein
item-handled-by = Bearbeitet von
item-your-request = Ihre Anfrage
item-required-note = Felder mit * sind Pflichtfelder.

## Ein Anfrageformular: Eingaben, Zusammenfassung der Probleme und Senden
field-choose = Bitte wählen …
field-yes = Ja
field-no = Nein
form-to-fix = { $count ->
    [one] Eine Antwort muss
   *[other] { $count } Antworten müssen
} vor dem Senden noch korrigiert werden.
form-look-again = Einige Antworten brauchen noch einen Blick.
form-preview-valid = Alle Antworten sind gültig. Dies ist eine Vorschau: Es wurde nichts gesendet.
form-not-kept = Der Server ist nicht erreichbar, und die Anfrage konnte nicht auf diesem Gerät gespeichert werden ({ $error }). Ihre Antworten sind noch da: Versuchen Sie es gleich noch einmal.
form-draft-restored = Entwurf wiederhergestellt: Ihre früheren Antworten sind wieder da.
form-discard-draft = Entwurf verwerfen
form-sending = Wird gesendet …
form-check = Antworten prüfen
form-submit = Anfrage senden
upload-preparing = { $file } wird vorbereitet …
upload-sending = { $file } wird hochgeladen …
upload-attached = { $file } angehängt
upload-kept = Auf diesem Gerät gespeichert: { $file }
upload-not-kept = Die Datei konnte nicht auf diesem Gerät gespeichert werden ({ $error }). Versuchen Sie es, wenn Sie wieder online sind.

## Was an einer Antwort nicht stimmt (im Formular und nach einer Ablehnung durch den Server gleich)
form-changed = Dieses Formular hat sich geändert, seit Sie es geöffnet haben (unbekanntes Feld „{ $field }“). Laden Sie die Seite neu, um das aktuelle Formular zu erhalten.
field-required = Dieses Feld ist ein Pflichtfeld.
field-pick-one = Wählen Sie eine Option.
field-pick-some = Wählen Sie mindestens eine Option.
field-attach = Hängen Sie eine Datei an.
field-yes-no = Antworten Sie mit Ja oder Nein.
field-one-answer = Geben Sie nur eine Antwort.
field-too-long-at-all = Das ist zu lang: höchstens { $max } Zeichen.
field-too-long = Höchstens { $max } Zeichen (jetzt { $now }).
field-too-short = Schreiben Sie mindestens { $min } Zeichen (jetzt { $now }).
field-cannot-check = Dieses Feld kann nicht geprüft werden; bitte melden Sie das dem Service-Desk.
field-format = Das hat nicht das erwartete Format.
field-number = Geben Sie eine Zahl ein, z. B. 2 oder 3.5.
field-number-between = Geben Sie eine Zahl von { $min } bis { $max } ein.
field-number-min = Geben Sie { $min } oder mehr ein.
field-number-max = Geben Sie { $max } oder weniger ein.
field-date = Geben Sie ein Datum als JJJJ-MM-TT ein, z. B. 2026-12-01.
field-not-an-option = Wählen Sie eine der Optionen.
field-not-one-of = „{ $value }“ ist keine der Optionen.
field-pick-at-least = Wählen Sie mindestens { $min }.
field-pick-at-most = Wählen Sie höchstens { $max }.
field-email = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
field-store = Wählen Sie eine Filiale aus der Liste.
field-device = Wählen Sie ein Gerät aus der Liste.
field-device-elsewhere = Dieses Gerät steht nicht in Filiale { $store }.
field-upload-again = Laden Sie die Datei noch einmal hoch.

## Artikel neben einem Formular
suggest-label = Artikel, die helfen könnten
suggest-title = Diese Artikel lösen es vielleicht
suggest-glad = Schön, dass es gelöst ist: Keine Anfrage nötig.
suggest-discard-draft = Meinen Entwurf verwerfen
suggest-keep = Behalten
suggest-discarded = Entwurf verworfen.
suggest-back = Zurück zum Katalog
suggest-opening = Der Artikel wird geöffnet …
suggest-not-loaded = Der vollständige Artikel konnte nicht geladen werden ({ $error }).
suggest-solved = Das hat es gelöst
suggest-back-to-form = Zurück zu meinem Formular

## Meine Anfragen, und was auf diesem Gerät wartet
requests-title = Meine Anfragen
requests-saved-offline = Auf diesem Gerät gespeichert – wird gesendet, sobald Sie wieder online sind
requests-loading = Ihre Anfragen werden geladen …
requests-offline = Sie sind offline. Bereits gesendete Anfragen erscheinen hier wieder, sobald Sie online sind.
requests-none = Noch keine Anfragen
requests-none-intro = Wenn Sie etwas bestellen oder eine Störung melden, sehen Sie es hier mit seinem Fortschritt.
requests-browse = Katalog ansehen
requests-updated = Aktualisiert { $when }
requests-pages = Seiten
requests-newer = ← Neuere
requests-older = Ältere →
requests-page-of = Seite { $page } von { $pages }
outbox-title = Auf diesem Gerät
outbox-intro = Diese werden von selbst gesendet, sobald die Verbindung wieder da ist.
outbox-send-now = Jetzt senden
outbox-waiting = Wartet auf das Senden
outbox-retrying = Wartet auf das Senden ({ $count }-mal versucht; gleich wieder)
outbox-sending = Wird gesendet …
outbox-sent-as = Gesendet als
outbox-rejected = Nicht angenommen: { $reason }
outbox-saved = Gespeichert { $when }
outbox-answers = Ihre Antworten (als Entwurf behalten)
outbox-fix = Korrigieren und erneut senden
outbox-discard = Verwerfen
outbox-discard-confirm = Diese Anfrage verwerfen? Ihre Antworten werden von diesem Gerät gelöscht und lassen sich nicht wiederherstellen.

## Fehler auf jeder Seite, mit einem Weg weiter
error-not-signed-in = Bitte melden Sie sich an, um fortzufahren.
error-internal = Bei uns ist etwas schiefgegangen. Wenn es wieder passiert, nennen Sie dem Service-Desk die Referenz { $reference }.
error-transport = Der Server ist nicht erreichbar ({ $reason }). Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.
error-sign-in-link = Anmelden
error-back-to-catalog = Zurück zum Katalog
error-try-again = Noch einmal versuchen

## Was der Server ablehnt, und warum
error-sign-in-failed = Diese E-Mail-Adresse und dieses Passwort passen zu keinem Konto.
error-sign-in-empty = Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.
error-sign-in-wait = Zu viele fehlgeschlagene Anmeldungen. Warten Sie { $seconds ->
    [one] 1 Sekunde
   *[other] { $seconds } Sekunden
} und versuchen Sie es dann noch einmal.
error-sign-in-wait-minutes = Zu viele fehlgeschlagene Anmeldungen. Warten Sie { $minutes } Minuten und versuchen Sie es dann noch einmal.
error-sign-in-busy = Gerade melden sich viele Menschen an. Versuchen Sie es in ein paar Sekunden noch einmal.
error-password-admins-only = Die Anmeldung mit Passwort ist nur für Administratoren. Nutzen Sie die Anmeldung Ihrer Organisation.
error-provider-unavailable = Der Identitätsanbieter ist gerade nicht erreichbar. Versuchen Sie es in ein paar Minuten noch einmal; wenn es wieder passiert, sagen Sie dem Service-Desk Bescheid.
error-provider-refused = Die Antwort des Identitätsanbieters ließ sich nicht prüfen, daher sind Sie nicht angemeldet. Versuchen Sie es noch einmal; wenn es wieder passiert, sagen Sie dem Service-Desk Bescheid.
error-provider-cancelled = Die Anmeldung beim Identitätsanbieter wurde abgebrochen oder abgelehnt. Versuchen Sie es noch einmal.
error-sign-in-expired = Diese Anmeldung hat zu lange gedauert oder wurde schon verwendet. Beginnen Sie von vorn.
error-no-email = Ihr Identitätsanbieter hat uns Ihre E-Mail-Adresse nicht mitgeteilt. Bitten Sie Ihre Administration, den Claim „email“ für Deskfront freizugeben.
error-deactivated = Ihr Konto hier ist deaktiviert. Wenn Sie meinen, dass es das nicht sein sollte, fragen Sie den Service-Desk.
error-no-page = Diese Seite gibt es nicht.
error-desk-only = Diese Seite ist für den Service-Desk und seine Leitung.
error-editors-only = Das können nur Wissensredakteure. Fragen Sie den Service-Desk, wenn Sie einer sein sollten.
error-article-editors-only = Nur Wissensredakteure können Artikel ändern. Fragen Sie den Service-Desk, wenn Sie einer sein sollten.
error-offline-not-kept = Sie sind offline, und diese Seite ist auf diesem Gerät nicht gespeichert ({ $reason }). Sie öffnet sich, sobald Sie wieder online sind.
error-form-unreadable = Das Formular ließ sich nicht lesen ({ $reason }). Laden Sie die Seite neu und versuchen Sie es noch einmal.
error-no-such-language = Diese Sprache gibt es im Portal nicht. Wählen Sie eine aus der Liste.
error-no-store = Es gibt keine Filiale { $token }.
error-no-store-yet = Es gibt keine Filiale { $token }: Importieren Sie zuerst die Filialen.
error-no-person = Es gibt keine aktive Person mit der Adresse { $token }.
error-not-a-role = „{ $token }“ ist keine Rolle (requester, store_staff, approver, agent, manager, editor, admin).
error-stale = Jemand hat dies ({ $token }) geändert, nachdem Sie die Seite geöffnet haben. Laden Sie neu, um die Änderung zu sehen, und nehmen Sie Ihre dann noch einmal vor.
error-synonyms-too-few = Eine Gruppe braucht mindestens zwei verschiedene Wörter oder Wendungen.
error-synonyms-too-many = Eine Gruppe fasst höchstens 20 Wendungen; teilen Sie sie in Gruppen mit je einer Bedeutung.
synonym-too-long = „{ $phrase }“ ist länger als { $max } Zeichen.
synonym-too-many-words = „{ $phrase }“ hat mehr als { $max } Wörter: Nennen Sie die Sache, beschreiben Sie sie nicht.
synonym-small-words = „{ $phrase }“ besteht nur aus kleinen Wörtern (wie „der“ oder „zu“), die die Suche übergeht.

## Die Übersetzungen eines Katalogeintrags, wie der Katalog-Editor sie prüft
catalog-translation-language = Das Portal hat keine Sprache „{ $locale }“, in die übersetzt werden kann, oder es ist die eigene Sprache des Katalogs.
catalog-translation-no-field = Das Formular hat kein Feld „{ $field }“ mehr: Leeren Sie seine Übersetzung.
catalog-translation-no-option = Das Feld hat keine Option „{ $option }“ mehr: Leeren Sie ihre Übersetzung.
catalog-translation-too-long = Höchstens { $max } Zeichen.
error-no-catalog-item = Diesen Katalogeintrag gibt es nicht, oder er wird nicht mehr angeboten.
error-no-such-item = Diesen Katalogeintrag gibt es nicht.
error-item-retired = „{ $item }“ wird nicht mehr angeboten. Suchen Sie im Katalog nach dem Nachfolger oder fragen Sie den Service-Desk.
error-no-submission-key = Dem Formular fehlt sein Übermittlungsschlüssel. Laden Sie die Seite neu und senden Sie es noch einmal.
error-form-updated = Dieses Formular wurde geändert, seit Sie es geöffnet haben. Laden Sie die Seite neu; Ihre Antworten bleiben als Entwurf erhalten.
error-no-line-manager = Dieser Eintrag braucht die Genehmigung Ihrer Führungskraft, aber für Sie ist keine hinterlegt. Bitten Sie den Service-Desk, sie einzutragen.
error-no-request = Es gibt keine Anfrage { $number }, die Sie sehen können.
error-comment-empty = Schreiben Sie zuerst einen Kommentar.
error-comment-too-long = Kommentare haben höchstens { $max } Zeichen.
error-comment-after-decision = Ihr Teil an dieser Anfrage endete mit Ihrer Entscheidung; ab hier kümmern sich die anfragende Person und der Service-Desk.
error-comments-closed = Diese Anfrage ist abgeschlossen; Kommentare sind geschlossen. Stellen Sie eine neue Anfrage, wenn Sie weitere Hilfe brauchen.
error-cancel-reason-long = Fassen Sie den Grund kürzer.
error-cancel-not-yours = Nur wer eine Anfrage gestellt hat, kann sie stornieren.
error-cancel-too-late = Diese Anfrage ist bereits „{ $state }“ und kann nicht mehr storniert werden.
error-request-changed = Diese Anfrage hat sich geändert, während Sie sie angesehen haben. Laden Sie neu, um ihren Stand zu sehen.
error-no-ticket = Es gibt kein Ticket { $number }, das Sie sehen können.
error-text-too-long = Fassen Sie sich auf höchstens { $max } Zeichen.
error-ticket-changed = { $number } hat sich geändert, während Sie es angesehen haben. Laden Sie neu, um die Änderung zu sehen, und versuchen Sie es dann noch einmal.
error-requester-only-answer = Nur wer das Ticket gestellt hat, kann hier antworten.
error-requester-only-reopen = Nur wer das Ticket gestellt hat, kann es wieder öffnen.
error-reopen-what = Sagen Sie, was noch nicht stimmt.
error-reopen-not-resolved = { $number } ist „{ $state }“: Nur ein gelöstes Ticket kann wieder geöffnet werden.
error-reopen-too-late = { $number } wurde vor mehr als { $days } Tagen gelöst und kann nicht mehr geöffnet werden. Stellen Sie ein neues Ticket und verweisen Sie darauf.
error-ticket-finished = { $number } ist „{ $state }“ und nimmt keine Kommentare mehr an. Stellen Sie ein neues Ticket, wenn Sie weitere Hilfe brauchen.
error-decision-choose = Wählen Sie Genehmigen oder Ablehnen.
error-reject-why = Sagen Sie, warum Sie ablehnen, damit die anfragende Person weiß, was zu tun ist.
error-decision-comment-long = Der Kommentar hat höchstens { $max } Zeichen.
error-not-the-approver = Nur die Führungskraft der anfragenden Person kann über diese Genehmigung entscheiden.
error-not-waiting = { $number } wartet nicht mehr auf eine Genehmigung.
error-just-decided = Über { $number } wurde gerade eben entschieden.
error-no-article = Diesen Artikel gibt es nicht, oder er wurde zurückgezogen. Versuchen Sie die Suche.
error-search-too-long = Kürzen Sie die Suche auf { $max } Zeichen oder weniger.
error-choose-yes-no = Wählen Sie Ja oder Nein.
error-vote-comment-long = Der Kommentar hat weniger als { $max } Zeichen.
error-vote-unpublished = Dieser Artikel ist nicht mehr veröffentlicht und kann daher nicht bewertet werden.
error-funnel-key = Der Schlüssel des Formulars fehlt oder ist zu lang. Laden Sie die Seite neu.
error-no-article-named = Ein trotzdem gesendetes Formular nennt keinen Artikel.
error-name-article = Nennen Sie den Artikel.
error-no-such-article = Diesen Artikel gibt es nicht.
error-article-language-taken = Gerade eben hat jemand eine andere Fassung dieses Artikels in dieser Sprache gespeichert. Laden Sie neu, um sie zu sehen, und bearbeiten Sie dann diese.
error-file-empty = Die Datei ist leer.
error-file-over-limit = Die Datei hat { $size } MB; erlaubt sind { $max } MB.
error-file-too-large = Die Datei ist zu groß.
error-file-kind = Hängen Sie ein Foto (JPEG, PNG, WebP, HEIC, GIF), ein PDF oder eine Textdatei an.
error-file-misnamed = Der Name dieser Datei endet auf .{ $ending }, sie enthält aber { $kind ->
    [pdf] ein PDF
    [text] Text
   *[other] ein Bild anderer Art
}. Benennen Sie sie um oder hängen Sie die richtige Datei an.
error-file-choose = Wählen Sie eine Datei zum Anhängen.
error-file-gone = Diese Datei ist nicht mehr verfügbar. Hängen Sie sie noch einmal an.
error-file-kept-gone = Die auf diesem Gerät gespeicherte Datei ist weg; hängen Sie sie noch einmal an.
error-uploads-per-hour = Sie haben in der letzten Stunde { $files } Dateien angehängt; warten Sie eine Weile, bevor Sie weitere anhängen.
error-uploads-per-day = Sie haben heute { $mb } MB an Dateien angehängt; hängen Sie morgen weitere an oder fragen Sie den Service-Desk.
error-no-attachment = Diesen Anhang gibt es nicht.

## Was eine Seite nach einem abgelehnten einfachen Formularversand sagt, nach Art der Ablehnung
notice-not-signed-in = Bitte melden Sie sich an, um fortzufahren.
notice-forbidden = Das dürfen Sie nicht. Wenn Sie meinen, Sie sollten es dürfen, fragen Sie den Service-Desk.
notice-not-found = Das gibt es nicht, oder nicht mehr.
notice-invalid = Etwas, das Sie eingegeben haben, wurde nicht angenommen. Prüfen Sie das Formular und senden Sie es noch einmal.
notice-conflict = Das hat sich geändert, seit Sie die Seite geöffnet haben. Laden Sie neu, um die Änderung zu sehen, und versuchen Sie es dann noch einmal.
notice-too-many = Zu viele Versuche. Warten Sie ein paar Minuten und versuchen Sie es dann noch einmal.
notice-internal = Bei uns ist etwas schiefgegangen. Versuchen Sie es gleich noch einmal; wenn es wieder passiert, sagen Sie dem Service-Desk Bescheid.
notice-transport = Das Formular ließ sich nicht lesen. Laden Sie die Seite neu und versuchen Sie es noch einmal.

## Ein Wissensartikel
article-loading = Artikel wird geladen …
article-not-available = Nicht verfügbar
article-breadcrumb = Brotkrümelnavigation
article-knowledge = Wissen
article-tags = Schlagwörter
article-not-in-your-language = Diesen Artikel gibt es noch nicht in Ihrer Sprache. Hier ist er auf { $language }.
article-other-languages = Auch auf
article-read = Aktualisiert { $when } · Version { $revision } · { $views ->
    [one] einmal gelesen
   *[other] { $views }-mal gelesen
}
article-still-not-solved = Immer noch nicht gelöst?
article-did-this-help = Hat das geholfen?
article-yes = Ja
article-no = Nein
article-what-was-missing = Was hat gefehlt oder war falsch? (optional)
article-send-feedback = Rückmeldung senden
article-thanks = Danke: Das Redaktionsteam liest jede Antwort.

## E-Mails (app/src/domain/mail.rs) in der Sprache des Empfängers: Betreff, erste Zeile, Link
mail-approval-needed-subject = { $who } bittet um { $title } – genehmigen oder ablehnen
mail-approval-needed-lead = { $who } bittet um { $title } und braucht Ihre Genehmigung.
mail-approval-needed-action = Genehmigen oder ablehnen
mail-approval-reminder-subject = Wartet noch auf Ihre Entscheidung: { $title }
mail-approval-reminder-lead = { $who } hat { $title } angefragt; das wartet noch auf Ihre Entscheidung.
mail-approved-subject = Ihre Anfrage „{ $title }“ wurde genehmigt
mail-approved-lead = Ihre Anfrage „{ $title }“ wurde genehmigt und ist auf dem Weg zum Service-Desk.
mail-rejected-subject = Ihre Anfrage „{ $title }“ wurde abgelehnt
mail-rejected-lead = Ihre Anfrage „{ $title }“ wurde abgelehnt.
mail-see-request = Ihre Anfrage ansehen
mail-reply-subject = Antwort vom Service-Desk: { $title }
mail-reply-lead = Der Service-Desk hat zu „{ $title }“ geantwortet.
mail-reply-action = Lesen und antworten
mail-question-subject = Eine Frage zu „{ $title }“
mail-question-lead = Der Service-Desk braucht eine Antwort von Ihnen zu „{ $title }“, bevor es weitergehen kann.
mail-question-action = Frage beantworten
mail-resolved-subject = Gelöst: { $title }
mail-resolved-lead = „{ $title }“ ist gelöst. Sagen Sie uns, wie wir waren – es dauert nur ein paar Sekunden.
mail-resolved-action = Service bewerten
mail-assigned-subject = Ihnen zugewiesen: { $title }
mail-assigned-lead = „{ $title }“, gemeldet von { $who }, liegt jetzt bei Ihnen.
mail-open-ticket = Ticket öffnen
mail-sla-warning-subject = Kurz vor dem Ziel: { $title }
mail-sla-warning-lead = „{ $title }“ ist kurz vor seinem Service-Level-Ziel.
mail-sla-breach-subject = Ziel verfehlt: { $title }
mail-sla-breach-lead = „{ $title }“ hat sein Service-Level-Ziel verfehlt.
mail-comment-subject = { $who } hat „{ $title }“ kommentiert
mail-comment-lead = { $who } hat einen Kommentar zu „{ $title }“ geschrieben.
mail-comment-action = Kommentar lesen
mail-digest-subject = { $count ->
    [one] Eine Anfrage wartet auf Ihre Genehmigung
   *[other] { $count } Anfragen warten auf Ihre Genehmigung
}
mail-digest-intro = { $count ->
    [one] Eine Anfrage wartet auf Ihre Genehmigung:
   *[other] { $count } Anfragen warten auf Ihre Genehmigung:
}
mail-digest-line = { $number } – { $who } bittet um { $title }
mail-footer = Diese E-Mail kommt von Deskfront, Ihrem IT-Serviceportal. Welche E-Mails Sie bekommen, wählen Sie in den Einstellungen.

## Die Seite einer Anfrage (für die meldende Person und den Service-Desk)
request-loading = Anfrage wird geladen …
request-not-available = Anfrage nicht verfügbar
request-breadcrumb = Brotkrümelnavigation
request-submitted-before = Danke – Ihre Anfrage ist eingegangen. Geben Sie
request-submitted-after = an, wenn Sie sich an den Service-Desk wenden.
request-raised-by = Gemeldet von
request-raised = Gemeldet am
request-for = Für
request-approver = Genehmigt durch
request-awaiting-you = Der Service-Desk hat Ihnen eine Frage gestellt (siehe Verlauf). Antworten Sie unten; die Uhr Ihres Tickets wartet so lange.
request-you-rated = Ihre Bewertung:
request-answers-requester = Antworten der meldenden Person
request-answers-yours = Ihre Antworten
request-attachment = Anhang Nr. { $id }
request-timeline = Verlauf
request-your-answer = Ihre Antwort
request-add-comment = Kommentar hinzufügen
request-send-answer = Antwort senden
request-send-comment = Kommentar senden
request-cancel-summary = Diese Anfrage zurückziehen
request-cancel-why = Warum? (optional)
request-cancel = Anfrage zurückziehen
request-desk-only = nur für den Service-Desk
request-event = { $kind ->
    [submitted] Eingereicht
    [approval_requested] Wartet auf Genehmigung
    [approval_approved] Genehmigt
    [approval_rejected] Abgelehnt
    [approval_step] Genehmigungsschritt entschieden
    [comment] Kommentar
    [cancelled] Zurückgezogen
    [closed] Geschlossen
    [state_changed] Status geändert
    [assigned] Zugewiesen
    [question] Frage an Sie
    [reply] Antwort
    [note] Interne Notiz
    [resolved] Gelöst
    [reopened] Wieder geöffnet
    [rated] Bewertet
    [sla_warning] SLA-Warnung
    [sla_breach] SLA verletzt
    [problem_linked] Mit einem Problem verknüpft
    [problem_updated] Problem aktualisiert
   *[other] { $kind }
}
request-approval-step = { $step }: { $verdict ->
    [approve] genehmigt
   *[reject] abgelehnt
}
request-change = { $field ->
    [state] Status
    [assignee] Zuständig
    [resolution_code] Lösungscode
    [priority] Priorität
   *[other] { $field }
}: { $before } → { $after }
request-change-nothing = nichts
ticket-state = { $state ->
    [new] Neu
    [awaiting_approval] Wartet auf Genehmigung
    [in_progress] In Bearbeitung
    [awaiting_user] Wartet auf Sie
    [resolved] Gelöst
    [closed] Geschlossen
    [rejected] Abgelehnt
    [cancelled] Zurückgezogen
   *[other] { $state }
}

## Persönliche Einstellungen: Sprache und E-Mail
settings-title = Einstellungen
settings-saved-language = Gespeichert. Die Seiten erscheinen in der gewählten Sprache.
settings-saved-mail = Gespeichert. E-Mails folgen ab jetzt Ihrer Auswahl.
settings-loading = Einstellungen werden geladen …
settings-as-browser = Wie mein Browser es vorgibt
settings-language = Sprache
settings-show-in = Portal anzeigen auf
settings-language-help = Wird mit Ihrem Konto gespeichert und gilt daher auf jedem Gerät, auf dem Sie sich anmelden, und für Ihre E-Mails.
settings-save-language = Sprache speichern
settings-mail = E-Mail
settings-mail-to-before = E-Mails gehen an
settings-mail-to-after = . Wählen Sie, welche Sie bekommen.
settings-mail-off = Dieses Portal versendet noch keine E-Mails: Die Administration hat noch keinen Mailserver eingerichtet. Ihre Auswahl gilt, sobald das geschehen ist.
settings-mail-when = Schicken Sie mir eine E-Mail, wenn …
settings-mail-kind = { $kind ->
    [approval_needed] eine Anfrage auf meine Genehmigung wartet
    [approval_reminder] eine Anfrage noch immer auf meine Genehmigung wartet
    [approved] meine Anfrage genehmigt wurde
    [rejected] meine Anfrage abgelehnt wurde
    [reply] der Service-Desk mir geantwortet hat
    [question] der Service-Desk mir eine Frage stellt
    [resolved] mein Ticket gelöst wurde
    [assigned] mir ein Ticket zugewiesen wurde
    [sla_warning] ein Ticket, an dem ich arbeite, kurz vor seinem Ziel steht
    [sla_breach] ein Ticket, an dem ich arbeite, sein Ziel verfehlt hat
    [requester_comment] eine meldende Person mein Ticket kommentiert hat
   *[other] { $kind }
}
settings-always-on = immer an
settings-save = Speichern

## Anmelden
login-title = Anmelden
login-heading = Bei Deskfront anmelden
login-password-set = Ihr Passwort ist gesetzt. Melden Sie sich damit an.
login-signed-out = Sie sind von Deskfront abgemeldet.
login-also-sign-out = Auch von { $provider } abmelden
login-admin = Anmeldung für die Administration
login-with-provider = Mit { $provider } anmelden
login-provider-unavailable = Die Anmeldung mit { $provider } ist gerade nicht möglich: Der Identitätsanbieter antwortet nicht. Versuchen Sie es in ein paar Minuten noch einmal.
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-demo-accounts = Demo-Konten
login-demo-password = Alle Demo-Konten verwenden das Demo-Passwort aus der README.

## Genehmigungen (was auf eine Führungskraft wartet)
approvals-decided = Entscheidung gespeichert. Die meldende Person sieht sie jetzt.
approvals-loading = Genehmigungen werden geladen …
approvals-none = Nichts wartet auf Sie
approvals-none-intro = Anfragen aus Ihrem Team und Changes, die Ihre Entscheidung brauchen, erscheinen hier.
approvals-comment = Kommentar (zum Ablehnen nötig)
approvals-approve = Genehmigen
approvals-reject = Ablehnen
approvals-requests = Anfragen, die auf Ihre Genehmigung warten
approvals-changes = Changes, die auf Ihre Entscheidung warten
approvals-your-step = Ihr Schritt: { $step }
approvals-standing-in = Sie entscheiden an Stelle von { $name }, die oder der abwesend ist.
approval-in-place-of = In Vertretung von { $name }
delegation-title = Abwesend?
delegation-intro = Nennen Sie eine Person, die Ihre Genehmigungen entscheidet, während Sie abwesend sind. Sie sieht sie auf ihrer Genehmigungsseite, und jede Entscheidung zeigt, dass sie an Ihrer Stelle getroffen wurde.
delegation-to = E-Mail-Adresse der Person, die für Sie entscheidet
delegation-first-day = Erster Tag der Abwesenheit
delegation-last-day = Letzter Tag der Abwesenheit
delegation-save = Entscheiden lassen
delegation-current = { $name } entscheidet für Sie von { $from } bis { $until }.
delegation-end = Jetzt beenden
delegation-saved = Gespeichert. Die genannte Person entscheidet Ihre Genehmigungen, solange Sie abwesend sind.
error-delegate-unknown = Im Portal gibt es niemanden mit dieser E-Mail-Adresse. Prüfen Sie die Adresse.
error-delegate-day = Geben Sie beide Tage als Datum an.
error-delegate-past = Der letzte Tag ist schon vorbei. Wählen Sie Tage ab heute.
error-delegate-long = Eine Vertretung umfasst höchstens { $days } Tage.
error-delegate-none = Sie haben keine laufende Vertretung durch diese Person.
approval-chain-title = Genehmigung: { $chain }
approval-run-status = { $status ->
    [waiting] Wartet auf Entscheidungen
    [approved] Genehmigt
    [rejected] Abgelehnt
   *[withdrawn] Zurückgezogen: es wartet nicht mehr auf Genehmigung
}
approval-step-state = { $state ->
    [approved] Genehmigt
    [rejected] Abgelehnt
    [waiting] Entscheidet jetzt
    [later] Noch nicht erreicht
   *[skipped] Übersprungen: die Bedingung traf nicht zu
}
approval-step-quorum = { $needed } von { $members } müssen genehmigen
approval-step-any = Eine Person von ihnen entscheidet
approval-verdict = { $verdict ->
    [approve] Genehmigt
   *[reject] Abgelehnt
}
approval-undecided = Noch nicht entschieden
approval-delegate = durch { $name } in Vertretung
change-approval-approved = Genehmigt im Schritt „{ $step }“.
change-approval-rejected = Abgelehnt im Schritt „{ $step }“.
error-item-chain-unknown = Diese Genehmigungskette gibt es nicht mehr. Wählen Sie eine andere oder die vorgesetzte Person.
error-item-chain-unused = Eine Genehmigungskette gilt nur, wenn eine Genehmigung nötig ist. Setzen Sie das Häkchen oder wählen Sie die vorgesetzte Person.
error-item-chain-gone = Die Genehmigungskette dieses Eintrags gibt es nicht mehr, daher könnte niemand die Anfrage genehmigen. Melden Sie es dem Service-Desk; Ihre Antworten bleiben erhalten.
error-change-no-chain = Noch keine Genehmigungskette genehmigt { $kind }-Changes mit Risiko { $level }. Ein Admin legt sie in der Change-Richtlinie fest.

## Antworten, wie sie wieder gelesen werden (Seite einer Anfrage, Genehmigung)
answer-yes = Ja
answer-no = Nein
fmt-decimal-mark = ,

## Service-Angaben, Bewertung und Wiedereröffnen eines Tickets (für die meldende Person)
service-priority = Priorität
service-where = Wo
service-team = Team
service-assigned-to = Zuständig
service-nobody-yet = Noch niemand
service-first-response = Erste Antwort
service-resolution = Lösung
service-resolved-as = Gelöst als
rating-how-did-we-do = Wie waren wir?
rating-very-poor = Sehr schlecht
rating-poor = Schlecht
rating-ok = In Ordnung
rating-good = Gut
rating-excellent = Ausgezeichnet
rating-anything-to-add = Möchten Sie etwas ergänzen? (optional)
rating-send = Bewertung senden
reopen-still-not-fixed = Immer noch nicht behoben?
reopen-what-is-wrong = Was ist noch falsch?
reopen-submit = Wieder öffnen

## Benachrichtigungen
notifications-loading = Benachrichtigungen werden geladen …
notifications-none = Nichts Neues. Wenn der Service-Desk Ihnen antwortet, Ihnen eine Frage stellt oder eines Ihrer Tickets löst, erscheint es hier.
notifications-mark-read = Alle als gelesen markieren
notifications-new = neu
notify-replied = Der Service-Desk hat geantwortet.
notify-question = Der Service-Desk hat eine Rückfrage an Sie.
notify-resolved = Gelöst. Sagen Sie uns, wie wir waren.

## Service-Level-Uhren und Prioritäten
sla-met = eingehalten
sla-paused = angehalten
sla-overdue-now = seit weniger als 1 min überfällig
sla-overdue = seit { $time } überfällig
sla-due-now = jetzt fällig
sla-left = noch { $time }
sla-due = fällig { $when }
sla-paused-for-requester = solange wir auf die meldende Person warten
priority-label = { $priority ->
    [P1] P1 – kritisch
    [P2] P2 – hoch
    [P3] P3 – mittel
   *[P4] P4 – niedrig
}

## Signing out while requests wait on this device
signout-unsent = { $count ->
    [one] 1 Anfrage ist noch nicht gesendet. Sie bleibt auf diesem Gerät und wird gesendet, wenn Sie sich hier wieder anmelden.
   *[other] { $count } Anfragen sind noch nicht gesendet. Sie bleiben auf diesem Gerät und werden gesendet, wenn Sie sich hier wieder anmelden.
}
signout-anyway = Trotzdem abmelden
signout-stay = Angemeldet bleiben
## The desk's queue
queue-title = Warteschlange
queue-loading = Die Warteschlange wird geladen …
queue-group = Gruppe
queue-all-mine = Alle meine
queue-state = Status
queue-any-open = Alle offenen
queue-priority = Priorität
queue-any = Alle
queue-store = Filiale
queue-store-example = z. B. S012
queue-category = Kategorie
queue-category-example = z. B. tills
queue-assignee = Bearbeiter
queue-anyone = Alle
queue-me = Ich
queue-nobody-yet = Noch niemand
queue-filter = Filtern
queue-show-all = Die ganze Warteschlange zeigen
queue-nothing-matches = Nichts passt zu diesen Filtern.
queue-empty = Die Warteschlange ist leer: Für Ihre Gruppen wartet nichts.
queue-total-capped = Mehr als { $cap } Tickets: Grenzen Sie die Filter ein, um alle zu sehen
queue-total = { $count ->
    [one] Ein Ticket
   *[other] { $count } Tickets
}
queue-caption = Tickets, was zuerst überfällig wird, oben
queue-ticket = Ticket
queue-time-to-breach = Zeit bis zur Überschreitung
queue-details = Details
queue-unassigned = Nicht zugewiesen
queue-raised = Gemeldet { $when } von { $requester }
queue-clock-paused = Uhr angehalten
queue-breached-ago = seit { $time } überschritten
queue-breaches-in = überschritten in { $time }
duration-days-hours = { $days } T { $hours } h
## Working a ticket at the desk
desk-work-title = Dieses Ticket bearbeiten
desk-take = Mir zuweisen
desk-assign-to = Zuweisen an
desk-back-to-queue = Niemand (zurück in die Warteschlange)
desk-assign = Zuweisen
desk-message = Nachricht
desk-message-help = Eine Antwort und eine Rückfrage gehen an die anfragende Person; eine Rückfrage hält außerdem das SLA an, bis sie antwortet. Eine interne Notiz ist nur für den Service-Desk.
desk-reply = Antwort senden
desk-ask = Rückfrage stellen
desk-note = Interne Notiz hinzufügen
desk-resolve = Lösen
desk-resolution-code = Lösungscode
desk-pick-one = Bitte wählen
desk-what-was-done = Was getan wurde (die anfragende Person sieht das)
desk-resolve-ticket = Ticket lösen
## Recurring faults beside an incident, and problem records
related-loading = Verwandte Störungen werden gesucht …
related-none = Keine verwandten Störungen { $days } Tage davor oder danach
related-recurring = Wiederkehrender Fehler: { $count ->
    [one] eine verwandte Störung
   *[other] { $count } verwandte Störungen
} innerhalb von { $days } Tagen
related-within = Verwandte Störungen innerhalb von { $days } Tagen
related-same-device = gleiches Gerät
related-same-store = gleiche Filiale und Kategorie
related-add-to = Diese Störung zu { $problem } hinzufügen
related-open-problem = Einen Problem-Datensatz anlegen
related-problem-title = Titel des Problems
related-group-these = Diese Störungen damit zusammenfassen
related-open = Problem anlegen
problem-loading = Wird geladen …
problem-title = Problem
problem-breadcrumb = Brotkrümelnavigation
problem-opened = Angelegt von { $person } · { $created } · aktualisiert { $updated }
problem-incidents = Störungen
problem-analysis = Analyse
problem-cause = Ursache
problem-cause-help = Was diese Störungen verursacht. Nötig für einen bekannten Fehler.
problem-workaround = Workaround
problem-workaround-help = Was Filialen in der Zwischenzeit tun können; der Service-Desk kann es weitergeben.
problem-fix = Lösung
problem-fix-help = Die dauerhafte Lösung. Nötig, um das Problem zu lösen.
problem-state = Status
problem-for-managers = Einige Störungen dieses Problems gehören zu anderen Gruppen, daher ändert die IT-Service-Leitung seinen Status.
problem-save = Speichern
problem-state-label = { $state ->
    [known_error] Bekannter Fehler
    [resolved] Gelöst
   *[open] Offen
}

## A long list's pages
pages-page = Seite { $page }
pages-previous = ← Zurück
pages-next = Weiter →

## What the desk is refused, and why
error-pick-from-list = Wählen Sie jemanden aus der Liste.
error-not-a-ticket-action = Das lässt sich mit einem Ticket nicht tun.
error-pick-stars = Wählen Sie 1 bis 5 Sterne.
error-rating-comment-long = Kürzen Sie den Kommentar auf { $max } Zeichen.
error-rate-not-yours = Nur die Person, die das Ticket gemeldet hat, kann es bewerten.
error-rate-not-resolved = Sie können ein Ticket bewerten, sobald es gelöst ist.
error-rated-already = Sie haben dieses Ticket schon bewertet. Danke!
error-queue-desk-only = Die Warteschlange ist für den Service-Desk. Ihre eigenen Tickets finden Sie unter „Meine Anfragen“.
error-not-your-group = Sie arbeiten nicht in dieser Gruppe; wählen Sie eine Ihrer Gruppen.
error-pick-state = Wählen Sie einen Status aus der Liste.
error-pick-priority = Wählen Sie P1 bis P4.
error-pick-assignee-filter = Wählen Sie „Ich“, „Noch niemand“ oder „Alle“.
error-desk-team-only = Das kann nur das Service-Desk-Team, das dieses Ticket bearbeitet.
error-nothing-to-assign = { $number } ist „{ $state }“; es gibt nichts mehr zuzuweisen.
error-assign-after-approval = Diese Anfrage wartet noch auf Genehmigung; weisen Sie sie zu, sobald sie genehmigt ist.
error-pick-member = Wählen Sie jemanden aus { $group }: Nur deren Mitglieder bearbeiten diese Tickets.
error-write-reply = Schreiben Sie zuerst die Antwort.
error-write-question = Schreiben Sie zuerst die Rückfrage.
error-write-note = Schreiben Sie zuerst die Notiz.
error-pick-resolution = Wählen Sie, wie es gelöst wurde.
error-say-what-was-done = Schreiben Sie für die anfragende Person, was getan wurde.
error-cannot-now = { $number } ist „{ $state }“: Es kann jetzt nicht { $what ->
    [hold] angehalten
    [resolve] gelöst
    [close] geschlossen
   *[other] geändert
} werden.
error-problems-desk-only = Probleme sind für den Service-Desk und seine Leitung.
error-related-desk-only = Verwandte Störungen sind für das Service-Desk-Team, das dieses Ticket bearbeitet.
error-group-at-most = Fassen Sie höchstens { $max } Störungen auf einmal zusammen; verknüpfen Sie weitere danach.
error-linked-meanwhile = Eine dieser Störungen wurde inzwischen mit einem Problem verknüpft. Laden Sie neu und versuchen Sie es noch einmal.
error-no-problem = Es gibt kein Problem { $number }, das Sie sehen können.
error-problem-state-managers = Einige Störungen dieses Problems gehören zu anderen Gruppen als Ihren, daher ändert die IT-Service-Leitung seinen Status. Ursache, Workaround und Lösung können Sie trotzdem festhalten.
error-problem-changed = { $number } wurde geändert, während Sie es bearbeitet haben. Kopieren Sie Ihren Text, laden Sie neu, um die Änderung zu sehen, und übernehmen Sie Ihre dann erneut.
error-not-your-incident = { $number } ist keine Störung in Ihren Gruppen.
error-request-not-incident = { $number } ist eine Serviceanfrage; nur Störungen gehören zu Problemen.
error-already-in-problem = { $number } gehört schon zu { $problem }.
error-problem-title = Geben Sie dem Problem einen Titel, z. B. „Kartenleser verlieren in S012 die Verbindung“.
error-problem-title-long = Kürzen Sie den Titel auf { $max } Zeichen.
error-problem-state = Wählen Sie „Offen“, „Bekannter Fehler“ oder „Gelöst“.
error-known-error-cause = Ein bekannter Fehler braucht seine Ursache: Sagen Sie, was hinter diesen Störungen steckt.
error-resolved-fix = Sagen Sie, was es behoben hat, bevor Sie das Problem als gelöst markieren.

## The service manager's dashboard, the tickets behind a figure, and the daily report
dashboard-title = Dashboard
dashboard-daily-link = Tagesbericht
dashboard-counting = Wird gezählt …
dashboard-last-days = Letzte { $days } Tage
dashboard-last-year = Letzte 12 Monate
dashboard-today = Heute
dashboard-from = Von
dashboard-to = Bis
dashboard-region = Region
dashboard-all-stores = Alle Filialen
dashboard-all-regions = Alle Regionen
dashboard-all-categories = Alle Kategorien
dashboard-all-groups = Alle Gruppen
dashboard-show = Anzeigen
dashboard-periods = Zeiträume
dashboard-no-groups = Sie arbeiten noch in keiner Zuweisungsgruppe, daher gibt es nichts zu zählen.
dashboard-your-groups = Zahlen für Ihre Gruppen: { $groups }.
dashboard-counted = UTC-Tage · gezählt { $when }
dashboard-csv-figures = Diese Zahlen herunterladen (CSV)
dashboard-csv-trend = Verlauf als CSV
dashboard-trend = Verlauf
dashboard-backlog-by-age = Rückstand nach Alter
dashboard-satisfaction = Zufriedenheit
dashboard-recurring = Wiederkehrende Fehler
dashboard-by-store = Nach Filiale
dashboard-by-device = Nach Gerät
dashboard-self-service = Self-Service
dashboard-self-service-note = Vermeidung und Suchen folgen nur dem Zeitraum: Sie gehören zu keiner Filiale und keiner Gruppe.
dashboard-funnel = Der Trichter
dashboard-for-managers = Welche Artikel geholfen haben und wonach Leute vergeblich gesucht haben (in ihren eigenen Worten), ist für die IT-Service-Leitung.
dashboard-top-articles = Artikel, die am häufigsten helfen
dashboard-empty-searches = Suchen ohne Treffer
dashboard-article-opened = { $article } ({ $opened }-mal geöffnet)
dashboard-age = Alter
dashboard-open = Offen
dashboard-stars = Sterne
dashboard-ratings = Bewertungen
dashboard-incidents = Störungen
dashboard-device = Gerät
dashboard-step = Schritt
dashboard-count = Anzahl
dashboard-article = Artikel
dashboard-solved-it = Hat geholfen
dashboard-search = Suche
dashboard-times = Mal
funnel-searches = Wissenssuchen
funnel-searches-empty = … ohne Treffer
funnel-suggested = Formularbesuche mit vorgeschlagenen Artikeln
funnel-opened = … bei denen ein Artikel geöffnet wurde
funnel-solved = … bei denen einer geholfen hat
funnel-deflected = … und kein Ticket gesendet wurde (vermieden)
funnel-submitted = … und trotzdem ein Ticket gesendet wurde
dashboard-how-counted = Wie wird das gezählt?
dashboard-nothing = Nichts in diesem Zeitraum.
dashboard-definitions = Wie diese Zahlen gezählt werden
figure-opened = Eröffnet
figure-opened-detail = im Zeitraum gemeldet
figure-resolved = Gelöst
figure-resolved-detail = im Zeitraum gelöst
figure-backlog = Rückstand
figure-backlog-detail = jetzt offen
figure-overdue = Jetzt überfällig
figure-overdue-detail = offen und über der Frist
figure-response-sla = SLA Erstreaktion
figure-resolution-sla = SLA Lösung
figure-breached-of = { $breached } von { $total } überschritten
figure-response-median = Erstreaktion, Median
figure-mttr-median = Zeit bis zur Lösung (MTTR), Median
figure-within = 90 % innerhalb von { $time }
figure-reopen-rate = Wiedereröffnungsquote
figure-reopened-of = { $reopened } von { $total } gelösten
figure-satisfaction = Zufriedenheit
figure-out-of-five = { $average } / 5
figure-ratings = { $count ->
    [one] 1 Bewertung
   *[other] { $count } Bewertungen
}
figure-deflection = Vermeidung
figure-deflected-of = { $deflected } von { $total } Formularbesuchen mit Vorschlägen
figure-sent-anyway = Trotzdem gesendet
figure-sent-anyway-detail = Tickets nach Vorschlägen
figure-searches = Wissenssuchen
figure-found-nothing = { $count } ohne Treffer
figure-percent = { $number } %
definition-period-term = Zeitraum
definition-breach-term = Überschreitung
definition-time-to-respond-term = Zeit bis zur Erstreaktion
definition-time-to-resolve-term = Zeit bis zur Lösung (MTTR)
definition-period = Tage sind ganze UTC-Tage; der erste und der letzte Tag zählen beide mit.
definition-breach = Eine Uhr ist überschritten, wenn sie mehr Geschäftszeit verbraucht hat als ihr Ziel. Geschäftszeit sind die Arbeitszeiten des Kalenders, nach dem das Ticket geplant wurde, gezählt ab der Meldung, ohne die Zeit, in der es auf die anfragende Person wartete, und ohne die Zeit, in der es vor einer Wiedereröffnung gelöst stand; sie wird auf die Minute aufgerundet. Genau das Ziel zu verbrauchen ist pünktlich.
definition-first-response-sla = Erstreaktion: die erste Antwort, Rückfrage oder Lösung, die die anfragende Person sehen konnte. Die Einhaltung zählt die Tickets, die im Zeitraum zuerst beantwortet wurden: pünktlich, wenn die Reaktion höchstens ihr Ziel verbraucht hat (siehe Überschreitung).
definition-resolution-sla = Lösung: gezählt über die im Zeitraum gelösten Tickets, pünktlich, wenn die Lösung höchstens das Lösungsziel an Geschäftszeit verbraucht hat (siehe Überschreitung).
definition-time-to-resolve = Zeit bis zur Lösung (MTTR): Geschäftszeit von der Meldung eines Tickets bis zu seiner letzten Lösung, ohne die Zeit, in der es auf die anfragende Person wartete, über die im Zeitraum gelösten Tickets. Gezeigt als Median und 90. Perzentil (nächster Rang: der Wert, bei oder unter dem dieser Anteil der Tickets liegt).
definition-time-to-respond = Zeit bis zur Erstreaktion: Geschäftszeit von der Meldung eines Tickets bis zur ersten Antwort des Service-Desks, die die anfragende Person sehen konnte, über die im Zeitraum zuerst beantworteten Tickets; Median und 90. Perzentil (nächster Rang).
definition-reopen-rate = Wiedereröffnungsquote: im Zeitraum gelöste Tickets, die die anfragende Person mindestens einmal wieder geöffnet hat (wie oft auch immer: einmal gezählt), von allen im Zeitraum gelösten Tickets.
definition-csat = Zufriedenheit: die Bewertungen mit 1 bis 5 Sternen, die anfragende Personen im Zeitraum gegeben haben, eine je Ticket, für die Tickets, die zu den Filtern passen.
definition-backlog = Rückstand: jetzt offene Tickets (neu, wartet auf Genehmigung, in Bearbeitung, wartet auf die anfragende Person), die zu den Filtern passen, unabhängig vom Zeitraum; das Alter ab ihrer Meldung. Gelöste Tickets sind kein Rückstand.
definition-deflection = Vermeidung: ein Besuch eines Anfrageformulars, bei dem beim Tippen Artikel vorgeschlagen wurden, einer mit „Das hat geholfen“ markiert und das Formular nicht gesendet wurde. Ein Besuch zählt im Zeitraum des Tages, an dem er begann. Die Quote sind diese Besuche von allen Besuchen mit gezeigten Vorschlägen. „Trotzdem gesendet“ sind Besuche mit Vorschlägen, die mit einem Ticket endeten. Suchen sind im Portal getippte Wissenssuchen; „ohne Treffer“ heißt, kein Artikel passte. Die Vermeidung folgt nur dem Zeitraum: Suchen und Formularbesuche gehören zu keiner Filiale und keiner Gruppe.
definition-recurring-faults = Wiederkehrende Fehler: im Zeitraum gemeldete Störungen, gezählt je Gerät (Inventarnummer) und je Filiale, die häufigsten zuerst.
definition-opened = Im Zeitraum gemeldete Tickets.
definition-resolved = Tickets, deren letzte Lösung in den Zeitraum fällt und die noch gelöst oder geschlossen sind (ein wieder geöffnetes Ticket zählt erneut, wenn es wieder gelöst wird).
definition-overdue = Offene Tickets, deren nächste SLA-Uhr jetzt über ihrer Frist liegt und noch läuft. Sie zählen in der Einhaltung, sobald die Uhr stoppt.
age-band = { $band ->
    [day] Unter einem Tag
    [three-days] 1–3 Tage
    [week] 3–7 Tage
    [four-weeks] 1–4 Wochen
   *[longer] Über 4 Wochen
}
ticket-set = { $set ->
    [opened] Im Zeitraum eröffnet
    [resolved] Im Zeitraum gelöst
    [backlog] Rückstand: jetzt offen
    [overdue] Offen und jetzt über der Frist
    [responded] Im Zeitraum zuerst beantwortet
    [response-met] Erstreaktion pünktlich
    [response-breached] Erstreaktion überschritten
    [resolution-met] Pünktlich gelöst
    [resolution-breached] Lösung überschritten
    [breached] Im Zeitraum überschritten
    [reopened] Gelöst und mindestens einmal wieder geöffnet
    [rated] Im Zeitraum bewertet
    [faults] Im Zeitraum gemeldete Störungen
   *[submitted-anyway] Gesendet, obwohl Artikel vorgeschlagen wurden
}
ticket-set-aged = Rückstand im Alter von { $band ->
    [day] unter einem Tag
    [three-days] 1–3 Tagen
    [week] 3–7 Tagen
    [four-weeks] 1–4 Wochen
   *[longer] über 4 Wochen
}
ticket-set-rated = Mit { $stars } von 5 bewertet
period-days = { $from } – { $to }
set-back = ← Dashboard
set-title = Tickets hinter einer Zahl
set-loading = Die Tickets werden geladen …
set-total = { $count ->
    [one] 1 Ticket
   *[other] { $count } Tickets
}
set-csv = Als CSV herunterladen
set-none = Hinter dieser Zahl stehen keine Tickets.
set-raised = Gemeldet { $when }
set-filter-store = Filiale { $value }
set-filter-region = Region { $value }
set-filter-category = Kategorie { $value }
set-filter-group = Gruppe { $value }
set-filter-priority = Priorität { $value }
set-filter-device = Gerät { $value }
daily-title = Täglicher Servicebericht
daily-day = Tag
daily-before = ← Vortag
daily-after = Folgetag →
daily-utc = { $period } (UTC)
daily-csv = Dieser Bericht als CSV
daily-breached = An diesem Tag überschritten
daily-breached-unavailable = Die überschrittenen Tickets konnten nicht geladen werden. Laden Sie neu, um es noch einmal zu versuchen.
daily-no-breaches = Keine SLA-Überschreitungen.
daily-all-breached = Alle { $count } überschrittenen Tickets
chart-week-of = Woche ab { $date }
chart-stars = { $count ->
    [one] 1 Stern
   *[other] { $count } Sterne
}
chart-no-data = Keine Daten für diesen Zeitraum
chart-trend = Eröffnete und gelöste Tickets
chart-stores = Störungen nach Filiale
chart-ratings = Zufriedenheitsbewertungen
chart-opened = Eröffnet
chart-resolved = Gelöst
chart-point = { $series }: { $value } am { $day }
chart-value-on = { $value } am { $day }
chart-each = { $series }: { $values } (insgesamt { $total }).
chart-summary = { $series }: insgesamt { $total } vom { $first } bis { $last }; am meisten { $high } am { $highday }, am wenigsten { $low } am { $lowday }, zuletzt { $latest } am { $last }.
chart-bars-more = ; und { $count } weitere mit insgesamt { $total }
chart-bars-total = . Insgesamt: { $total }.
error-dashboard-desk-only = Das Dashboard ist für den Service-Desk und seine Leitung.
error-filter-too-long = Kürzen Sie es auf { $max } Zeichen.
error-dashboard-own-groups = Sie sehen nur die Zahlen Ihrer eigenen Gruppen. Wählen Sie eine davon.
error-pick-priority-list = Wählen Sie eine Priorität aus der Liste.
error-filters-unreadable = Die Filter konnten nicht gelesen werden.
error-period-date = Geben Sie das Datum als JJJJ-MM-TT an, zwischen den Jahren 2000 und 2100.
error-period-backwards = Der Zeitraum beginnt nach seinem Ende.
error-period-too-long = Wählen Sie höchstens { $max } Tage; grenzen Sie den Zeitraum ein.

## The knowledge and catalog search: the header's box and the search page
search-label = Hilfeartikel und Katalog durchsuchen
search-placeholder = Hilfe und Katalog durchsuchen
search-button = Suchen
search-kind-article = Artikel
search-kind-item = Katalog
search-title = Suche
search-searching = Wird gesucht …
search-title-for = „{ $query }“ – Suche
search-hint = Schreiben Sie ein paar Worte zu Ihrem Problem oder zu dem, was Sie brauchen, zum Beispiel „Drucker offline“ oder „neuer Laptop“.
search-filter-label = Nach Kategorie filtern
search-all = Alle ({ $count })
search-offline = Sie sind offline: Diese Ergebnisse stammen aus der Kopie der Wissensdatenbank auf diesem Gerät.
search-nothing = Nichts passt zu „{ $query }“.
search-try-before = Versuchen Sie andere oder weniger Wörter, oder
search-try-link = stöbern Sie im Katalog
search-try-after = und fragen Sie dort den Service-Desk.
search-category = { $slug ->
    [accounts] Konten
    [access] Konten & Zugänge
    [email] E-Mail
    [hardware] Hardware
    [help] Hilfe & Anleitungen
    [mobile] Mobilgeräte
    [network] Netzwerk
    [passwords] Passwörter
    [payments] Zahlungen
    [people] Eintritt, Wechsel & Austritt
    [pos] Kassensysteme
    [printers] Drucker
    [scanners] Scanner
    [software] Software
    [store-systems] Filialsysteme
    [tills] Kassen & Zahlungen
    [vpn] VPN
    [wifi] WLAN
   *[other] { $name }
}
## Setting a password from a link
password-title = Passwort festlegen
password-checking = Der Link wird geprüft …
password-for = Für
password-rule = . Mindestens 12 Zeichen; ein paar Wörter ergeben ein gutes.
password-new = Neues Passwort
password-again = Noch einmal dasselbe
password-set = Passwort festlegen

## Administration: the tabs, list headings and bulk imports
admin-tab-people = Personen
admin-tab-groups = Gruppen
admin-tab-catalog = Katalog
admin-tab-stores = Filialen und Geräte
admin-tab-integrations = Integrationen
admin-tab-mail = Mail-Protokoll
admin-tab-audit = Audit-Protokoll
admin-tabs-label = Administration
admin-find = Suchen
import-stores = Filialen
import-devices = Geräte
import-people = Personen
import-columns-optional = { $required } (optional: { $optional })
import-choose-first = Wählen Sie zuerst eine CSV-Datei.
import-too-large = Die Datei ist größer als 5 MB. Teilen Sie sie in kleinere Dateien.
import-unreadable = Die Datei konnte nicht gelesen werden. Wählen Sie sie noch einmal.
import-columns = Spalten:
import-needs-js = Der Import liest die Datei in Ihrem Browser: Schalten Sie JavaScript ein.
import-file = CSV-Datei (UTF-8, bis 5 MB)
import-check = Datei prüfen
import-import = Importieren
import-summary = { $created } neu, { $changed } geändert, { $unchanged } unverändert
import-refused = { $count ->
    [one] 1 Zeile abgelehnt: Nichts wurde importiert. Korrigieren Sie sie und prüfen Sie erneut.
   *[other] { $count } Zeilen abgelehnt: Nichts wurde importiert. Korrigieren Sie sie und prüfen Sie erneut.
}
import-line = Zeile { $line }
import-done = Importiert: { $summary }.
import-checked = Die Datei ist in Ordnung: { $summary }. Importieren Sie sie, um diese Änderungen zu schreiben.
import-new = Neu
import-changed = Geändert
admin-find-item = Einen Eintrag suchen
admin-find-item-placeholder = Name, Adresse oder Stichwort
admin-new-item = Neuer Eintrag
admin-loading-items = Die Einträge werden geladen …
admin-item-retired = Eingestellt
admin-item-unpublished = Nicht veröffentlicht
admin-item-draft = Live, mit unveröffentlichten Änderungen
admin-item-live = Live
admin-no-items = Keine Einträge passen. Legen Sie mit „Neuer Eintrag“ einen an oder leeren Sie die Suche.
admin-item-total = { $count ->
    [one] 1 Eintrag
   *[other] { $count } Einträge
}
admin-form-version = Formularversion { $version }
admin-kind = { $kind ->
    [incident] Störungsmeldung
   *[request] Anfrage
}
admin-categories = Kategorien
admin-categories-help = Eine Kategorie kann in einer anderen liegen (bis zu drei Ebenen); der Katalog zeigt sie verschachtelt, Geschwister nach Position.
admin-new-category = Neue Kategorie
admin-slug = Adresse (Slug)
admin-slug-help = Kleinbuchstaben, Ziffern und Bindestriche; sie kann sich später nicht ändern.
admin-name = Name
admin-icon = Symbol
admin-description = Beschreibung
admin-inside = Innerhalb von
admin-position = Position
admin-name-in = Name auf { $language }
admin-description-in = Beschreibung auf { $language }
admin-create-category = Kategorie anlegen
admin-save-category = Kategorie speichern

admin-find-person = Eine Person suchen
admin-find-person-placeholder = Name oder E-Mail
admin-new-person = Neue Person
admin-loading-people = Personen werden geladen …
admin-import-csv = Aus CSV importieren
admin-import-people-help = Ein Export aus der Personalabteilung: eine Person pro Zeile. Vorgesetzte können in derselben Datei oder schon im Portal sein; Gruppen werden durch Semikolons getrennt und ersetzen die Gruppen der Person. Neue Personen können sich erst anmelden, wenn sie ein Passwort bekommen oder sich über den Identitätsanbieter des Unternehmens anmelden.
admin-no-people = Niemand passt. Importieren Sie Personen unten aus einer CSV-Datei oder leeren Sie die Suche.
admin-people-total = { $count ->
    [one] 1 Person
   *[other] { $count } Personen
}
admin-reports-to = berichtet an { $manager }
admin-person-store = Filiale { $store }
admin-deactivate = Deaktivieren
admin-reactivate = Reaktivieren
admin-deactivated = deaktiviert
admin-edit = Bearbeiten
admin-email = E-Mail-Adresse
admin-role = Rolle
admin-role-pinned = Diese Rolle behalten, auch wenn der Identitätsanbieter etwas anderes sagt
admin-manager = E-Mail-Adresse der vorgesetzten Person
admin-home-store = Heimatfiliale (Code)
admin-groups = Zuweisungsgruppen
admin-groups-help = Durch Semikolons getrennt; sie ersetzen die Gruppen der Person.
admin-create-person = Person anlegen
admin-save-person = Person speichern
role-name = { $role ->
    [requester] Anfragende Person
    [store_staff] Filialpersonal
    [approver] Genehmigende Person (Vorgesetzte)
    [agent] Service-Desk-Agent
    [manager] IT-Service-Leitung
    [editor] Redaktion (Wissen und Katalog)
   *[admin] Administration
}
admin-password-link = Passwort-Link
admin-hand-link = Geben Sie diesen Link an { $email } weiter (er funktioniert einmal, bis { $until }):
admin-find-store = Eine Filiale suchen
admin-find-store-placeholder = Code, Name oder Region
admin-loading-stores = Die Filialen werden geladen …
admin-new-store = Neue Filiale
admin-import-stores-help = Importieren Sie zuerst die Filialen, dann ihre Geräte. Jede Datei wird geprüft, bevor etwas geschrieben wird; eine Datei mit einer abgelehnten Zeile importiert nichts.
admin-no-stores = Keine Filialen passen. Importieren Sie sie unten aus einer CSV-Datei oder leeren Sie die Suche.
admin-store-total = { $count ->
    [one] 1 Filiale
   *[other] { $count } Filialen
}
admin-store-devices = { $count ->
    [one] 1 Gerät
   *[other] { $count } Geräte
}

admin-store-title = Filiale
admin-loading-store = Die Filiale wird geladen …
admin-back-to-stores = ← Filialen
admin-region = Region
admin-time-zone = Zeitzone
admin-calendar = Geschäftskalender
admin-store-default = der Standard der Filialen
admin-edit-store = Die Filiale bearbeiten
admin-add-device = Ein Gerät hinzufügen
admin-devices = Geräte ({ $count })
admin-no-devices = Noch keine Geräte. Importieren Sie sie auf der Seite der Filialen aus einer CSV-Datei.
admin-print-stickers = QR-Aufkleber drucken
admin-code = Code
admin-calendar-default = Geschäftskalender (leer: der Standard der Filialen)
admin-create-store = Filiale anlegen
admin-save-store = Filiale speichern
admin-asset-tag = Inventarnummer
admin-store-code = Filiale (Code)
admin-device-kind = Art
admin-model = Modell
admin-add-device-button = Gerät hinzufügen
admin-save-device = Gerät speichern
stickers-title = QR-Aufkleber
stickers-drawing = Die Aufkleber werden gezeichnet …
stickers-help = Auf A4-Etikettenbögen (3 × 8) drucken. Das Personal scannt einen Code, um eine Störung an diesem Gerät zu melden.
stickers-none = Diese Filiale hat noch keine Geräte.
stickers-code-for = QR-Code für { $tag }
stickers-hint = Kaputt? Scannen und melden.
groups-title = Zuweisungsgruppen
groups-loading = Die Gruppen werden geladen …
groups-help = Agents bearbeiten die Tickets ihrer Gruppen; ein Katalogeintrag nennt die Gruppe, die ihn erfüllt. Eine umbenannte Gruppe heißt sofort bei ihren Personen, Einträgen und Tickets neu.
groups-new = Neue Gruppe
groups-none = Noch keine Gruppen. Legen Sie oben die erste an oder importieren Sie Personen mit ihren Gruppen.
groups-summary = { $members ->
    [one] 1 Mitglied
   *[other] { $members } Mitglieder
} · erfüllt { $items ->
    [one] 1 Eintrag
   *[other] { $items } Einträge
} · { $tickets ->
    [one] 1 offenes Ticket
   *[other] { $tickets } offene Tickets
}
groups-remove = Entfernen
groups-add-member = Ein Mitglied hinzufügen (E-Mail-Adresse)
groups-add = Hinzufügen
groups-edit = Umbenennen oder beschreiben
groups-what-it-does = Was sie tut
groups-create = Gruppe anlegen
groups-save = Gruppe speichern

mail-log-title = Mail-Protokoll
mail-log-intro = Jede Mail, die das Portal in den letzten 30 Tagen eingereiht hat. Eine Mail, für die der Server nicht erreichbar ist, wird zwei Tage lang erneut versucht; eine, die er ablehnt, oder eine, die ein angehaltener Server vielleicht gesendet hat (unsicher), wird nie von selbst erneut gesendet.
mail-log-show = Anzeigen
mail-log-all = Alle
mail-log-problems = Fehlgeschlagen und unsicher
mail-log-waiting = Wartend
mail-log-loading = Das Mail-Protokoll wird geladen …
mail-log-none = Hier ist keine Mail. Mails erscheinen, wenn etwas jemanden braucht: eine Genehmigung, eine Antwort, eine Lösung, eine SLA-Warnung.
mail-log-queued = Eingereiht
mail-log-to = An
mail-log-what = Was
mail-log-ticket = Ticket
mail-log-state = Status
mail-log-note = Hinweis
mail-log-sent = gesendet { $when }
mail-log-attempts = ({ $count } Versuche)
audit-title = Audit-Protokoll
audit-loading = Das Audit-Protokoll wird geladen …
audit-intro = Jede Änderung an Katalog, Formularen, Personen, Gruppen, Filialen, Geräten und Integrations-Tokens, mit wer sie gemacht hat und was vorher und nachher war. Einträge können nicht geändert oder entfernt werden.
audit-what = Was
audit-everything = Alles
audit-who = Wer oder was
audit-clear = Zurücksetzen
audit-total = { $count ->
    [one] 1 Änderung
   *[other] { $count } Änderungen
}
audit-none = Keine Änderungen passen. Erweitern Sie die Daten oder setzen Sie den Filter zurück.
audit-before-after = Vorher und nachher
audit-before = Vorher
audit-after = Nachher
audit-nothing = (nichts)
audit-kind = { $kind ->
    [catalog] Katalog
    [form] Formulare
    [person] Personen
    [group] Gruppen
    [store] Filialen
    [device] Geräte
    [integration_token] Integrations-Tokens
    [import] Importe
    [synonym] Synonyme
    [search_evidence] Suchbelege
    [freeze] Change-Sperren
    [approval_chain] Genehmigungsketten
    [change_policy] Change-Richtlinie
    [risk_model] Risikofragebogen
   *[other] { $kind }
}
integrations-intro-before = Überwachungssysteme und Kassen melden Störungen mit
integrations-intro-after = und einem eigenen Token. Geben Sie jedem System ein eigenes Token, damit sich eines widerrufen lässt, ohne die anderen anzuhalten.
integrations-new = Neue Integration
integrations-create = Token erstellen
integrations-token-for = Token für
integrations-copy-now = . Kopieren Sie es jetzt: Es wird nicht noch einmal gezeigt.
integrations-none = Noch keine Integrationen.
integrations-name = Integration
integrations-created = Erstellt
integrations-last-used = Zuletzt benutzt
integrations-status = Status
integrations-created-by = { $when } von { $person }
integrations-never = Nie
integrations-revoked = Widerrufen { $when }
integrations-revoke = Widerrufen

## The catalog builder: an item's details, its form and its translations
builder-translations = Übersetzungen
builder-translations-help = Der Eintrag in anderen Sprachen. Was Sie leer lassen, erscheint wie oben geschrieben (der graue Text). Antworten behalten die eigenen Wörter der Optionen, damit Tickets und Berichte in jeder Sprache gleich lauten.
builder-language = Sprache
builder-preview-language = Die Vorschau in dieser Sprache zeigen
admin-summary-in = Zusammenfassung auf { $language }
builder-field = Feld „{ $label }“
builder-label = Beschriftung
builder-help-text = Hilfetext
builder-option = Option „{ $option }“
builder-opening = Der Eintrag wird geöffnet …
builder-not-available = Nicht verfügbar
builder-published = Veröffentlicht: Anfragende bestellen jetzt mit Formularversion { $version }.
builder-new-item = Neuer Katalogeintrag
builder-saved-draft = Als Entwurf gespeichert ({ $saved }). Anfragende sehen nichts davon, bis Sie veröffentlichen.
builder-saved-revision = Revision { $revision }
builder-saved-copy = Kopie
builder-to-fix = { $count ->
    [one] Eine Sache ist zu korrigieren: siehe die Meldung daneben.
   *[other] Einige Dinge sind zu korrigieren: siehe die Meldungen daneben.
}
builder-retired-now = Eingestellt: Er wird nicht mehr angeboten. Seine Tickets bleiben, wie sie sind.
builder-restored = Wiederhergestellt: Er wird wieder angeboten.
builder-status-retired = Eingestellt: nicht angeboten.
builder-status-unpublished = Noch nicht veröffentlicht: Anfragende sehen ihn nicht.
builder-status-draft = Live mit Formularversion { $version }; Ihre Änderungen sind noch nicht veröffentlicht.
builder-status-live = Live mit Formularversion { $version }.
builder-preview-blocked = Die Vorschau kehrt zurück, sobald die Probleme des Formulars (neben seinen Feldern gezeigt) behoben sind.
builder-needs-js = Der Eintragseditor und sein Formularbaukasten brauchen JavaScript.
builder-details = Details
builder-name-help = Was Leute bestellen, so wie sie es sagen würden.
builder-slug-help = Teil des Links zum Eintrag, z. B. standing-desk; sie kann sich später nicht ändern.
builder-summary = Zusammenfassung
builder-summary-help = Eine Zeile auf der Katalogkarte.
builder-icon-help = Ein Emoji.
builder-kind-help = Eine Störungsmeldung, deren Formular nach einer Filiale fragt, wird unter „Störung melden“ angeboten.
builder-keywords = Stichwörter
builder-keywords-help = Durch Kommas getrennte Wörter, nach denen Leute suchen.
builder-delivery = Erwartete Lieferung
builder-delivery-help = Was Anfragenden versprochen wird, z. B. 2 Wochen.
builder-group = Erfüllende Gruppe
builder-group-help = Die Zuweisungsgruppe, die seine Tickets bearbeitet.
builder-service-level = Service-Level
builder-default-level = Der Standard des Portals
builder-service-level-help = Die SLA-Ziele seiner Tickets, wenn das Formular nicht fragt, wie viel betroffen ist und wie dringend (sonst entscheiden Auswirkung und Dringlichkeit).
builder-approval = Die vorgesetzte Person der anfragenden Person genehmigt zuerst
builder-chain = Genehmigt durch
builder-chain-manager = Die vorgesetzte Person der anfragenden Person
builder-chain-help = Eine Genehmigungskette fragt mehrere Personen nacheinander („die vorgesetzte Person, dann die Software-Verantwortlichen“); sie gilt, wenn eine Genehmigung nötig ist.
builder-description = Beschreibung (Markdown)
builder-form = Formular
builder-save-draft = Entwurf speichern
builder-publish = Veröffentlichen
builder-preview = Vorschau
builder-preview-title = Vorschau: was Anfragende sehen
builder-more = Mehr
builder-copy-as = Als neuen Eintrag kopieren, mit der Adresse
builder-copy-example = z. B. standing-desk-large
builder-copy = Kopieren
builder-restore = Wiederherstellen: wieder anbieten
builder-retire = Einstellen: nicht mehr anbieten

## A form's conditions in words (a field that only applies sometimes)
condition = „{ $label }“ { $op ->
    [any_of] ist eines von { $values }
    [not_equals] ist nicht { $values }
    [answered] ist beantwortet
    [greater_than] ist mehr als { $values }
    [less_than] ist weniger als { $values }
   *[equals] ist { $values }
}
condition-operator = { $op ->
    [any_of] ist eines von
    [not_equals] ist nicht
    [answered] ist beantwortet
    [greater_than] ist mehr als
    [less_than] ist weniger als
   *[equals] ist
}
condition-only-if = Nur wenn { $rules }.
condition-and = und
condition-or = oder

builder-kind-name = { $kind ->
    [text] Kurzer Text
    [long_text] Langer Text
    [number] Zahl
    [date] Datum
    [choice] Eine Auswahl aus einer Liste
    [multi_choice] Mehrere Auswahlen aus einer Liste
    [yes_no] Ja oder nein
    [email] E-Mail-Adresse
    [store] Filiale
    [asset] Gerät (der gewählten Filiale)
    [attachment] Foto oder Datei
    [impact] Auswirkung (für die Priorität)
   *[urgency] Dringlichkeit (für die Priorität)
}
builder-new-question = Neue Frage
builder-no-fields = Noch keine Felder: Anfragende würden den Eintrag ohne Fragen senden. Fügen Sie unten das erste hinzu.
builder-add-field = Ein Feld hinzufügen
builder-field-heading = Feld { $number }: { $label }
builder-lowest = Kleinster Wert
builder-highest = Größter Wert
builder-fewest-choices = Wenigste Auswahlen
builder-most-choices = Meiste Auswahlen
builder-fewest-chars = Wenigste Zeichen
builder-most-chars = Meiste Zeichen
builder-question = Frage
builder-key = Schlüssel (mit jeder Antwort gespeichert)
builder-required = Pflichtfeld
builder-options = Optionen, eine pro Zeile (zum Umordnen oder Umbenennen die Zeilen bearbeiten)
builder-pattern = Muster (ein regulärer Ausdruck, zu dem die Antwort passen muss)
builder-pattern-hint = Was das Muster verlangt, in Worten
builder-move-up = Nach oben
builder-move-down = Nach unten
builder-always = Immer sichtbar.
builder-show-when = Zeigen, wenn
builder-all-hold = all diese zutreffen
builder-any-holds = eine davon zutrifft
builder-show-only-if = Nur zeigen, wenn …
builder-only-if = Nur wenn
builder-test = Prüfung
builder-values = Werte (durch Kommas getrennt)
builder-value = Wert
builder-remove-condition = Bedingung entfernen

## The knowledge editors' pages: articles, synonyms and what nobody found
editor-tab-articles = Artikel
editor-tab-synonyms = Synonyme
editor-tab-unanswered = Was niemand fand
editor-tabs-label = Wissen
editor-articles-title = Wissensartikel
editor-new-article = Neuer Artikel
editor-loading-articles = Artikel werden geladen …
editor-no-articles-before = Noch keine Artikel. Schreiben Sie den ersten oder importieren Sie einen Ordner mit
editor-state = Status
editor-updated = Aktualisiert
editor-read = Gelesen
editor-helpful = Hilfreich
editor-rev = { $when } · Rev. { $revision }
editor-votes = { $yes } ja · { $no } nein
article-state = { $state ->
    [draft] Entwurf
    [published] Veröffentlicht
    [retired] Eingestellt
   *[other] { $state }
}
editor-people-searched = Gesucht wurde nach: „{ $query }“
editor-loading-article = Der Artikel wird geladen …
editor-edit-title = Bearbeiten: { $title }
editor-edit-article = Artikel bearbeiten
editor-saved-as = Als Revision { $revision } gespeichert.
editor-preview-failed = Vorschau nicht aktualisiert: { $reason }
editor-look-again = Einige Felder brauchen vor dem Speichern noch einen Blick.
editor-needs-js = Der Artikeleditor braucht JavaScript für seine Live-Vorschau und Prüfungen.
editor-title = Titel
editor-title-help = Was das Problem der Lesenden ist, in ihren Worten.
editor-slug-help = Teil des Links zum Artikel; sie kann sich nach dem ersten Speichern nicht ändern.
editor-summary-help = Ein Satz, der in Suchergebnissen erscheint.
editor-category-help = Zum Beispiel printers, pos, vpn.
editor-tags = Schlagwörter
editor-related = Verwandte Katalogeinträge
editor-related-help = Durch Kommas getrennte Slugs von Einträgen, angeboten, wenn der Artikel nicht hilft.
editor-body = Text (Markdown)
editor-translation-of = Übersetzung von
editor-translation-of-help = Leer für ein Original. Für eine Übersetzung der Slug des Originals (zum Beispiel printer-offline): Lesende dieser Sprache sehen dann diese Fassung.
editor-state-draft = Entwurf: nur die Redaktion sieht ihn
editor-state-published = Veröffentlicht: in Suche und Vorschlägen
editor-state-retired = Eingestellt: verborgen, mit seinem Verlauf aufbewahrt
editor-saving = Wird gespeichert …
editor-revisions = Revisionen
editor-revision = Revision { $revision }
editor-removed = Entfernt. Die Suche lernt nicht mehr daraus.
editor-evidence-title = Was Leute tippten, bevor dies ihnen half
editor-evidence-help = Die Suche lernt Wörter, die mindestens zwei verschiedene Personen getippt haben; entfernen Sie, was nicht zählen soll.
editor-loading-evidence = Was Leute tippten, wird geladen …
editor-no-evidence = Noch niemand hat über die Suche zu diesem Artikel gefunden.
editor-evidence-search = Gesucht, dann „Hat das geholfen?“ ja
editor-evidence-solved = Das hat geholfen
editor-evidence-opened = Geöffnet, Formular nicht gesendet
editor-translate-into = Übersetzung anlegen: { $language }
editor-other-languages = In anderen Sprachen:

synonyms-title = Synonyme
synonyms-intro-1 = Die Suche behandelt die Wörter und Ausdrücke einer Gruppe als gleichbedeutend: Wer nach „Kasse“ sucht, findet auch, was über die „Registrierkasse“ geschrieben ist.
synonyms-intro-2 = Die Wörter, die Leute tippen, stehen weiter zuerst. Halten Sie jede Gruppe bei einer Bedeutung.
synonyms-groups = Gruppen
synonyms-try = Eine Suche ausprobieren
synonyms-try-help = Tippen Sie, wonach jemand suchen könnte, und drücken Sie dann „Vorschau“ unter einer Gruppe: Sie sehen, was die Suche heute findet und was sie mit der Gruppe findet, wie Sie sie getippt haben.
synonyms-needs-js = Die Vorschau braucht JavaScript. Speichern, Einstellen und Zurückholen von Gruppen geht ohne.
synonyms-find = Eine Gruppe suchen
synonyms-none = Noch keine Synonymgruppen. Fügen Sie oben die erste hinzu.
synonyms-no-match = Keine Gruppe enthält „{ $filter }“.
synonyms-phrases = Ausdrücke
synonyms-saved = Gespeichert
synonyms-add = Gruppe hinzufügen
synonyms-bring-back = Zurückholen
synonyms-retire = Einstellen
synonyms-words = Wörter und Ausdrücke, durch Kommas getrennt
synonyms-words-help = Mindestens zwei, zum Beispiel: Kasse, Registrierkasse, POS. Benennen Sie die Sache in wenigen Worten; beschreiben Sie sie nicht.
synonyms-reload = Neu laden
synonyms-added = Hinzugefügt: { $phrases }. Sie steht in der Liste unten.
synonyms-saving = Wird gespeichert
synonyms-type-first = Tippen Sie zuerst oben auf der Seite eine Suche in „Eine Suche ausprobieren“ und drücken Sie dann erneut „Vorschau“.
synonyms-searching = Wird gesucht
synonyms-marked-new = Mit „Neu“ markiert: nur mit dieser Gruppe gefunden.
synonyms-search-for = Suche nach „{ $query }“
synonyms-today = Heute
synonyms-with-group = Mit dieser Gruppe
synonyms-nothing = Nichts gefunden
unanswered-title = Was niemand fand
unanswered-intro-1 = Suchen, die keinen Artikel fanden, und Formulare, die Leute trotz der Vorschläge daneben gesendet haben.
unanswered-intro-2 = Ähnliche Anfragen werden gruppiert (Tippfehler und Wortformen verziehen), die größten Gruppen zuerst: Jede ist ein Artikel, den noch niemand geschrieben hat.
unanswered-loading = Was niemand fand, wird geladen …
unanswered-period = Zeitraum
unanswered-last = { $days ->
    [one] Letzter Tag
   *[other] Letzte { $days } Tage
}
unanswered-nothing = { $days ->
    [one] Am letzten Tag blieb nichts unbeantwortet.
   *[other] In den letzten { $days } Tagen blieb nichts unbeantwortet.
}
unanswered-groups = { $count ->
    [one] 1 Gruppe
   *[other] { $count } Gruppen
}, die größten zuerst
unanswered-searches = { $count ->
    [one] 1 Suche
   *[other] { $count } Suchen
}
unanswered-tickets = { $count ->
    [one] 1 Ticket
   *[other] { $count } Tickets
}
unanswered-found-nothing = { $searches } ohne Treffer
unanswered-sent-anyway = { $tickets } trotzdem gesendet
unanswered-none-counted = Keine Suchen gezählt
unanswered-also = Auch getippt als:
unanswered-also-label = Auch getippt als
unanswered-more = { $count } weitere
unanswered-more-label = Weitere Schreibweisen
unanswered-write = Einen Artikel schreiben
unanswered-about = über „{ $name }“

## What is wrong with a form as the catalog builder defines it
error-schema-duplicate-key = Der Schlüssel „{ $key }“ wird schon von einem früheren Feld benutzt; jedes Feld braucht seinen eigenen.
error-schema-bad-key = Der Schlüssel „{ $key }“ darf nur Kleinbuchstaben, Ziffern und Unterstriche enthalten.
error-schema-no-label = Geben Sie dem Feld „{ $key }“ eine Beschriftung, die Menschen lesen können.
error-schema-no-options = Das Auswahlfeld „{ $key }“ braucht mindestens eine Option.
error-schema-duplicate-option = Das Feld „{ $field }“ führt die Option „{ $option }“ zweimal.
error-schema-bad-condition = Das Feld „{ $field }“ hängt von „{ $on }“ ab, das kein früheres Feld ist. Bedingungen dürfen nur auf Felder darüber schauen.
error-schema-condition-values = Eine Bedingung von „{ $field }“ braucht { $wants ->
    [none] keinen Wert
    [one] genau einen Wert
   *[some] mindestens einen Wert
}.
error-schema-not-comparable = Eine Bedingung von „{ $field }“ vergleicht „{ $on }“ als Zahl oder Datum, aber es ist keines von beiden.
error-schema-impossible-value = Eine Bedingung von „{ $field }“ sucht nach „{ $value }“, was „{ $on }“ nie antworten kann.
error-schema-bad-pattern = Das Muster von „{ $key }“ ist kein gültiger regulärer Ausdruck.
error-schema-bad-range = Das Feld „{ $key }“ hat ein Minimum über seinem Maximum.

## What is wrong with an article, beside the editor's inputs
error-article-slug = Verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche, höchstens { $max } Zeichen (zum Beispiel printer-offline).
error-article-title = Geben Sie einen Titel an.
error-article-summary = Geben Sie eine Zusammenfassung in einem Satz an.
error-article-too-short = Verwenden Sie mindestens { $min } Zeichen.
error-article-too-long = Verwenden Sie höchstens { $max } Zeichen (jetzt { $now }).
error-article-category = Wählen Sie eine Kategorie.
error-article-tags = Verwenden Sie höchstens { $max } Schlagwörter.
error-article-tag-long = Das Schlagwort „{ $tag }“ ist länger als { $max } Zeichen.
error-article-no-item = Es gibt keinen Katalogeintrag „{ $item }“. Verwenden Sie den Slug des Eintrags, wie in seiner Adresse.
error-article-body = Schreiben Sie den Text des Artikels.
error-article-body-long = Der Text ist länger als { $max } Zeichen; teilen Sie ihn in zwei Artikel.
error-article-state = Wählen Sie Entwurf, veröffentlicht oder eingestellt.
error-article-language = Wählen Sie die Sprache, in der er geschrieben ist: { $languages }.
error-article-translates-itself = Ein Artikel kann sich nicht selbst übersetzen. Lassen Sie dies für ein Original leer.
error-article-original-slug = Geben Sie den Slug des Originals an, wie in seiner Adresse (zum Beispiel printer-offline).
error-article-already-in-language = „{ $slug }“ ist dieser Artikel schon in dieser Sprache. Wählen Sie die eigene Sprache dieses Artikels.
error-article-no-original = Es gibt keinen Artikel „{ $original }“. Geben Sie den Slug des Originals an, wie in seiner Adresse.
error-article-nested = „{ $original }“ ist selbst eine Übersetzung. Geben Sie sein Original an, „{ $first }“.
error-article-has-translations = Andere Artikel übersetzen diesen, daher kann er selbst keine Übersetzung sein.
error-article-same-language = Das Original ist auch in dieser Sprache geschrieben. Wählen Sie die Sprache der Übersetzung.
error-article-translated-already = „{ $slug }“ übersetzt „{ $original }“ schon in diese Sprache. Bearbeiten Sie stattdessen jenen.

## What the catalog builder and the category form refuse
error-give-it = { $what ->
    [name] Geben Sie einen Namen an.
    [summary] Geben Sie eine einzeilige Zusammenfassung an.
    [expected_delivery] Geben Sie eine erwartete Lieferung an (z. B. „3 Werktage“).
    [fulfilment_group] Geben Sie die Gruppe an, die ihn erfüllt.
   *[other] Geben Sie { $what } an.
}
error-keep-to = Kürzen Sie { $what ->
    [name] den Namen
    [summary] die Zusammenfassung
    [description] die Beschreibung
    [expected_delivery] die erwartete Lieferung
    [fulfilment_group] den Namen der Gruppe
   *[other] es
} auf { $max } Zeichen (dieser Text hat { $chars }).
error-pick-icon = Wählen Sie ein Symbol: ein Emoji oder bis zu 8 Zeichen.
error-slug-rule = Verwenden Sie 2–60 Kleinbuchstaben, Ziffern und Bindestriche, z. B. standing-desk. Sie ist Teil von Links und kann sich später nicht ändern.
error-category-exists = Es gibt schon eine Kategorie { $slug }.
error-no-category = Es gibt keine Kategorie { $slug }.
error-position = Verwenden Sie eine Position zwischen -9999 und 9999.
error-category-inside-itself = Eine Kategorie kann nicht in sich selbst oder einem ihrer eigenen Abschnitte liegen.
error-category-too-deep = Kategorien sind höchstens { $max } Ebenen tief verschachtelt; legen Sie sie weiter oben ab.
error-saved-meanwhile = Jemand anderes hat { $what ->
    [category] diese Kategorie
   *[item] diesen Eintrag
} gespeichert, nachdem Sie die Seite geöffnet haben. Ihre Änderungen sind noch auf dem Bildschirm: Kopieren Sie, was Sie brauchen, laden Sie neu, um die anderen zu sehen, und übernehmen Sie Ihre dann erneut.
error-no-item = Es gibt keinen Katalogeintrag { $slug }.
error-pick-category = Wählen Sie die Kategorie, in der er steht.
error-keywords = Verwenden Sie höchstens { $max } Stichwörter mit je bis zu 40 Zeichen.
error-item-exists = Es gibt schon einen Eintrag { $slug }; wählen Sie einen anderen.
error-nothing-to-publish = Es gibt nichts zu veröffentlichen: Der Eintrag hat keine gespeicherten Änderungen.
error-too-many-fields = Ein Formular hat höchstens { $max } Felder.

## What administrators are refused: imports, people, stores, devices, groups, tokens, the audit log
error-csv-too-large = Die Datei ist größer als { $mb } MB. Teilen Sie sie in kleinere Dateien.
error-csv-not-utf8 = Die Datei ist kein UTF-8-Text. Speichern Sie sie aus der Tabellenkalkulation als „CSV UTF-8“ und versuchen Sie es erneut.
error-csv-header = Die erste Zeile konnte nicht als CSV gelesen werden: { $reason }.
error-csv-optionally = (und optional { $columns })
error-csv-empty = Die Datei ist leer. Ihre erste Zeile nennt die Spalten: { $expected }.
error-csv-missing = Der ersten Zeile { $count ->
    [one] fehlt die Spalte
   *[other] fehlen die Spalten
} { $columns }. Erwartet: { $expected }.
error-csv-unknown = Die erste Zeile nennt eine Spalte „{ $column }“, die dieser Import nicht kennt. Erwartet: { $expected }.
error-csv-line = Zeile { $line } konnte nicht als CSV gelesen werden: { $reason }.
error-csv-no-rows = Die Datei hat eine Kopfzeile, aber keine Zeilen.
error-csv-duplicate = { $noun ->
    [store] Filiale
    [device] Gerät
   *[person] Person
} { $key } steht schon in Zeile { $first }.
error-pick-kind = Wählen Sie eine Art aus der Liste.
error-audit-date = Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-12-01 (Jahre 2000 bis 2100).
error-audit-backwards = Der letzte Tag liegt vor dem ersten.
error-no-synonym-group = Diese Synonymgruppe gibt es nicht.
error-group-name = Geben Sie der Gruppe einen Namen.
error-group-name-long = Kürzen Sie den Namen auf { $max } Zeichen.
error-group-name-semicolon = Ein Gruppenname darf kein Semikolon und keinen Zeilenumbruch enthalten.
error-group-description-long = Kürzen Sie die Beschreibung auf { $max } Zeichen.
error-no-group = Es gibt keine Gruppe { $name }.
error-group-exists = Es gibt schon eine Gruppe namens { $name }.
error-tokens-admins-only = Nur die Administration verwaltet Integrations-Tokens.
error-name-integration = Benennen Sie die Integration, z. B. „Filialüberwachung“: Ihre Störungen werden unter diesem Namen abgelegt.
error-integration-name-long = Verwenden Sie bis zu { $max } Zeichen auf einer Zeile.
error-no-token = Dieses Integrations-Token gibt es nicht.
error-not-an-email = „{ $value }“ ist keine E-Mail-Adresse.
error-person-name = Der Name ist leer oder länger als { $max } Zeichen.
error-unknown-manager = Die vorgesetzte Person { $manager } ist weder in der Datei noch im Portal.
error-person-group-long = Die Gruppe „{ $group }“ ist länger als { $max } Zeichen.
error-person-exists = { $email } ist schon im Portal: Suchen Sie die Person in der Liste und bearbeiten Sie sie dort.
error-nobody-with = Es gibt niemanden mit der Adresse { $email }.
error-nobody-active-with = Es gibt niemanden Aktiven mit der Adresse { $email }.
error-own-role = Sie können Ihre eigene Rolle nicht ändern. Bitten Sie eine andere Person aus der Administration.
error-deactivate-self = Sie können sich nicht selbst deaktivieren. Bitten Sie eine andere Person aus der Administration.
error-link-gone = Dieser Link wurde schon benutzt, ist abgelaufen oder existiert nicht. Bitten Sie Ihre Administration um einen neuen.
error-password-short = Verwenden Sie mindestens { $min } Zeichen; ein paar Wörter ergeben ein gutes Passwort.
error-passwords-differ = Die beiden Passwörter unterscheiden sich.
error-place-exists = Es gibt schon { $what ->
    [store] eine Filiale
   *[device] ein Gerät
} { $key }; bearbeiten Sie den Eintrag auf seiner Seite.
error-no-place = Es gibt { $what ->
    [store] keine Filiale
   *[device] kein Gerät
} { $key }.
error-column-empty = Die Spalte { $column } ist leer.
error-column-long = Die Spalte { $column } ist länger als { $max } Zeichen.
error-column-control = Die Spalte { $column } enthält einen Zeilenumbruch oder ein Steuerzeichen.
error-value-long = { $column } { $value } ist länger als { $max } Zeichen.
error-value-characters = { $column } { $value } darf nur Buchstaben, Ziffern, '-', '_' und '.' enthalten.
error-not-a-zone = „{ $value }“ ist keine Zeitzone; schreiben Sie sie als Europe/Berlin.
error-no-calendar = Es gibt keinen Geschäftskalender „{ $value }“ (es gibt: { $calendars }).
error-password-link-js = Einen Passwort-Link zu erstellen braucht JavaScript, damit der Link gezeigt werden kann, ohne die Seite zu verlassen.
error-token-js = Ein Token zu erstellen braucht JavaScript, damit das Token gezeigt werden kann, ohne die Seite zu verlassen. Schalten Sie es ein oder führen Sie `server token create NAME` auf dem Server aus.
error-no-article-here = Unter dieser Adresse gibt es keinen Artikel.
error-article-exists = Unter dieser Adresse gibt es schon einen Artikel. Wählen Sie einen anderen Slug oder bearbeiten Sie jenen Artikel.
error-preview-too-long = Der Text ist länger als { $max } Zeichen.
error-evidence-kind = Unbekannte Art von Beleg. Laden Sie die Seite neu.

## Changes: their lifecycle, risk questionnaire, approval chains and the change calendar
change-state-label = { $state ->
    [draft] Entwurf
    [assess] Bewertung
    [authorise] Genehmigung
    [scheduled] Geplant
    [implement] Umsetzung
    [review] Nachbetrachtung
    [closed] Abgeschlossen
    [cancelled] Abgebrochen
   *[other] { $state }
}
change-move-label = { $move ->
    [submit] Zur Bewertung einreichen
    [request_authorisation] Genehmigung anfordern
    [authorised] Genehmigt
    [rejected] Abgelehnt
    [revise] Zur Überarbeitung zurücknehmen
    [start] Arbeit beginnen
    [finish] Ergebnis festhalten
    [close] Nach der Nachbetrachtung abschließen
    [cancel] Change abbrechen
   *[other] { $move }
}
change-conflict-overlap = { $number } arbeitet zur selben Zeit an { $what }.
change-conflict-freeze = Das Zeitfenster fällt in die Sperrzeit „{ $freeze }“{ $stores ->
    [0] .
   *[other] {" "}für { $list }.
}
error-change-move = Ein Change im Status „{ change-state-label }“ kann den Schritt „{ change-move-label }“ nicht machen. Laden Sie die Seite neu, um zu sehen, was jetzt möglich ist.
error-change-plans = Schreiben Sie Umsetzungs-, Rückfall- und Testplan, bevor Sie den Change einreichen.
error-change-risk = Beantworten Sie jede Frage der Risikobewertung.
error-change-standard-risk = Ein Standard-Change muss ein geringes Risiko haben. Legen Sie einen normalen Change an; er geht zur Genehmigung.
error-change-window = Planen Sie das Zeitfenster: wann die Arbeit beginnt und wann sie endet.
error-change-window-past = Das Zeitfenster hat schon begonnen. Planen Sie eines in der Zukunft oder legen Sie einen Notfall-Change an.
error-change-window-order = Das Zeitfenster muss nach seinem Beginn enden.
error-change-window-long = Halten Sie das Zeitfenster bei höchstens { $hours } Stunden; teilen Sie längere Arbeit auf mehrere Changes auf.
error-change-not-yet = Die Arbeit kann beginnen, wenn ihr Zeitfenster anfängt.
error-change-outcome = Sagen Sie, wie die Arbeit ausging: erfolgreich, fehlgeschlagen oder zurückgesetzt.
error-change-review = Schreiben Sie die Nachbetrachtung, bevor Sie den Change abschließen.
error-change-title = Geben Sie dem Change einen Titel, z. B. „Kartenleser-Firmware 4.3 in S012“.
error-change-title-long = Kürzen Sie den Titel auf { $max } Zeichen.
error-risk-unanswered = Beantworten Sie „{ $question }“.
error-risk-answer = „{ $question }“ hat keine solche Antwort. Laden Sie die Seite neu und wählen Sie erneut.
error-risk-no-questions = Die Risikobewertung braucht mindestens eine Frage.
error-risk-too-many-questions = Halten Sie die Risikobewertung bei höchstens { $max } Fragen.
error-risk-question-blank = Jede Frage braucht einen Schlüssel und ihren Wortlaut.
error-risk-question-twice = Zwei Fragen teilen sich den Schlüssel von „{ $question }“. Geben Sie jeder einen eigenen.
error-risk-answer-count = „{ $question }“ braucht zwei bis acht Antworten.
error-risk-answer-blank = Jede Antwort auf „{ $question }“ braucht einen eigenen Schlüssel und ihren Wortlaut.
error-risk-weight = Halten Sie jedes Gewicht zwischen 0 und { $max }.
error-risk-thresholds = Mittleres Risiko muss über 0 beginnen und hohes über mittlerem.
error-risk-high-unreachable = Hohes Risiko beginnt über der höchsten Punktzahl, die die Antworten ergeben können ({ $highest }): Senken Sie es.
error-chain-empty = Eine Genehmigungskette braucht mindestens einen Schritt.
error-chain-too-long = Halten Sie die Genehmigungskette bei höchstens { $max } Schritten.
error-chain-step-name = Benennen Sie jeden Schritt, mit höchstens { $max } Zeichen.
error-chain-person = Schritt „{ $step }“: Geben Sie die E-Mail-Adresse der genehmigenden Person an.
error-chain-group = Schritt „{ $step }“: Wählen Sie die Gruppe, die genehmigt.
error-chain-quorum-zero = Schritt „{ $step }“: Mindestens eine Genehmigung ist nötig.
error-chain-quorum-unreachable = Schritt „{ $step }“ braucht { $needed } Genehmigungen, aber seine Gruppe hat { $members } { $members ->
    [one] Mitglied
   *[other] Mitglieder
}. Bitten Sie die Administration, Mitglieder hinzuzufügen oder die Zahl zu senken.
error-delegate-who = Geben Sie die E-Mail-Adresse der Person an, die für Sie entscheidet.
error-delegate-self = Wählen Sie jemand anderen als sich selbst.
error-delegate-dates = Die Vertretung muss nach ihrem Beginn enden.
error-approval-over = Die Genehmigungen sind vollständig; nichts wartet auf eine Entscheidung.
error-approval-twice = Sie haben schon entschieden; Ihre Entscheidung zählt einmal.
error-approval-not-your-turn = Ihr Schritt ist noch nicht an der Reihe: Jetzt entscheidet „{ $step }“.
error-approval-not-yours = Sie genehmigen dies nicht, und niemand hat Sie gebeten, an seiner Stelle zu entscheiden.
error-freeze-name = Benennen Sie die Sperrzeit, mit höchstens { $max } Zeichen.
error-freeze-dates = Der letzte Tag der Sperrzeit darf nicht vor ihrem ersten liegen.
error-freeze-overlaps-itself = Eine jährlich wiederkehrende Sperrzeit muss kürzer als ein Jahr sein, sonst läuft sie in ihre eigene Wiederholung.
error-changes-desk-only = Changes sind für den Service-Desk und seine Leitung.
error-no-change-here = Es gibt keinen Change mit dieser Nummer.
error-change-kind = Wählen Sie Standard, normal oder Notfall.
error-change-locked = Pläne, Risiko, Zeitfenster und Ziele stehen fest, sobald die Genehmigung angefordert ist. Nehmen Sie den Change zur Überarbeitung zurück, um sie zu ändern.
error-change-changed = { $number } wurde geändert, während Sie ihn bearbeitet haben. Kopieren Sie Ihren Text, laden Sie neu, um die Änderung zu sehen, und übernehmen Sie Ihre dann erneut.
error-change-window-time = Geben Sie Beginn und Ende des Zeitfensters als Datum und Uhrzeit an.
error-change-targets-many = Nennen Sie höchstens { $max } Filialen und Geräte; teilen Sie einen größeren Rollout in Wellen auf.
error-change-no-store = Es gibt keine Filiale { $code }.
error-change-no-device = Es gibt kein Gerät { $tag }.
error-change-step = Unbekannter Schritt. Laden Sie die Seite neu und wählen Sie erneut.
change-raised-from = Aus Problem { $problem } angelegt.
change-saved = Pläne, Risiko, Zeitfenster oder Ziele gespeichert.
change-moved = In den Status „{ change-state-label }“ gewechselt.
change-loading = Wird geladen…
change-title = Change
change-opened = { $kind ->
    [standard] Standard-Change
    [emergency] Notfall-Change
   *[normal] Normaler Change
} · verantwortlich: { $person } · { $created } · geändert { $updated }
change-risk-is = { $level ->
    [low] Geringes Risiko
    [medium] Mittleres Risiko
   *[high] Hohes Risiko
} (Punktzahl { $score })
change-conflicts = Vor der Genehmigung zu klären
change-next = Nächste Schritte
change-outcome = Ergebnis
change-outcome-label = { $outcome ->
    [successful] Erfolgreich
    [failed] Fehlgeschlagen
   *[backed_out] Zurückgesetzt
}
change-review = Nachbetrachtung
change-timeline = Verlauf
change-by-portal = Deskfront
change-field-title = Titel
change-implementation = Umsetzungsplan
change-implementation-help = Was Schritt für Schritt getan wird, und von wem.
change-back-out = Rückfallplan
change-back-out-help = Wie die Systeme wieder in ihren alten Zustand kommen, wenn etwas schiefgeht.
change-test = Testplan
change-test-help = Woran Sie erkennen, dass es funktioniert hat.
change-risk = Risiko
change-risk-choose = Auswählen…
change-window = Zeitfenster
change-window-start = Beginn
change-window-end = Ende
change-window-help = In Ihrer Zeitzone ({ $zone }). Höchstens drei Tage.
change-stores = Filialen
change-devices = Geräte
change-targets = Filialen und Geräte
change-targets-help = Filialcodes und Gerätekennungen, durch Kommas getrennt, z. B. S012, S012-CRD-01.
change-save = Speichern
change-kind-label = { $kind ->
    [standard] Standard (vorab genehmigtes Modell)
    [emergency] Notfall
   *[normal] Normal
}
problem-changes = Changes
problem-no-changes = Aus diesem Problem wurde noch kein Change angelegt.
problem-change-title = Was geändert wird
problem-change-kind = Art des Changes
problem-raise-change = Change anlegen
problem-fixed-by-change = Behoben durch Change { $number }: { $title }

## The change calendar and its feed
planned-title = Geplant in Ihrer Filiale
planned-when = { $start } – { $end }
planned-calendar = Zum Change-Kalender
desk-possible-causes = Möglicherweise verursacht durch einen Change, der beim Melden an diesem Gerät oder in dieser Filiale lief:
nav-calendar = Kalender
calendar-title = Change-Kalender
calendar-month = { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
} { $year }
calendar-week-of = Woche ab { $day } { $year }
calendar-span-month = Monat
calendar-span-week = Woche
calendar-previous = Zurück
calendar-next = Weiter
calendar-today = Heute
calendar-store = Filiale
calendar-own-store = Meine Filiale
calendar-all-stores = Alle Filialen
calendar-region = Region
calendar-all-regions = Alle Regionen
calendar-service = Service
calendar-all-services = Alle Services
calendar-apply = Anzeigen
calendar-zone = Tage und Uhrzeiten in { $zone }.
calendar-count = { $count ->
    [0] In diesem Zeitraum sind keine Changes geplant.
    [one] Ein Change in diesem Zeitraum.
   *[other] { $count } Changes in diesem Zeitraum.
}
calendar-empty-hint = Geplante Changes und Sperrzeiten erscheinen hier, sobald sie eingeplant sind.
calendar-freeze = Sperrzeit: { $name }
calendar-continued = Fortsetzung
calendar-central = alle Filialen
calendar-when-same-day = { $start }–{ $end }
calendar-when-until = { $start } – { $end }
calendar-loading = Der Kalender wird geladen…
calendar-feed = Im eigenen Kalender
calendar-feed-help = Abonnieren Sie diesen Kalender in Outlook, Google Kalender oder auf dem Telefon über einen privaten Link. Wer den Link hat, kann die Changes lesen – behalten Sie ihn für sich.
calendar-feed-since = Sie haben seit { $when } einen Link. Erstellen Sie einen neuen, wenn er verloren ist (der alte funktioniert dann nicht mehr), oder beenden Sie ihn.
calendar-feed-make = Privaten Link erstellen
calendar-feed-remake = Neuen Link erstellen
calendar-feed-end = Link beenden
calendar-feed-ended = Der Link ist beendet; abonnierte Kalender werden nicht mehr aktualisiert.
calendar-feed-link = Ihr Link (nur einmal angezeigt: jetzt kopieren)
calendar-feed-name = Deskfront-Changes
calendar-feed-stores = Filialen: { $stores }
calendar-feed-devices = Geräte: { $devices }
calendar-feed-freeze = Change-Sperre: { $name }
error-calendar-span = Wählen Sie Monat oder Woche.
error-calendar-day = Geben Sie den Tag als Datum an, z. B. 2026-12-15.
error-calendar-store = Diese Filiale gibt es nicht. Wählen Sie eine aus der Liste.
error-calendar-region = Diese Region gibt es nicht. Wählen Sie eine aus der Liste.
error-calendar-service = Diesen Service gibt es nicht. Wählen Sie einen aus der Liste.
error-calendar-feed-unknown = Dieser Kalender-Link funktioniert nicht (mehr). Erstellen Sie auf der Seite des Change-Kalenders einen neuen.
error-calendar-feed-js = Einen Kalender-Link zu erstellen braucht JavaScript, damit der Link gezeigt werden kann, ohne die Seite zu verlassen.

## Change freeze periods, for administrators
admin-tab-freezes = Change-Sperren
freezes-title = Change-Sperren
freezes-help = Zeiträume ohne Changes in den Filialen, etwa das Weihnachtsgeschäft. Der Change-Kalender zeigt sie, und ein Change darin wird gemeldet, bevor jemand ihn genehmigt.
freezes-loading = Die Sperrzeiten werden geladen…
freezes-new = Neue Sperrzeit
freezes-none = Noch keine Sperrzeiten. Changes können an jedem Tag geplant werden.
freezes-edit = Bearbeiten
freezes-delete = Entfernen
freezes-every-store = alle Filialen
freezes-period = { $first } bis { $last }
freezes-period-yearly = { $first } bis { $last }, jedes Jahr
freezes-first-day = Erster Tag
freezes-last-day = Letzter Tag
freezes-every-year = Jedes Jahr an denselben Tagen
freezes-stores = Filialen
freezes-stores-help = Filialcodes durch Kommas getrennt, z. B. S012, S027. Leer lassen für alle Filialen (und zentrale Changes).
freezes-create = Anlegen
freezes-save = Speichern
error-freeze-day = Geben Sie den Tag als Datum an, z. B. 2026-12-17.
error-freeze-stores-many = Nennen Sie höchstens { $max } Filialen; für alle Filialen lassen Sie die Liste leer.
error-freeze-stores-unknown = Es gibt keine Filiale { $codes }.
error-no-freeze = Diese Sperrzeit gibt es nicht mehr. Laden Sie die Seite neu.

## Genehmigungsketten und Change-Richtlinie, für Administratoren
admin-tab-approvals = Genehmigungsketten
admin-tab-risk = Risikofragebogen
chains-title = Genehmigungsketten und Change-Richtlinie
chains-help = Eine Kette ist die Folge von Genehmigungen, die eine Anfrage oder ein Change Schritt für Schritt durchläuft. Katalogeinträge wählen eine im Katalog-Editor; die Change-Richtlinie nennt eine für jede Art und jedes Risiko eines Changes.
chains-loading = Die Genehmigungsketten werden geladen…
chains-list = Ketten
chains-policy = Change-Richtlinie
chains-policy-help = Welche Kette einen Change jeder Art und jedes Risikos genehmigt. Ein Standard-Change ist vorab genehmigt und fragt niemanden. Ohne Kette kann ein solcher Change keine Genehmigung anfordern.
chains-policy-none = Keine Kette: nicht genehmigungsfähig
chains-risk-level = { $level ->
    [low] geringes Risiko
    [medium] mittleres Risiko
   *[high] hohes Risiko
}
chains-policy-save = Richtlinie speichern
chains-policy-saved = Die Change-Richtlinie ist gespeichert. Sie gilt für Changes, die ab jetzt eine Genehmigung anfordern.
chains-change-policy = die Change-Richtlinie
chains-new = Neue Genehmigungskette
chains-none = Noch keine Genehmigungsketten. Anfragen gehen an die Führungskraft, wenn ihr Eintrag eine Genehmigung braucht, und normale Changes können erst genehmigt werden, wenn die Change-Richtlinie eine Kette nennt.
chains-edit = Bearbeiten
chains-delete = Entfernen
chains-used-by = Verwendet von { $users }
chains-unused = Noch nicht verwendet
chains-step = Schritt { $n }
chains-step-name = Name des Schritts
chains-step-name-help = Was die Genehmigenden lesen, z. B. „Software-Verantwortliche“. Leeren Sie den Namen, um den Schritt zu entfernen.
chains-approver = Wer entscheidet
chains-approver-kind = { $kind ->
    [line_manager] Die Führungskraft der anfragenden Person
    [person] Eine benannte Person
   *[group] Eine Gruppe
}
chains-email = E-Mail-Adresse der Person (für eine benannte Person)
chains-group = Gruppe (für eine Gruppe)
chains-needed = Wie viele aus der Gruppe
chains-needed-kind = { $needed ->
    [any_one] Eine beliebige Person
   *[quorum] Ein Quorum
}
chains-quorum = Nötige Zustimmungen (für ein Quorum)
chains-when-field = Nur wenn die Antwort auf
chains-when-field-help = Der Schlüssel eines Formularfelds oder, für Changes, einer Risikofrage. Leer: Der Schritt gilt immer.
chains-when-op = Vergleich
chains-when-values = Werte, durch Kommas getrennt
chains-create = Anlegen
chains-save = Speichern
chains-summary-line-manager = die Führungskraft
chains-summary-any = eine Person aus { $group }
chains-summary-quorum = { $needed } aus { $group }
chains-summary-when = nur wenn { $field } { $op } { $values }
error-chain-name = Benennen Sie die Kette, mit höchstens { $max } Zeichen.
error-chain-name-taken = Eine Kette mit diesem Namen gibt es schon: Wählen Sie einen anderen Namen.
error-chain-person-unknown = Schritt „{ $step }“: Keine aktive Person hat diese E-Mail-Adresse.
error-chain-approver = Schritt „{ $step }“: Wählen Sie, wer entscheidet.
error-chain-when-values = Geben Sie für diesen Vergleich einen Wert an, für „ist eines von“ mehrere durch Kommas getrennt und für „ist beantwortet“ keinen.
error-chain-in-use = „{ $chain }“ wird noch verwendet von { $users }. Wählen Sie dort zuerst eine andere Kette.
error-no-chain = Diese Genehmigungskette gibt es nicht. Laden Sie die Seite neu.

## Der Risikofragebogen für Changes, für Administratoren
risk-title = Risikofragebogen für Changes
risk-help = Wer einen Change plant, beantwortet diese Fragen. Die Gewichte der Antworten ergeben zusammen eine Punktzahl, und die beiden Schwellen teilen sie in geringes, mittleres und hohes Risiko; die Change-Richtlinie schickt jede Stufe an ihre Kette.
risk-loading = Der Fragebogen wird geladen…
risk-starter = Dies sind die Startfragen des Portals. Ändern Sie sie oder speichern Sie sie unverändert, um sie zu Ihren zu machen.
risk-question = Frage { $n }
risk-new-question = Eine neue Frage (leer lassen für keine)
risk-question-text = Frage
risk-question-help = Leeren Sie eine Frage oder Antwort, um sie zu entfernen. Changes behalten die Antworten, die sie bekommen haben.
risk-answer = Antwort
risk-weight = Gewicht
risk-medium-from = Mittleres Risiko ab einer Punktzahl von
risk-high-from = Hohes Risiko ab einer Punktzahl von
risk-highest = Die riskantesten Antworten ergeben zusammen { $highest }.
risk-save = Fragebogen speichern
risk-saved = Der Fragebogen ist gespeichert. Changes werden bei ihrem nächsten Speichern danach bewertet.
error-risk-threshold-number = Geben Sie eine ganze Zahl an.

## Die Change-Kennzahlen der Leitung im Dashboard und die Changes dahinter
dashboard-changes = Changes
dashboard-changes-scope = Changes, deren Arbeit im Zeitraum endete, und Genehmigungen, die darin erteilt wurden. Die Filter für Filiale und Region gelten; Kategorie, Gruppe und Priorität gibt es nur bei Tickets.
figure-change-success = Erfolgsquote der Changes
figure-change-unsuccessful-of = { $unsuccessful } von { $total } gescheitert oder zurückgenommen
figure-change-emergency = Notfall-Changes
figure-change-emergency-of = { $emergency } von { $total } abgeschlossenen Changes
figure-change-incidents = Changes, die Störungen verursacht haben könnten
figure-change-finished = von { $total } abgeschlossenen Changes
figure-change-lead-time = Genehmigungsdauer, Median
figure-change-lead-detail = 90 % innerhalb von { $time } · { $count ->
    [one] 1 Genehmigung
   *[other] { $count } Genehmigungen
}
definition-change-success = Erfolgsquote: von den Changes, deren Arbeit im Zeitraum endete (ihr Ergebnis wurde erfasst), der Anteil der erfolgreichen. Gescheiterte und zurückgenommene Changes zählen nicht als erfolgreich.
definition-emergency-share = Notfall-Changes: von den Changes, deren Arbeit im Zeitraum endete, der Anteil der Notfall-Changes.
definition-changes-causing-incidents = Changes, die Störungen verursacht haben könnten: Changes, deren Arbeit im Zeitraum endete und in deren offenem Zeitfenster eine Störung gemeldet wurde, an einem Gerät, das sie nennen (oder in einer betroffenen Filiale, wenn sie kein Gerät nennen). Der Service-Desk sieht dieselbe Verbindung an der Störung.
definition-approval-lead-time = Genehmigungsdauer: Zeit von der Anforderung der Genehmigung bis zur Zustimmung, die die Kette beendete, über die im Zeitraum genehmigten Changes; Median und 90. Perzentil (nächster Rang).
change-set-title = Changes hinter einer Kennzahl
change-set-label = { $set ->
    [unsuccessful] Gescheiterte oder zurückgenommene Changes
    [emergency] Notfall-Changes
    [caused_incidents] Changes, die Störungen verursacht haben könnten
    [authorised] Genehmigte Changes
   *[finished] Abgeschlossene Changes
}
change-set-total = { $count ->
    [one] 1 Change
   *[other] { $count } Changes
}
change-set-none = Keine Changes hinter dieser Kennzahl.
change-set-finished = Abgeschlossen { $when }: { $outcome ->
    [successful] erfolgreich
    [failed] gescheitert
    [backed_out] zurückgenommen
   *[other] ohne Ergebnis
}
change-set-authorised = Genehmigt { $when }, { $time } nach der Anforderung
change-set-incidents = Störungen:
error-no-figure = Diese Kennzahl gibt es nicht.
