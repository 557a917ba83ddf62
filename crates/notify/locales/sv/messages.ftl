### Sitecard emails and SMS, Swedish.

## Account and sign-in

registration-link-subject = Skapa ditt Sitecard-konto
registration-link-body =
    Din identitet har kontrollerats. Skapa ditt Sitecard-konto här (länken gäller i 7 dagar, en gång):

    { $link }

    Om du inte har gjort en identitetskontroll kan du bortse från detta mejl.

invitation-subject = Du är inbjuden till Sitecard
invitation-body =
    Du har fått tillgång till Sitecard. Välj ditt lösenord här (länken gäller i 7 dagar, en gång):

    { $link }

login-code-sms = Din inloggningskod för Sitecard är { $code }. Den gäller i 5 minuter. Dela den aldrig.

phone-code-sms = Din Sitecard-kod för att bekräfta telefonen är { $code }. Den gäller i 5 minuter.

password-reset-link-subject = Återställ ditt Sitecard-lösenord
password-reset-link-body =
    Någon har bett om att återställa lösenordet till ditt Sitecard-konto. Om det var du, öppna länken inom en timme:

    { $link }

    Om det inte var du kan du bortse från mejlet: ditt lösenord är oförändrat.

password-reset-code-sms = Din Sitecard-kod för att byta lösenord är { $code }. Gäller i 5 minuter.

password-changed-subject = Ditt Sitecard-lösenord har bytts
password-changed-body = Lösenordet till ditt Sitecard-konto har bytts och du har loggats ut överallt. Om det inte var du, kontakta ditt företag eller ett kontrollkontor direkt.

second-factor-reset-subject = Telefonnumret till ditt Sitecard-konto har ändrats
second-factor-reset-body = Efter en identitetskontroll på plats har telefonnumret till ditt Sitecard-konto ändrats och eventuell autentiseringsapp tagits bort. Du har loggats ut överallt.

second-factor-locked-subject = Inloggningskoder pausade för ditt Sitecard-konto
second-factor-locked-body = Någon skrev fel inloggningskod för ditt Sitecard-konto många gånger i rad, så koder tas inte emot på en timme. Om det inte var du, byt lösenord nu. Om du inte kan logga in, besök ett kontrollkontor med ditt pass eller ID-kort.

phone-replaced-sms = Sitecard: det här telefonnumret har tagits bort från ditt konto efter en identitetskontroll på plats. Om det inte var du, kontakta ditt företag direkt.

# $change: app-added, app-removed or phone-changed
sign-in-changed-subject = Inloggningen till ditt Sitecard-konto har ändrats
sign-in-changed-body =
    { $change ->
        [app-added] En autentiseringsapp har lagts till på ditt Sitecard-konto. Inloggningskoder kommer nu från appen.
        [app-removed] Autentiseringsappen har tagits bort från ditt Sitecard-konto. Inloggningskoder kommer nu med sms.
       *[phone-changed] Mobilnumret till ditt Sitecard-konto har ändrats.
    } Om det inte var du, byt lösenord nu och kontakta ditt företag, eller besök ett kontrollkontor med ditt pass eller ID-kort.

# By SMS to the phone the account used before the change.
sign-in-changed-sms =
    { $change ->
        [app-added] Sitecard: en autentiseringsapp har lagts till på ditt konto. Om det inte var du, kontakta ditt företag direkt.
        [app-removed] Sitecard: autentiseringsappen har tagits bort från ditt konto. Om det inte var du, kontakta ditt företag direkt.
       *[phone-changed] Sitecard: ditt konto använder nu ett annat telefonnummer. Om det inte var du, kontakta ditt företag direkt.
    }

## Card orders

card-ordered-subject = Ditt ID-kort har beställts
card-ordered-body =
    { $company } har beställt ett Sitecard ID-kort åt dig. Logga in, kontrollera dina uppgifter och godkänn beställningen:

    { $link }

    Om du inte har något konto ännu, ta med ditt pass eller nationella ID-kort till ett kontrollkontor.

order-ready-subject = Kontrollera och godkänn din kortbeställning
order-ready-body =
    Din kortbeställning från { $company } är klar. Logga in, kontrollera dina uppgifter och godkänn den:

    { $link }

photo-rejected-subject = Ett kortfoto har underkänts
photo-rejected-body =
    Fotot för { $worker } kan inte användas ({ $reason }). Ladda upp ett nytt porträtt:

    { $link }

order-corrected-subject = Din kortbeställning har rättats
order-corrected-body =
    { $company } har rättat din kortbeställning. Kontrollera den igen och godkänn den:

    { $link }

order-needs-correction-subject = En kortbeställning behöver rättas
order-needs-correction-body =
    Beställningen för { $worker } stämmer inte med det kontrollerade passet eller ID-kortet ({ $fields }). Kortet tillverkas inte förrän du har rättat beställningen:

    { $link }

order-rejected-subject = En kortbeställning avvisades av arbetstagaren
order-rejected-body = { $worker } avvisade kortbeställningen. Angivet skäl: { $reason }

order-confirmed-subject = Ditt kort kommer att tillverkas
order-confirmed-body = Tack. Dina uppgifter stämmer med ditt pass eller ID-kort och kortet som { $company } beställt tillverkas nu. Det skickas till adressen som ditt företag valt.

card-shipped-subject = Ditt kort har skickats
card-shipped-body = Ditt Sitecard ID-kort är på väg (spårning: { $tracking }). När du har fått det, logga in och aktivera det genom att skriva in kortnumret.

production-failed-subject = Ett kort kunde inte tillverkas
production-failed-body = Kortet för { $worker } kunde inte tillverkas. Skäl: { $reason }. Beställ ett nytt kort.

## Cards

card-activated-subject = Ditt kort är aktiverat
card-activated-body = Ditt Sitecard ID-kort { $card } är nu aktivt. Håll din PIN-kod hemlig. Om du tappar kortet, anmäl det förlorat direkt.

card-blocked-subject = Ett kort har spärrats
card-blocked-body = Sitecard ID-kortet { $card } har spärrats ({ $reason }). Det fungerar inte på någon arbetsplats förrän spärren hävs.

card-unblocked-subject = Ditt kort fungerar igen
card-unblocked-body = Spärren på ditt Sitecard ID-kort { $card } har hävts.

card-terminated-subject = Ditt kort har avslutats
card-terminated-body = Sitecard ID-kortet { $card } har avslutats ({ $reason }) och kan inte längre användas.

## Order fields named in emails (a card order that does not match the document)

field-given_names = förnamn
field-surname = efternamn
field-date_of_birth = födelsedatum
field-nationality = medborgarskap

card-expired-subject = Ditt kort har gått ut
card-expired-body = Sitecard ID-kortet { $card } har passerat sin sista giltighetsdag och har gått ut. Det fungerar inte längre på någon arbetsplats; be ditt företag förnya det.

card-expires-soon-subject = Ditt kort går ut { $date }
card-expires-soon-body = Sitecard ID-kortet { $card } gäller till och med { $date }. Be ditt företag förnya det i tid så att du kan fortsätta arbeta på plats.
