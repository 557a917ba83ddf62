### Sitecard emails and SMS, Lithuanian.

## Account and sign-in

registration-link-subject = Susikurkite Sitecard paskyrą
registration-link-body =
    Jūsų tapatybė patikrinta. Susikurkite Sitecard paskyrą čia (nuoroda galioja 7 dienas, vieną kartą):

    { $link }

    Jei jūsų tapatybė nebuvo tikrinama, nekreipkite dėmesio į šį laišką.

invitation-subject = Kvietimas į Sitecard
invitation-body =
    Jums suteikta prieiga prie Sitecard. Nustatykite slaptažodį čia (nuoroda galioja 7 dienas, vieną kartą):

    { $link }

login-code-sms = Sitecard prisijungimo kodas: { $code }. Galioja 5 minutes. Niekam jo nesakykite.

phone-code-sms = Sitecard kodas šiam telefonui patvirtinti: { $code }. Galioja 5 minutes.

password-reset-link-subject = Atkurkite Sitecard slaptažodį
password-reset-link-body =
    Kažkas paprašė atkurti jūsų Sitecard paskyros slaptažodį. Jei tai buvote jūs, atidarykite šią nuorodą per valandą:

    { $link }

    Jei tai buvote ne jūs, nekreipkite dėmesio į šį laišką: jūsų slaptažodis nepasikeis.

password-reset-code-sms = Sitecard kodas slaptažodžiui pakeisti: { $code }. Galioja 5 minutes.

password-changed-subject = Jūsų Sitecard slaptažodis pakeistas
password-changed-body = Jūsų Sitecard paskyros slaptažodis pakeistas, ir visuose įrenginiuose jūs buvote atjungti nuo paskyros. Jei tai buvote ne jūs, nedelsdami susisiekite su savo įmone arba tapatybės tikrinimo biuru.

second-factor-reset-subject = Jūsų Sitecard telefono numeris pakeistas
second-factor-reset-body = Po tapatybės patikrinimo vietoje jūsų Sitecard paskyros telefono numeris pakeistas, o autentifikavimo programėlė (jei buvo) pašalinta. Visuose įrenginiuose jūs buvote atjungti nuo paskyros.

second-factor-locked-subject = Sitecard prisijungimo kodai laikinai sustabdyti
second-factor-locked-body = Kažkas daug kartų iš eilės įvedė neteisingą jūsų Sitecard paskyros prisijungimo kodą, todėl vieną valandą kodai nepriimami. Jei tai buvote ne jūs, dabar pat pakeiskite slaptažodį. Jei negalite prisijungti, atvykite į tapatybės tikrinimo biurą su pasu arba asmens tapatybės kortele.

phone-replaced-sms = Sitecard: šis numeris pašalintas iš jūsų paskyros po tapatybės patikrinimo. Jei tai ne jūs, nedelsdami susisiekite su savo įmone.

# $change: app-added, app-removed or phone-changed
sign-in-changed-subject = Pakeistas prisijungimas prie Sitecard
sign-in-changed-body =
    { $change ->
        [app-added] Prie jūsų Sitecard paskyros pridėta autentifikavimo programėlė. Prisijungimo kodai dabar gaunami programėlėje.
        [app-removed] Iš jūsų Sitecard paskyros pašalinta autentifikavimo programėlė. Prisijungimo kodai dabar siunčiami SMS žinute.
       *[phone-changed] Pakeistas jūsų Sitecard paskyros mobiliojo telefono numeris.
    } Jei tai buvote ne jūs, dabar pat pakeiskite slaptažodį ir susisiekite su savo įmone arba atvykite į tapatybės tikrinimo biurą su pasu ar asmens tapatybės kortele.

# By SMS to the phone the account used before the change.
sign-in-changed-sms =
    { $change ->
        [app-added] Sitecard: prie jūsų paskyros pridėta autentifikavimo programėlė. Jei tai ne jūs, nedelsdami susisiekite su savo įmone.
        [app-removed] Sitecard: iš jūsų paskyros pašalinta autentifikavimo programėlė. Jei tai ne jūs, nedelsdami susisiekite su savo įmone.
       *[phone-changed] Sitecard: jūsų paskyra dabar naudoja kitą telefono numerį. Jei tai ne jūs, nedelsdami susisiekite su savo įmone.
    }

## Card orders

card-ordered-subject = Jums užsakyta statybvietės kortelė
card-ordered-body =
    Įmonė { $company } užsakė jums Sitecard kortelę. Prisijunkite, patikrinkite savo duomenis ir patvirtinkite užsakymą:

    { $link }

    Jei dar neturite paskyros, atvykite į tapatybės tikrinimo biurą su pasu arba asmens tapatybės kortele.

order-ready-subject = Patikrinkite ir patvirtinkite kortelės užsakymą
order-ready-body =
    Jūsų kortelės užsakymas iš įmonės { $company } paruoštas. Prisijunkite, patikrinkite savo duomenis ir jį patvirtinkite:

    { $link }

photo-rejected-subject = Kortelės nuotrauka atmesta
photo-rejected-body =
    Darbuotojo { $worker } nuotraukos negalima naudoti ({ $reason }). Įkelkite naują portretinę nuotrauką:

    { $link }

order-corrected-subject = Jūsų kortelės užsakymas pataisytas
order-corrected-body =
    Įmonė { $company } pataisė jūsų kortelės užsakymą. Dar kartą jį patikrinkite ir patvirtinkite:

    { $link }

order-needs-correction-subject = Kortelės užsakymą reikia pataisyti
order-needs-correction-body =
    Darbuotojo { $worker } užsakymas nesutampa su patikrintu pasu ar asmens tapatybės kortele ({ $fields }). Kortelė nebus pagaminta, kol nepataisysite užsakymo:

    { $link }

order-rejected-subject = Darbuotojas atmetė kortelės užsakymą
order-rejected-body = Darbuotojas { $worker } atmetė kortelės užsakymą. Nurodyta priežastis: { $reason }

order-confirmed-subject = Jūsų kortelė bus pagaminta
order-confirmed-body = Ačiū. Jūsų duomenys sutampa su pasu ar asmens tapatybės kortele, o įmonės { $company } užsakyta kortelė jau gaminama. Ji bus išsiųsta jūsų įmonės pasirinktu adresu.

card-shipped-subject = Jūsų kortelė išsiųsta
card-shipped-body = Jūsų Sitecard kortelė jau pakeliui (siuntos numeris: { $tracking }). Kai ją gausite, prisijunkite ir aktyvuokite ją įvesdami kortelės numerį.

production-failed-subject = Kortelės nepavyko pagaminti
production-failed-body = Darbuotojo { $worker } kortelės nepavyko pagaminti. Priežastis: { $reason }. Užsakykite naują kortelę.

## Cards

card-activated-subject = Jūsų kortelė aktyvi
card-activated-body = Jūsų Sitecard kortelė { $card } dabar aktyvi. Niekam nesakykite savo PIN kodo. Jei pamesite kortelę, nedelsdami praneškite apie tai.

card-blocked-subject = Kortelė užblokuota
card-blocked-body = Sitecard kortelė { $card } užblokuota ({ $reason }). Ji neveiks jokioje statybvietėje, kol nebus atblokuota.

card-unblocked-subject = Jūsų kortelė vėl veikia
card-unblocked-body = Jūsų Sitecard kortelės { $card } blokavimas panaikintas.

card-terminated-subject = Jūsų kortelė panaikinta
card-terminated-body = Sitecard kortelė { $card } panaikinta ({ $reason }). Jos nebegalima naudoti.

## Order fields named in emails (a card order that does not match the document)

field-given_names = vardai
field-surname = pavardė
field-date_of_birth = gimimo data
field-nationality = pilietybė

card-expired-subject = Jūsų kortelės galiojimas baigėsi
card-expired-body = Sitecard kortelės { $card } galiojimas baigėsi. Ji nebeatidaro jokio objekto; paprašykite savo įmonės ją atnaujinti.

card-expires-soon-subject = Jūsų kortelė galioja iki { $date }
card-expires-soon-body = Sitecard kortelė { $card } galioja iki { $date }. Paprašykite įmonės ją laiku atnaujinti, kad galėtumėte toliau dirbti objekte.
