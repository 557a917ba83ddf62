### Sitecard emails and SMS, German.

## Account and sign-in

registration-link-subject = Erstellen Sie Ihr Sitecard-Konto
registration-link-body =
    Ihre Identität wurde geprüft. Erstellen Sie hier Ihr Sitecard-Konto (der Link gilt 7 Tage und nur einmal):

    { $link }

    Wenn Sie bei keiner Identitätsprüfung waren, ignorieren Sie diese E-Mail.

invitation-subject = Einladung zu Sitecard
invitation-body =
    Sie haben Zugang zu Sitecard erhalten. Legen Sie hier Ihr Passwort fest (der Link gilt 7 Tage und nur einmal):

    { $link }

login-code-sms = Ihr Sitecard-Anmeldecode ist { $code }. Er gilt 5 Minuten. Geben Sie ihn niemals weiter.

phone-code-sms = Ihr Sitecard-Code zur Bestätigung dieses Telefons ist { $code }. Er gilt 5 Minuten.

password-reset-link-subject = Sitecard-Passwort zurücksetzen
password-reset-link-body =
    Jemand möchte das Passwort Ihres Sitecard-Kontos zurücksetzen. Wenn Sie das waren, öffnen Sie diesen Link innerhalb einer Stunde:

    { $link }

    Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt gleich.

password-reset-code-sms = Ihr Sitecard-Code zum Ändern des Passworts ist { $code }. Er gilt 5 Minuten.

password-changed-subject = Ihr Sitecard-Passwort wurde geändert
password-changed-body = Das Passwort Ihres Sitecard-Kontos wurde geändert und Sie wurden überall abgemeldet. Wenn Sie das nicht waren, wenden Sie sich sofort an Ihre Firma oder an ein Büro für Identitätsprüfung.

second-factor-reset-subject = Ihre Sitecard-Telefonnummer wurde geändert
second-factor-reset-body = Nach einer Identitätsprüfung vor Ort wurde die Telefonnummer Ihres Sitecard-Kontos geändert. Eine Authenticator-App wurde, falls vorhanden, entfernt. Sie wurden überall abgemeldet.

second-factor-locked-subject = Anmeldecodes für Ihr Sitecard-Konto pausiert
second-factor-locked-body = Jemand hat viele Male hintereinander falsche Anmeldecodes für Ihr Sitecard-Konto eingegeben. Deshalb werden eine Stunde lang keine Codes angenommen. Wenn Sie das nicht waren, ändern Sie jetzt Ihr Passwort. Wenn Sie sich nicht anmelden können, gehen Sie mit Ihrem Pass oder Ausweis zu einem Büro für Identitätsprüfung.

phone-replaced-sms = Sitecard: Diese Nummer wurde nach einer Identitätsprüfung vor Ort von Ihrem Konto entfernt. Wenn Sie das nicht waren, melden Sie sich sofort bei Ihrer Firma.

# $change: app-added, app-removed or phone-changed
sign-in-changed-subject = Ihre Sitecard-Anmeldung wurde geändert
sign-in-changed-body =
    { $change ->
        [app-added] Zu Ihrem Sitecard-Konto wurde eine Authenticator-App hinzugefügt. Anmeldecodes kommen jetzt aus der App.
        [app-removed] Die Authenticator-App wurde von Ihrem Sitecard-Konto entfernt. Anmeldecodes kommen jetzt per SMS.
       *[phone-changed] Die Handynummer Ihres Sitecard-Kontos wurde geändert.
    } Wenn Sie das nicht waren, ändern Sie jetzt Ihr Passwort und wenden Sie sich an Ihre Firma, oder gehen Sie mit Ihrem Pass oder Ausweis zu einem Büro für Identitätsprüfung.

# By SMS to the phone the account used before the change.
sign-in-changed-sms =
    { $change ->
        [app-added] Sitecard: Zu Ihrem Konto wurde eine Authenticator-App hinzugefügt. Wenn Sie das nicht waren, melden Sie sich sofort bei Ihrer Firma.
        [app-removed] Sitecard: Die Authenticator-App wurde von Ihrem Konto entfernt. Wenn Sie das nicht waren, melden Sie sich sofort bei Ihrer Firma.
       *[phone-changed] Sitecard: Ihr Konto nutzt jetzt eine andere Telefonnummer. Wenn Sie das nicht waren, melden Sie sich sofort bei Ihrer Firma.
    }

## Card orders

card-ordered-subject = Ihr Baustellenausweis wurde bestellt
card-ordered-body =
    { $company } hat einen Sitecard-Ausweis für Sie bestellt. Melden Sie sich an, prüfen Sie Ihre Daten und bestätigen Sie die Bestellung:

    { $link }

    Wenn Sie noch kein Konto haben, gehen Sie mit Ihrem Pass oder Personalausweis zu einem Büro für Identitätsprüfung.

order-ready-subject = Prüfen und bestätigen Sie Ihre Kartenbestellung
order-ready-body =
    Ihre Kartenbestellung von { $company } ist bereit. Melden Sie sich an, prüfen Sie Ihre Daten und bestätigen Sie die Bestellung:

    { $link }

photo-rejected-subject = Ein Kartenfoto wurde abgelehnt
photo-rejected-body =
    Das Foto für { $worker } kann nicht verwendet werden ({ $reason }). Bitte laden Sie ein neues Porträtfoto hoch:

    { $link }

order-corrected-subject = Ihre Kartenbestellung wurde korrigiert
order-corrected-body =
    { $company } hat Ihre Kartenbestellung korrigiert. Bitte prüfen Sie sie noch einmal und bestätigen Sie sie:

    { $link }

order-needs-correction-subject = Eine Kartenbestellung muss korrigiert werden
order-needs-correction-body =
    Die Bestellung für { $worker } passt nicht zum geprüften Pass oder Ausweis ({ $fields }). Die Karte wird erst hergestellt, wenn Sie die Bestellung korrigiert haben:

    { $link }

order-rejected-subject = Eine Kartenbestellung wurde vom Arbeitnehmer abgelehnt
order-rejected-body = { $worker } hat die Kartenbestellung abgelehnt. Angegebener Grund: { $reason }

order-confirmed-subject = Ihre Karte wird hergestellt
order-confirmed-body = Danke. Ihre Daten passen zu Ihrem Pass oder Ausweis, und die von { $company } bestellte Karte wird jetzt hergestellt. Sie wird an die Adresse geschickt, die Ihre Firma gewählt hat.

card-shipped-subject = Ihre Karte wurde verschickt
card-shipped-body = Ihr Sitecard-Ausweis ist unterwegs (Sendungsnummer: { $tracking }). Wenn Sie ihn haben, melden Sie sich an und aktivieren Sie ihn, indem Sie die Kartennummer eingeben.

production-failed-subject = Eine Karte konnte nicht hergestellt werden
production-failed-body = Die Karte für { $worker } konnte nicht hergestellt werden. Grund: { $reason }. Bitte bestellen Sie eine neue Karte.

## Cards

card-activated-subject = Ihre Karte ist aktiv
card-activated-body = Ihr Sitecard-Ausweis { $card } ist jetzt aktiv. Halten Sie Ihre PIN geheim. Wenn Sie die Karte verlieren, melden Sie den Verlust sofort.

card-blocked-subject = Eine Karte wurde gesperrt
card-blocked-body = Der Sitecard-Ausweis { $card } wurde gesperrt ({ $reason }). Er funktioniert auf keiner Baustelle, bis die Sperre aufgehoben ist.

card-unblocked-subject = Ihre Karte funktioniert wieder
card-unblocked-body = Die Sperre Ihres Sitecard-Ausweises { $card } wurde aufgehoben.

card-terminated-subject = Ihre Karte ist nicht mehr gültig
card-terminated-body = Der Sitecard-Ausweis { $card } wurde ungültig gemacht ({ $reason }). Er kann nicht mehr benutzt werden.

## Order fields named in emails (a card order that does not match the document)

field-given_names = Vornamen
field-surname = Nachname
field-date_of_birth = Geburtsdatum
field-nationality = Staatsangehörigkeit

card-expired-subject = Ihre Karte ist abgelaufen
card-expired-body = Der Sitecard-Ausweis { $card } hat seinen letzten Gültigkeitstag überschritten und ist abgelaufen. Er öffnet keine Baustelle mehr; bitten Sie Ihre Firma, ihn zu erneuern.

card-expires-soon-subject = Ihre Karte läuft am { $date } ab
card-expires-soon-body = Der Sitecard-Ausweis { $card } gilt bis { $date }. Bitten Sie Ihre Firma rechtzeitig um eine Erneuerung, damit Sie weiter auf der Baustelle arbeiten können.
