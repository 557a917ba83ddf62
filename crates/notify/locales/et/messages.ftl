### Sitecard emails and SMS, Estonian.

## Account and sign-in

registration-link-subject = Looge oma Sitecardi konto
registration-link-body =
    Teie isik on tuvastatud. Looge oma Sitecardi konto siin (link kehtib 7 päeva, ühe korra):

    { $link }

    Kui te ei käinud isikutuvastusel, jätke see e-kiri tähelepanuta.

invitation-subject = Kutse Sitecardi
invitation-body =
    Teile on antud ligipääs Sitecardile. Määrake siin oma parool (link kehtib 7 päeva, ühe korra):

    { $link }

login-code-sms = Teie Sitecardi sisselogimiskood on { $code }. See kehtib 5 minutit. Ärge andke seda kellelegi.

phone-code-sms = Teie Sitecardi kood selle telefoni kinnitamiseks on { $code }. See kehtib 5 minutit.

password-reset-link-subject = Taastage oma Sitecardi parool
password-reset-link-body =
    Keegi palus taastada teie Sitecardi konto parooli. Kui see olite teie, avage see link ühe tunni jooksul:

    { $link }

    Kui see polnud teie, jätke see e-kiri tähelepanuta: teie parool jääb samaks.

password-reset-code-sms = Teie Sitecardi kood parooli muutmiseks on { $code }. See kehtib 5 minutit.

password-changed-subject = Teie Sitecardi parool muudeti
password-changed-body = Teie Sitecardi konto parool muudeti ja teid logiti kõikjal välja. Kui see polnud teie, võtke kohe ühendust oma ettevõtte või isikutuvastuspunktiga.

second-factor-reset-subject = Teie Sitecardi telefoninumber muudeti
second-factor-reset-body = Pärast kohapealset isikutuvastust muudeti teie Sitecardi konto telefoninumber ja eemaldati autentimisrakendus, kui see oli. Teid logiti kõikjal välja.

second-factor-locked-subject = Teie Sitecardi konto sisselogimiskoodid on peatatud
second-factor-locked-body = Keegi sisestas teie Sitecardi kontole mitu korda järjest vale sisselogimiskoodi, seega ühe tunni jooksul koode vastu ei võeta. Kui see polnud teie, muutke kohe oma parooli. Kui te ei saa sisse logida, minge passi või ID-kaardiga isikutuvastuspunkti.

phone-replaced-sms = Sitecard: see telefoninumber eemaldati pärast kohapealset isikutuvastust teie kontolt. Kui see polnud teie, teatage kohe oma firmale.

# $change: app-added, app-removed or phone-changed
sign-in-changed-subject = Teie Sitecardi sisselogimisviis muutus
sign-in-changed-body =
    { $change ->
        [app-added] Teie Sitecardi kontole lisati autentimisrakendus. Sisselogimiskoodid tulevad nüüd rakendusest.
        [app-removed] Teie Sitecardi kontolt eemaldati autentimisrakendus. Sisselogimiskoodid tulevad nüüd SMS-iga.
       *[phone-changed] Teie Sitecardi konto mobiilinumber muudeti.
    } Kui see polnud teie, muutke kohe parooli ja võtke ühendust oma ettevõttega või minge passi või ID-kaardiga isikutuvastuspunkti.

# By SMS to the phone the account used before the change.
sign-in-changed-sms =
    { $change ->
        [app-added] Sitecard: teie kontole lisati autentimisrakendus. Kui see polnud teie, teatage kohe oma firmale.
        [app-removed] Sitecard: teie kontolt eemaldati autentimisrakendus. Kui see polnud teie, teatage kohe oma firmale.
       *[phone-changed] Sitecard: teie konto kasutab nüüd teist telefoninumbrit. Kui see polnud teie, teatage kohe oma firmale.
    }

## Card orders

card-ordered-subject = Teile telliti ehitusplatsi kaart
card-ordered-body =
    { $company } tellis teile Sitecardi kaardi. Logige sisse, kontrollige oma andmeid ja kinnitage tellimus:

    { $link }

    Kui teil pole veel kontot, tulge passi või ID-kaardiga isikutuvastuspunkti.

order-ready-subject = Kontrollige ja kinnitage oma kaarditellimus
order-ready-body =
    Teie kaarditellimus ettevõttelt { $company } on valmis. Logige sisse, kontrollige oma andmeid ja kinnitage tellimus:

    { $link }

photo-rejected-subject = Kaardi foto lükati tagasi
photo-rejected-body =
    Töötaja { $worker } fotot ei saa kasutada ({ $reason }). Palun laadige üles uus portreefoto:

    { $link }

order-corrected-subject = Teie kaarditellimus parandati
order-corrected-body =
    { $company } parandas teie kaarditellimuse. Palun kontrollige seda uuesti ja kinnitage:

    { $link }

order-needs-correction-subject = Kaarditellimus vajab parandamist
order-needs-correction-body =
    Töötaja { $worker } tellimus ei vasta kontrollitud passile või ID-kaardile ({ $fields }). Kaarti ei valmistata enne, kui olete tellimuse parandanud:

    { $link }

order-rejected-subject = Töötaja lükkas kaarditellimuse tagasi
order-rejected-body = { $worker } lükkas kaarditellimuse tagasi. Töötaja põhjendus: { $reason }

order-confirmed-subject = Teie kaart valmistatakse
order-confirmed-body = Aitäh. Teie andmed vastavad teie passile või ID-kaardile ja ettevõtte { $company } tellitud kaarti valmistatakse nüüd. See saadetakse aadressile, mille teie ettevõte valis.

card-shipped-subject = Teie kaart on teele saadetud
card-shipped-body = Teie Sitecardi kaart on teel (saadetise number: { $tracking }). Kui olete selle kätte saanud, logige sisse ja aktiveerige see, sisestades kaardi numbri.

production-failed-subject = Kaarti ei õnnestunud valmistada
production-failed-body = Töötaja { $worker } kaarti ei õnnestunud valmistada. Põhjus: { $reason }. Palun tellige uus kaart.

## Cards

card-activated-subject = Teie kaart on aktiivne
card-activated-body = Teie Sitecardi kaart { $card } on nüüd aktiivne. Hoidke oma PIN-kood salajas. Kui kaotate kaardi, teatage kaotusest kohe.

card-blocked-subject = Kaart blokeeriti
card-blocked-body = Sitecardi kaart { $card } blokeeriti ({ $reason }). See ei tööta üheski ehitusplatsil, kuni blokeering eemaldatakse.

card-unblocked-subject = Teie kaart töötab jälle
card-unblocked-body = Teie Sitecardi kaardi { $card } blokeering eemaldati.

card-terminated-subject = Teie kaart tühistati
card-terminated-body = Sitecardi kaart { $card } tühistati ({ $reason }) ja seda ei saa enam kasutada.

## Order fields named in emails (a card order that does not match the document)

field-given_names = eesnimed
field-surname = perekonnanimi
field-date_of_birth = sünniaeg
field-nationality = kodakondsus

card-expired-subject = Teie kaart on aegunud
card-expired-body = Sitecardi kaart { $card } on ületanud viimase kehtivuspäeva ja aegunud. See ei ava enam ühtegi objekti; paluge oma ettevõttel see uuendada.

card-expires-soon-subject = Teie kaart aegub { $date }
card-expires-soon-body = Sitecardi kaart { $card } kehtib kuni { $date }. Paluge oma ettevõttel see aegsasti uuendada, et saaksite objektil edasi töötada.
