### Sitecard emails and SMS, Romanian.

## Account and sign-in

registration-link-subject = Creați-vă contul Sitecard
registration-link-body =
    Identitatea dumneavoastră a fost verificată. Creați-vă contul Sitecard aici (linkul este valabil 7 zile, o singură dată):

    { $link }

    Dacă nu ați fost la o verificare a identității, ignorați acest e-mail.

invitation-subject = Invitație la Sitecard
invitation-body =
    Ați primit acces la Sitecard. Setați-vă parola aici (linkul este valabil 7 zile, o singură dată):

    { $link }

login-code-sms = Cod de conectare Sitecard: { $code }. Valabil 5 min. Nu-l dați nimănui.

phone-code-sms = Codul Sitecard pentru confirmarea acestui telefon este { $code }. Este valabil 5 minute.

password-reset-link-subject = Resetați parola Sitecard
password-reset-link-body =
    Cineva a cerut resetarea parolei contului dumneavoastră Sitecard. Dacă ați fost dumneavoastră, deschideți acest link în decurs de o oră:

    { $link }

    Dacă nu ați fost dumneavoastră, ignorați acest e-mail: parola rămâne aceeași.

password-reset-code-sms = Codul Sitecard pentru schimbarea parolei este { $code }. Este valabil 5 minute.

password-changed-subject = Parola Sitecard a fost schimbată
password-changed-body = Parola contului dumneavoastră Sitecard a fost schimbată, iar contul a fost deconectat de pe toate dispozitivele. Dacă nu ați fost dumneavoastră, contactați imediat firma sau un birou de verificare a identității.

second-factor-reset-subject = Numărul de telefon Sitecard a fost schimbat
second-factor-reset-body = După o verificare a identității în persoană, numărul de telefon al contului dumneavoastră Sitecard a fost schimbat, iar aplicația de autentificare (dacă exista) a fost ștearsă. Contul a fost deconectat de pe toate dispozitivele.

second-factor-locked-subject = Codurile de conectare Sitecard sunt blocate temporar
second-factor-locked-body = Cineva a introdus de multe ori la rând coduri de conectare greșite pentru contul dumneavoastră Sitecard, așa că timp de o oră codurile nu sunt acceptate. Dacă nu ați fost dumneavoastră, schimbați parola acum. Dacă nu vă puteți conecta, mergeți cu pașaportul sau cartea de identitate la un birou de verificare a identității.

phone-replaced-sms = Sitecard: acest număr a fost scos din contul dvs. după verificarea identității. Dacă nu ați fost dvs., contactați imediat firma.

# $change: app-added, app-removed or phone-changed
sign-in-changed-subject = Conectarea la contul Sitecard a fost schimbată
sign-in-changed-body =
    { $change ->
        [app-added] La contul dumneavoastră Sitecard a fost adăugată o aplicație de autentificare. Codurile de conectare vin acum din aplicație.
        [app-removed] Aplicația de autentificare a fost ștearsă din contul dumneavoastră Sitecard. Codurile de conectare vin acum prin SMS.
       *[phone-changed] Numărul de mobil al contului dumneavoastră Sitecard a fost schimbat.
    } Dacă nu ați fost dumneavoastră, schimbați parola acum și contactați firma sau mergeți cu pașaportul sau cartea de identitate la un birou de verificare a identității.

# By SMS to the phone the account used before the change.
sign-in-changed-sms =
    { $change ->
        [app-added] Sitecard: la contul dvs. a fost adăugată o aplicație de autentificare. Dacă nu ați fost dvs., contactați imediat firma.
        [app-removed] Sitecard: aplicația de autentificare a fost ștearsă din contul dvs. Dacă nu ați fost dvs., contactați imediat firma.
       *[phone-changed] Sitecard: contul dvs. folosește acum alt număr de telefon. Dacă nu ați fost dvs., contactați imediat firma.
    }

## Card orders

card-ordered-subject = Vi s-a comandat un card de șantier
card-ordered-body =
    Firma { $company } v-a comandat un card Sitecard. Conectați-vă, verificați-vă datele și acceptați comanda:

    { $link }

    Dacă nu aveți încă un cont, mergeți cu pașaportul sau cartea de identitate la un birou de verificare a identității.

order-ready-subject = Verificați și acceptați comanda de card
order-ready-body =
    Comanda de card de la firma { $company } este gata. Conectați-vă, verificați-vă datele și acceptați comanda:

    { $link }

photo-rejected-subject = O fotografie pentru card a fost respinsă
photo-rejected-body =
    Fotografia pentru { $worker } nu poate fi folosită ({ $reason }). Vă rugăm să încărcați o fotografie nouă tip portret:

    { $link }

order-corrected-subject = Comanda de card a fost corectată
order-corrected-body =
    Firma { $company } a corectat comanda cardului dumneavoastră. Vă rugăm să o verificați din nou și să o acceptați:

    { $link }

order-needs-correction-subject = O comandă de card trebuie corectată
order-needs-correction-body =
    Comanda pentru { $worker } nu corespunde cu pașaportul sau actul de identitate verificat ({ $fields }). Cardul nu va fi produs până nu corectați comanda:

    { $link }

order-rejected-subject = Un lucrător a respins comanda de card
order-rejected-body = { $worker } a respins comanda de card. Motivul indicat: { $reason }

order-confirmed-subject = Cardul dumneavoastră va fi produs
order-confirmed-body = Vă mulțumim. Datele dumneavoastră corespund cu pașaportul sau actul de identitate, iar cardul comandat de firma { $company } este acum în producție. Va fi trimis la adresa aleasă de firma dumneavoastră.

card-shipped-subject = Cardul dumneavoastră a fost trimis
card-shipped-body = Cardul dumneavoastră Sitecard este pe drum (număr de urmărire: { $tracking }). Când îl primiți, conectați-vă și activați-l introducând numărul cardului.

production-failed-subject = Un card nu a putut fi produs
production-failed-body = Cardul pentru { $worker } nu a putut fi produs. Motiv: { $reason }. Vă rugăm să comandați un card nou.

## Cards

card-activated-subject = Cardul dumneavoastră este activ
card-activated-body = Cardul dumneavoastră Sitecard { $card } este acum activ. Păstrați PIN-ul secret. Dacă pierdeți cardul, anunțați imediat pierderea.

card-blocked-subject = Un card a fost blocat
card-blocked-body = Cardul Sitecard { $card } a fost blocat ({ $reason }). Nu funcționează pe niciun șantier până nu este deblocat.

card-unblocked-subject = Cardul dumneavoastră funcționează din nou
card-unblocked-body = Blocarea cardului dumneavoastră Sitecard { $card } a fost ridicată.

card-terminated-subject = Cardul dumneavoastră a fost anulat
card-terminated-body = Cardul Sitecard { $card } a fost anulat ({ $reason }) și nu mai poate fi folosit.

## Order fields named in emails (a card order that does not match the document)

field-given_names = prenume
field-surname = nume de familie
field-date_of_birth = data nașterii
field-nationality = cetățenie

card-expired-subject = Cardul dumneavoastră a expirat
card-expired-body = Cardul Sitecard { $card } a depășit ultima zi de valabilitate și a expirat. Nu mai deschide niciun șantier; cereți firmei să îl reînnoiască.

card-expires-soon-subject = Cardul dumneavoastră expiră la { $date }
card-expires-soon-body = Cardul Sitecard { $card } este valabil până la { $date }. Cereți firmei să îl reînnoiască la timp, ca să puteți lucra în continuare pe șantier.
