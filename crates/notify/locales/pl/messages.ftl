### Sitecard emails and SMS, Polish.

## Account and sign-in

registration-link-subject = Załóż konto Sitecard
registration-link-body =
    Twoja tożsamość została sprawdzona. Załóż konto Sitecard tutaj (link działa 7 dni, jeden raz):

    { $link }

    Jeśli nie byłeś na weryfikacji tożsamości, zignoruj tę wiadomość.

invitation-subject = Zaproszenie do Sitecard
invitation-body =
    Otrzymałeś dostęp do Sitecard. Ustaw hasło tutaj (link działa 7 dni, jeden raz):

    { $link }

login-code-sms = Twój kod logowania Sitecard to { $code }. Jest ważny 5 minut. Nikomu go nie podawaj.

phone-code-sms = Twój kod Sitecard do potwierdzenia telefonu to { $code }. Jest ważny 5 minut.

password-reset-link-subject = Zresetuj hasło Sitecard
password-reset-link-body =
    Ktoś poprosił o zresetowanie hasła do Twojego konta Sitecard. Jeśli to Ty, otwórz ten link w ciągu godziny:

    { $link }

    Jeśli to nie Ty, zignoruj tę wiadomość: hasło się nie zmieni.

password-reset-code-sms = Twój kod Sitecard do zmiany hasła to { $code }. Ważny 5 minut.

password-changed-subject = Hasło Sitecard zostało zmienione
password-changed-body = Hasło do Twojego konta Sitecard zostało zmienione i wylogowano Cię wszędzie. Jeśli to nie Ty, natychmiast skontaktuj się z firmą lub biurem weryfikacji.

second-factor-reset-subject = Zmieniono telefon w koncie Sitecard
second-factor-reset-body = Po osobistej weryfikacji tożsamości zmieniono numer telefonu Twojego konta Sitecard i usunięto aplikację uwierzytelniającą. Wylogowano Cię wszędzie.

second-factor-locked-subject = Kody logowania do konta Sitecard wstrzymane
second-factor-locked-body = Ktoś wiele razy z rzędu wpisał błędny kod logowania do Twojego konta Sitecard, więc przez godzinę kody nie są przyjmowane. Jeśli to nie Ty, zmień teraz hasło. Jeśli nie możesz się zalogować, przyjdź z paszportem lub dowodem osobistym do biura weryfikacji.

phone-replaced-sms = Sitecard: ten numer telefonu usunięto z Twojego konta po osobistej weryfikacji tożsamości. Jeśli to nie Ty, natychmiast skontaktuj się z firmą.

# $change: app-added, app-removed or phone-changed
sign-in-changed-subject = Zmieniono logowanie do konta Sitecard
sign-in-changed-body =
    { $change ->
        [app-added] Do Twojego konta Sitecard dodano aplikację uwierzytelniającą. Kody logowania pochodzą teraz z aplikacji.
        [app-removed] Z Twojego konta Sitecard usunięto aplikację uwierzytelniającą. Kody logowania przychodzą teraz SMS-em.
       *[phone-changed] Zmieniono numer telefonu Twojego konta Sitecard.
    } Jeśli to nie Ty, zmień teraz hasło i skontaktuj się z firmą albo przyjdź z paszportem lub dowodem osobistym do biura weryfikacji.

# By SMS to the phone the account used before the change.
sign-in-changed-sms =
    { $change ->
        [app-added] Sitecard: do Twojego konta dodano aplikację uwierzytelniającą. Jeśli to nie Ty, natychmiast skontaktuj się z firmą.
        [app-removed] Sitecard: z Twojego konta usunięto aplikację uwierzytelniającą. Jeśli to nie Ty, natychmiast skontaktuj się z firmą.
       *[phone-changed] Sitecard: Twoje konto używa teraz innego numeru telefonu. Jeśli to nie Ty, natychmiast skontaktuj się z firmą.
    }

## Card orders

card-ordered-subject = Zamówiono Twoją kartę identyfikacyjną
card-ordered-body =
    { $company } zamówiła dla Ciebie kartę identyfikacyjną Sitecard. Zaloguj się, sprawdź swoje dane i zaakceptuj zamówienie:

    { $link }

    Jeśli nie masz jeszcze konta, przyjdź z paszportem lub dowodem osobistym do biura weryfikacji.

order-ready-subject = Sprawdź i zaakceptuj zamówienie karty
order-ready-body =
    Twoje zamówienie karty od { $company } jest gotowe. Zaloguj się, sprawdź swoje dane i zaakceptuj je:

    { $link }

photo-rejected-subject = Zdjęcie do karty zostało odrzucone
photo-rejected-body =
    Zdjęcia dla { $worker } nie można użyć ({ $reason }). Prześlij nowe zdjęcie:

    { $link }

order-corrected-subject = Twoje zamówienie karty zostało poprawione
order-corrected-body =
    { $company } poprawiła zamówienie Twojej karty. Sprawdź je ponownie i zaakceptuj:

    { $link }

order-needs-correction-subject = Zamówienie karty wymaga poprawy
order-needs-correction-body =
    Zamówienie dla { $worker } nie zgadza się ze sprawdzonym paszportem lub dowodem ({ $fields }). Karta nie zostanie wyprodukowana, dopóki nie poprawisz zamówienia:

    { $link }

order-rejected-subject = Pracownik odrzucił zamówienie karty
order-rejected-body = { $worker } odrzucił(a) zamówienie karty. Podany powód: { $reason }

order-confirmed-subject = Twoja karta zostanie wyprodukowana
order-confirmed-body = Dziękujemy. Twoje dane zgadzają się z paszportem lub dowodem, a karta zamówiona przez { $company } jest teraz produkowana. Zostanie wysłana na adres wybrany przez firmę.

card-shipped-subject = Twoja karta została wysłana
card-shipped-body = Twoja karta Sitecard jest w drodze (numer przesyłki: { $tracking }). Gdy ją otrzymasz, zaloguj się i aktywuj ją, wpisując numer karty.

production-failed-subject = Nie udało się wyprodukować karty
production-failed-body = Nie udało się wyprodukować karty dla { $worker }. Powód: { $reason }. Zamów nową kartę.

## Cards

card-activated-subject = Twoja karta jest aktywna
card-activated-body = Twoja karta Sitecard { $card } jest teraz aktywna. Nie zdradzaj nikomu PIN-u. Jeśli zgubisz kartę, natychmiast zgłoś jej utratę.

card-blocked-subject = Karta została zablokowana
card-blocked-body = Karta Sitecard { $card } została zablokowana ({ $reason }). Nie działa na żadnej budowie, dopóki nie zostanie odblokowana.

card-unblocked-subject = Twoja karta znów działa
card-unblocked-body = Blokada Twojej karty Sitecard { $card } została zdjęta.

card-terminated-subject = Twoja karta została unieważniona
card-terminated-body = Karta Sitecard { $card } została unieważniona ({ $reason }) i nie może być już używana.

## Order fields named in emails (a card order that does not match the document)

field-given_names = imiona
field-surname = nazwisko
field-date_of_birth = data urodzenia
field-nationality = obywatelstwo

card-expired-subject = Twoja karta straciła ważność
card-expired-body = Karta Sitecard { $card } minęła ostatni dzień ważności i wygasła. Nie otwiera już żadnej budowy; poproś swoją firmę o jej odnowienie.

card-expires-soon-subject = Twoja karta traci ważność { $date }
card-expires-soon-body = Karta Sitecard { $card } jest ważna do { $date }. Poproś swoją firmę o odnowienie na czas, aby móc dalej pracować na budowie.
