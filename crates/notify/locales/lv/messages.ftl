### Sitecard emails and SMS, Latvian.

## Account and sign-in

registration-link-subject = Izveidojiet savu Sitecard kontu
registration-link-body =
    Jūsu identitāte ir pārbaudīta. Izveidojiet savu Sitecard kontu šeit (saite derīga 7 dienas, vienu reizi):

    { $link }

    Ja jūsu identitāte netika pārbaudīta, neņemiet vērā šo e-pastu.

invitation-subject = Ielūgums uz Sitecard
invitation-body =
    Jums ir piešķirta piekļuve Sitecard. Iestatiet savu paroli šeit (saite derīga 7 dienas, vienu reizi):

    { $link }

login-code-sms = Sitecard pieteikšanās kods: { $code }. Derīgs 5 minūtes. Neizpaudiet to.

phone-code-sms = Sitecard kods tālruņa apstiprināšanai: { $code }. Derīgs 5 minūtes.

password-reset-link-subject = Atjaunojiet Sitecard paroli
password-reset-link-body =
    Kāds lūdza atjaunot jūsu Sitecard konta paroli. Ja to lūdzāt jūs, atveriet šo saiti stundas laikā:

    { $link }

    Ja jūs to nelūdzāt, neņemiet vērā šo e-pastu: jūsu parole nemainīsies.

password-reset-code-sms = Sitecard kods paroles maiņai: { $code }. Derīgs 5 minūtes.

password-changed-subject = Jūsu Sitecard parole ir nomainīta
password-changed-body = Jūsu Sitecard konta parole ir nomainīta, un visās ierīcēs ir veikta izrakstīšanās. Ja to nedarījāt jūs, nekavējoties sazinieties ar savu uzņēmumu vai identitātes pārbaudes biroju.

second-factor-reset-subject = Jūsu Sitecard tālruņa numurs ir nomainīts
second-factor-reset-body = Pēc klātienes identitātes pārbaudes jūsu Sitecard konta tālruņa numurs ir nomainīts un autentifikācijas lietotne (ja tāda bija) ir noņemta. Visās ierīcēs ir veikta izrakstīšanās.

second-factor-locked-subject = Sitecard pieteikšanās kodi uz laiku apturēti
second-factor-locked-body = Kāds daudz reižu pēc kārtas ievadīja nepareizu jūsu Sitecard konta pieteikšanās kodu, tāpēc vienu stundu kodi netiek pieņemti. Ja to nedarījāt jūs, tūlīt nomainiet paroli. Ja nevarat pieteikties, ierodieties identitātes pārbaudes birojā ar pasi vai personas apliecību.

phone-replaced-sms = Sitecard: šis numurs pēc identitātes pārbaudes noņemts no jūsu konta. Ja to nedarījāt jūs, nekavējoties sazinieties ar savu uzņēmumu.

# $change: app-added, app-removed or phone-changed
sign-in-changed-subject = Jūsu Sitecard pieteikšanās ir mainīta
sign-in-changed-body =
    { $change ->
        [app-added] Jūsu Sitecard kontam pievienota autentifikācijas lietotne. Pieteikšanās kodi tagad nāk no lietotnes.
        [app-removed] No jūsu Sitecard konta noņemta autentifikācijas lietotne. Pieteikšanās kodi tagad nāk īsziņā.
       *[phone-changed] Jūsu Sitecard konta mobilā tālruņa numurs ir nomainīts.
    } Ja to nedarījāt jūs, tūlīt nomainiet paroli un sazinieties ar savu uzņēmumu vai ierodieties identitātes pārbaudes birojā ar pasi vai personas apliecību.

# By SMS to the phone the account used before the change.
sign-in-changed-sms =
    { $change ->
        [app-added] Sitecard: jūsu kontam pievienota autentifikācijas lietotne. Ja to nedarījāt jūs, nekavējoties sazinieties ar savu uzņēmumu.
        [app-removed] Sitecard: no jūsu konta noņemta autentifikācijas lietotne. Ja to nedarījāt jūs, nekavējoties sazinieties ar savu uzņēmumu.
       *[phone-changed] Sitecard: jūsu konts tagad izmanto citu tālruņa numuru. Ja to nedarījāt jūs, nekavējoties sazinieties ar savu uzņēmumu.
    }

## Card orders

card-ordered-subject = Jums pasūtīta būvlaukuma karte
card-ordered-body =
    Uzņēmums { $company } jums pasūtīja Sitecard karti. Piesakieties, pārbaudiet savus datus un apstipriniet pasūtījumu:

    { $link }

    Ja jums vēl nav konta, ierodieties identitātes pārbaudes birojā ar pasi vai personas apliecību.

order-ready-subject = Pārbaudiet un apstipriniet kartes pasūtījumu
order-ready-body =
    Jūsu kartes pasūtījums no uzņēmuma { $company } ir gatavs. Piesakieties, pārbaudiet savus datus un apstipriniet to:

    { $link }

photo-rejected-subject = Kartes foto noraidīts
photo-rejected-body =
    Darbinieka { $worker } foto nevar izmantot ({ $reason }). Lūdzu, augšupielādējiet jaunu portreta foto:

    { $link }

order-corrected-subject = Jūsu kartes pasūtījums ir labots
order-corrected-body =
    Uzņēmums { $company } izlaboja jūsu kartes pasūtījumu. Lūdzu, pārbaudiet to vēlreiz un apstipriniet:

    { $link }

order-needs-correction-subject = Kartes pasūtījums jālabo
order-needs-correction-body =
    Darbinieka { $worker } pasūtījums nesakrīt ar pārbaudīto pasi vai personas apliecību ({ $fields }). Karte netiks izgatavota, kamēr neizlabosiet pasūtījumu:

    { $link }

order-rejected-subject = Darbinieks noraidīja kartes pasūtījumu
order-rejected-body = Darbinieks { $worker } noraidīja kartes pasūtījumu. Norādītais iemesls: { $reason }

order-confirmed-subject = Jūsu karte tiks izgatavota
order-confirmed-body = Paldies. Jūsu dati sakrīt ar pasi vai personas apliecību, un uzņēmuma { $company } pasūtītā karte tagad tiek izgatavota. To nosūtīs uz adresi, ko izvēlējās jūsu uzņēmums.

card-shipped-subject = Jūsu karte ir nosūtīta
card-shipped-body = Jūsu Sitecard karte ir ceļā (sūtījuma numurs: { $tracking }). Kad to saņemsiet, piesakieties un aktivizējiet to, ievadot kartes numuru.

production-failed-subject = Karti neizdevās izgatavot
production-failed-body = Darbinieka { $worker } karti neizdevās izgatavot. Iemesls: { $reason }. Lūdzu, pasūtiet jaunu karti.

## Cards

card-activated-subject = Jūsu karte ir aktīva
card-activated-body = Jūsu Sitecard karte { $card } tagad ir aktīva. Nevienam nesakiet savu PIN kodu. Ja pazaudēsiet karti, nekavējoties ziņojiet par to.

card-blocked-subject = Karte ir bloķēta
card-blocked-body = Sitecard karte { $card } ir bloķēta ({ $reason }). Tā nedarbojas nevienā būvlaukumā, kamēr nav atbloķēta.

card-unblocked-subject = Jūsu karte atkal darbojas
card-unblocked-body = Jūsu Sitecard kartes { $card } bloķēšana ir atcelta.

card-terminated-subject = Jūsu karte ir anulēta
card-terminated-body = Sitecard karte { $card } ir anulēta ({ $reason }), un to vairs nevar izmantot.

## Order fields named in emails (a card order that does not match the document)

field-given_names = vārdi
field-surname = uzvārds
field-date_of_birth = dzimšanas datums
field-nationality = pilsonība

card-expired-subject = Jūsu kartes derīgums ir beidzies
card-expired-body = Sitecard kartes { $card } derīguma termiņš ir beidzies. Tā vairs neatver nevienu objektu; lūdziet uzņēmumam to atjaunot.

card-expires-soon-subject = Jūsu karte ir derīga līdz { $date }
card-expires-soon-body = Sitecard karte { $card } ir derīga līdz { $date }. Lūdziet uzņēmumam to laikus atjaunot, lai jūs varētu turpināt strādāt objektā.
