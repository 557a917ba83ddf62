//! What we tell people, in English, Swedish and Polish. One variant per message; texts are plain and short
//! because many readers use a second language.

use sitecard_domain::Language;
use sitecard_persistence::outbox::{self, NewMessage};
use sitecard_persistence::{ConnectionTrait, DbError};

/// A change to how an account signs in, which its owner is always told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInChange {
    AppAdded,
    AppRemoved,
    PhoneChanged,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// After an in-person identity check: create your account.
    RegistrationLink {
        link: String,
    },
    /// Staff invitation (company admin, verifier, operator): set your password.
    Invitation {
        link: String,
    },
    LoginCode {
        code: String,
    },
    /// Proves a phone number (registration or change).
    PhoneCode {
        code: String,
    },
    PasswordResetLink {
        link: String,
    },
    PasswordResetCode {
        code: String,
    },
    PasswordChanged,
    SecondFactorReset,
    /// Too many wrong sign-in codes in a row: codes are refused for a while.
    SecondFactorLocked,
    /// By SMS to the phone that was just replaced: the number no longer signs in to Sitecard.
    PhoneReplaced,
    /// To the account's email: how the account signs in changed.
    SignInChanged(SignInChange),
    /// By SMS to the phone the account used before the change.
    SignInChangedSms(SignInChange),
    /// To the worker: a company ordered a card.
    CardOrdered {
        company: String,
        link: String,
    },
    /// To the worker: the photo was approved; the order is ready to check and accept.
    OrderReady {
        company: String,
        link: String,
    },
    /// To the company's admins: the partner cannot use the photo.
    PhotoRejected {
        worker: String,
        reason: String,
        link: String,
    },
    /// To the worker: the company corrected the order; check it again.
    OrderCorrected {
        company: String,
        link: String,
    },
    /// To the company's admins: the order does not match the worker's passport.
    OrderNeedsCorrection {
        worker: String,
        fields: String,
        link: String,
    },
    /// To the company's admins: the worker rejected the order.
    OrderRejected {
        worker: String,
        reason: String,
    },
    /// To the worker: accepted, the card will be produced.
    OrderConfirmed {
        company: String,
    },
    /// To the worker.
    CardShipped {
        tracking: String,
    },
    /// To the company's admins.
    ProductionFailed {
        worker: String,
        reason: String,
    },
    /// To the worker.
    CardActivated {
        card: String,
    },
    /// To the worker and the company's admins.
    CardBlocked {
        card: String,
        reason: String,
    },
    /// To the worker.
    CardUnblocked {
        card: String,
    },
    /// To the worker.
    CardTerminated {
        card: String,
        reason: String,
    },
}

pub struct Rendered {
    pub channel: &'static str,
    pub subject: Option<String>,
    pub body: String,
    pub code: Option<String>,
    pub link: Option<String>,
}

fn email(subject: &str, body: String, link: Option<&String>) -> Rendered {
    Rendered { channel: "email", subject: Some(subject.to_owned()), body, code: None, link: link.cloned() }
}

fn sms(body: String, code: &str) -> Rendered {
    Rendered { channel: "sms", subject: None, body, code: Some(code.to_owned()), link: None }
}

/// An SMS that tells, carrying no code.
fn sms_notice(body: &str) -> Rendered {
    Rendered { channel: "sms", subject: None, body: body.to_owned(), code: None, link: None }
}

impl Message {
    pub fn render(&self, lang: Language) -> Rendered {
        use Language::*;
        match (self, lang) {
            (Self::RegistrationLink { link }, En) => email("Create your Sitecard account", format!("Your identity has been checked. Create your Sitecard account here (the link works for 7 days, once):\n\n{link}\n\nIf you did not visit an identity check, ignore this email."), Some(link)),
            (Self::RegistrationLink { link }, Sv) => email("Skapa ditt Sitecard-konto", format!("Din identitet har kontrollerats. Skapa ditt Sitecard-konto här (länken gäller i 7 dagar, en gång):\n\n{link}\n\nOm du inte har gjort en identitetskontroll kan du bortse från detta mejl."), Some(link)),
            (Self::RegistrationLink { link }, Pl) => email("Załóż konto Sitecard", format!("Twoja tożsamość została sprawdzona. Załóż konto Sitecard tutaj (link działa 7 dni, jeden raz):\n\n{link}\n\nJeśli nie byłeś na weryfikacji tożsamości, zignoruj tę wiadomość."), Some(link)),
            (Self::Invitation { link }, En) => email("You are invited to Sitecard", format!("You have been given access to Sitecard. Set your password here (the link works for 7 days, once):\n\n{link}"), Some(link)),
            (Self::Invitation { link }, Sv) => email("Du är inbjuden till Sitecard", format!("Du har fått tillgång till Sitecard. Välj ditt lösenord här (länken gäller i 7 dagar, en gång):\n\n{link}"), Some(link)),
            (Self::Invitation { link }, Pl) => email("Zaproszenie do Sitecard", format!("Otrzymałeś dostęp do Sitecard. Ustaw hasło tutaj (link działa 7 dni, jeden raz):\n\n{link}"), Some(link)),
            (Self::LoginCode { code }, En) => sms(format!("Your Sitecard login code is {code}. It is valid for 5 minutes. Never share it."), code),
            (Self::LoginCode { code }, Sv) => sms(format!("Din inloggningskod för Sitecard är {code}. Den gäller i 5 minuter. Dela den aldrig."), code),
            (Self::LoginCode { code }, Pl) => sms(format!("Twój kod logowania Sitecard to {code}. Jest ważny 5 minut. Nikomu go nie podawaj."), code),
            (Self::PhoneCode { code }, En) => sms(format!("Your Sitecard code to confirm this phone is {code}. It is valid for 5 minutes."), code),
            (Self::PhoneCode { code }, Sv) => sms(format!("Din Sitecard-kod för att bekräfta telefonen är {code}. Den gäller i 5 minuter."), code),
            (Self::PhoneCode { code }, Pl) => sms(format!("Twój kod Sitecard do potwierdzenia telefonu to {code}. Jest ważny 5 minut."), code),
            (Self::PasswordResetLink { link }, En) => email("Reset your Sitecard password", format!("Someone asked to reset the password of your Sitecard account. If it was you, open this link within one hour:\n\n{link}\n\nIf it was not you, ignore this email: your password stays the same."), Some(link)),
            (Self::PasswordResetLink { link }, Sv) => email("Återställ ditt Sitecard-lösenord", format!("Någon har bett om att återställa lösenordet till ditt Sitecard-konto. Om det var du, öppna länken inom en timme:\n\n{link}\n\nOm det inte var du kan du bortse från mejlet: ditt lösenord är oförändrat."), Some(link)),
            (Self::PasswordResetLink { link }, Pl) => email("Zresetuj hasło Sitecard", format!("Ktoś poprosił o zresetowanie hasła do Twojego konta Sitecard. Jeśli to Ty, otwórz ten link w ciągu godziny:\n\n{link}\n\nJeśli to nie Ty, zignoruj tę wiadomość: hasło się nie zmieni."), Some(link)),
            (Self::PasswordResetCode { code }, En) => sms(format!("Your Sitecard code to change your password is {code}. Valid for 5 minutes."), code),
            (Self::PasswordResetCode { code }, Sv) => sms(format!("Din Sitecard-kod för att byta lösenord är {code}. Gäller i 5 minuter."), code),
            (Self::PasswordResetCode { code }, Pl) => sms(format!("Twój kod Sitecard do zmiany hasła to {code}. Ważny 5 minut."), code),
            (Self::PasswordChanged, En) => email("Your Sitecard password was changed", "The password of your Sitecard account was changed and you were signed out everywhere. If this was not you, contact your company or an identity-verification office at once.".into(), None),
            (Self::PasswordChanged, Sv) => email("Ditt Sitecard-lösenord har bytts", "Lösenordet till ditt Sitecard-konto har bytts och du har loggats ut överallt. Om det inte var du, kontakta ditt företag eller ett kontrollkontor direkt.".into(), None),
            (Self::PasswordChanged, Pl) => email("Hasło Sitecard zostało zmienione", "Hasło do Twojego konta Sitecard zostało zmienione i wylogowano Cię wszędzie. Jeśli to nie Ty, natychmiast skontaktuj się z firmą lub biurem weryfikacji.".into(), None),
            (Self::SecondFactorReset, En) => email("Your Sitecard phone was changed", "After an in-person identity check, the phone number of your Sitecard account was changed and any authenticator app removed. You were signed out everywhere.".into(), None),
            (Self::SecondFactorReset, Sv) => email("Telefonnumret till ditt Sitecard-konto har ändrats", "Efter en identitetskontroll på plats har telefonnumret till ditt Sitecard-konto ändrats och eventuell autentiseringsapp tagits bort. Du har loggats ut överallt.".into(), None),
            (Self::CardOrdered { company, link }, En) => email("Your site ID card has been ordered", format!("{company} has ordered a Sitecard ID card for you. Sign in, check your details and accept the order:\n\n{link}\n\nIf you have no account yet, bring your passport or national ID card to an identity-verification office."), Some(link)),
            (Self::CardOrdered { company, link }, Sv) => email("Ditt ID-kort har beställts", format!("{company} har beställt ett Sitecard ID-kort åt dig. Logga in, kontrollera dina uppgifter och godkänn beställningen:\n\n{link}\n\nOm du inte har något konto ännu, ta med ditt pass eller nationella ID-kort till ett kontrollkontor."), Some(link)),
            (Self::CardOrdered { company, link }, Pl) => email("Zamówiono Twoją kartę identyfikacyjną", format!("{company} zamówiła dla Ciebie kartę identyfikacyjną Sitecard. Zaloguj się, sprawdź swoje dane i zaakceptuj zamówienie:\n\n{link}\n\nJeśli nie masz jeszcze konta, przyjdź z paszportem lub dowodem osobistym do biura weryfikacji."), Some(link)),
            (Self::OrderReady { company, link }, En) => email("Check and accept your card order", format!("Your card order from {company} is ready. Sign in, check your details and accept it:\n\n{link}"), Some(link)),
            (Self::OrderReady { company, link }, Sv) => email("Kontrollera och godkänn din kortbeställning", format!("Din kortbeställning från {company} är klar. Logga in, kontrollera dina uppgifter och godkänn den:\n\n{link}"), Some(link)),
            (Self::OrderReady { company, link }, Pl) => email("Sprawdź i zaakceptuj zamówienie karty", format!("Twoje zamówienie karty od {company} jest gotowe. Zaloguj się, sprawdź swoje dane i zaakceptuj je:\n\n{link}"), Some(link)),
            (Self::PhotoRejected { worker, reason, link }, En) => email("A card photo was rejected", format!("The photo for {worker} cannot be used ({reason}). Please upload a new portrait:\n\n{link}"), Some(link)),
            (Self::PhotoRejected { worker, reason, link }, Sv) => email("Ett kortfoto har underkänts", format!("Fotot för {worker} kan inte användas ({reason}). Ladda upp ett nytt porträtt:\n\n{link}"), Some(link)),
            (Self::PhotoRejected { worker, reason, link }, Pl) => email("Zdjęcie do karty zostało odrzucone", format!("Zdjęcia dla {worker} nie można użyć ({reason}). Prześlij nowe zdjęcie:\n\n{link}"), Some(link)),
            (Self::OrderCorrected { company, link }, En) => email("Your card order was corrected", format!("{company} has corrected your card order. Please check it again and accept it:\n\n{link}"), Some(link)),
            (Self::OrderCorrected { company, link }, Sv) => email("Din kortbeställning har rättats", format!("{company} har rättat din kortbeställning. Kontrollera den igen och godkänn den:\n\n{link}"), Some(link)),
            (Self::OrderCorrected { company, link }, Pl) => email("Twoje zamówienie karty zostało poprawione", format!("{company} poprawiła zamówienie Twojej karty. Sprawdź je ponownie i zaakceptuj:\n\n{link}"), Some(link)),
            (Self::OrderNeedsCorrection { worker, fields, link }, En) => email("A card order needs correction", format!("The order for {worker} does not match the verified passport or ID ({fields}). The card will not be produced until you correct the order:\n\n{link}"), Some(link)),
            (Self::OrderNeedsCorrection { worker, fields, link }, Sv) => email("En kortbeställning behöver rättas", format!("Beställningen för {worker} stämmer inte med det kontrollerade passet eller ID-kortet ({fields}). Kortet tillverkas inte förrän du har rättat beställningen:\n\n{link}"), Some(link)),
            (Self::OrderNeedsCorrection { worker, fields, link }, Pl) => email("Zamówienie karty wymaga poprawy", format!("Zamówienie dla {worker} nie zgadza się ze sprawdzonym paszportem lub dowodem ({fields}). Karta nie zostanie wyprodukowana, dopóki nie poprawisz zamówienia:\n\n{link}"), Some(link)),
            (Self::OrderRejected { worker, reason }, En) => email("A card order was rejected by the worker", format!("{worker} rejected the card order. Reason given: {reason}"), None),
            (Self::OrderRejected { worker, reason }, Sv) => email("En kortbeställning avvisades av arbetstagaren", format!("{worker} avvisade kortbeställningen. Angivet skäl: {reason}"), None),
            (Self::OrderRejected { worker, reason }, Pl) => email("Pracownik odrzucił zamówienie karty", format!("{worker} odrzucił(a) zamówienie karty. Podany powód: {reason}"), None),
            (Self::OrderConfirmed { company }, En) => email("Your card will be produced", format!("Thank you. Your details match your passport or ID, and the card ordered by {company} is now being produced. It will be sent to the address your company chose."), None),
            (Self::OrderConfirmed { company }, Sv) => email("Ditt kort kommer att tillverkas", format!("Tack. Dina uppgifter stämmer med ditt pass eller ID-kort och kortet som {company} beställt tillverkas nu. Det skickas till adressen som ditt företag valt."), None),
            (Self::OrderConfirmed { company }, Pl) => email("Twoja karta zostanie wyprodukowana", format!("Dziękujemy. Twoje dane zgadzają się z paszportem lub dowodem, a karta zamówiona przez {company} jest teraz produkowana. Zostanie wysłana na adres wybrany przez firmę."), None),
            (Self::CardShipped { tracking }, En) => email("Your card has been sent", format!("Your Sitecard ID card is on its way (tracking: {tracking}). When you have it, sign in and activate it by typing the card number."), None),
            (Self::CardShipped { tracking }, Sv) => email("Ditt kort har skickats", format!("Ditt Sitecard ID-kort är på väg (spårning: {tracking}). När du har fått det, logga in och aktivera det genom att skriva in kortnumret."), None),
            (Self::CardShipped { tracking }, Pl) => email("Twoja karta została wysłana", format!("Twoja karta Sitecard jest w drodze (numer przesyłki: {tracking}). Gdy ją otrzymasz, zaloguj się i aktywuj ją, wpisując numer karty."), None),
            (Self::ProductionFailed { worker, reason }, En) => email("A card could not be produced", format!("The card for {worker} could not be produced. Reason: {reason}. Please order a new card."), None),
            (Self::ProductionFailed { worker, reason }, Sv) => email("Ett kort kunde inte tillverkas", format!("Kortet för {worker} kunde inte tillverkas. Skäl: {reason}. Beställ ett nytt kort."), None),
            (Self::ProductionFailed { worker, reason }, Pl) => email("Nie udało się wyprodukować karty", format!("Nie udało się wyprodukować karty dla {worker}. Powód: {reason}. Zamów nową kartę."), None),
            (Self::CardActivated { card }, En) => email("Your card is active", format!("Your Sitecard ID card {card} is now active. Keep your PIN secret. If you lose the card, report it lost at once."), None),
            (Self::CardActivated { card }, Sv) => email("Ditt kort är aktiverat", format!("Ditt Sitecard ID-kort {card} är nu aktivt. Håll din PIN-kod hemlig. Om du tappar kortet, anmäl det förlorat direkt."), None),
            (Self::CardActivated { card }, Pl) => email("Twoja karta jest aktywna", format!("Twoja karta Sitecard {card} jest teraz aktywna. Nie zdradzaj nikomu PIN-u. Jeśli zgubisz kartę, natychmiast zgłoś jej utratę."), None),
            (Self::CardBlocked { card, reason }, En) => email("A card was blocked", format!("The Sitecard ID card {card} has been blocked ({reason}). It does not open any site until it is unblocked."), None),
            (Self::CardBlocked { card, reason }, Sv) => email("Ett kort har spärrats", format!("Sitecard ID-kortet {card} har spärrats ({reason}). Det fungerar inte på någon arbetsplats förrän spärren hävs."), None),
            (Self::CardBlocked { card, reason }, Pl) => email("Karta została zablokowana", format!("Karta Sitecard {card} została zablokowana ({reason}). Nie działa na żadnej budowie, dopóki nie zostanie odblokowana."), None),
            (Self::CardUnblocked { card }, En) => email("Your card works again", format!("The block on your Sitecard ID card {card} has been lifted."), None),
            (Self::CardUnblocked { card }, Sv) => email("Ditt kort fungerar igen", format!("Spärren på ditt Sitecard ID-kort {card} har hävts."), None),
            (Self::CardUnblocked { card }, Pl) => email("Twoja karta znów działa", format!("Blokada Twojej karty Sitecard {card} została zdjęta."), None),
            (Self::CardTerminated { card, reason }, En) => email("Your card was terminated", format!("The Sitecard ID card {card} has been terminated ({reason}) and can no longer be used."), None),
            (Self::CardTerminated { card, reason }, Sv) => email("Ditt kort har avslutats", format!("Sitecard ID-kortet {card} har avslutats ({reason}) och kan inte längre användas."), None),
            (Self::CardTerminated { card, reason }, Pl) => email("Twoja karta została unieważniona", format!("Karta Sitecard {card} została unieważniona ({reason}) i nie może być już używana."), None),
            (Self::SignInChanged(c), En) => email("Your Sitecard sign-in was changed", format!("{} If this was not you, change your password now and contact your company, or visit an identity-verification office with your passport or ID card.", match c {
                SignInChange::AppAdded => "An authenticator app was added to your Sitecard account. Sign-in codes now come from the app.",
                SignInChange::AppRemoved => "The authenticator app was removed from your Sitecard account. Sign-in codes now come by SMS.",
                SignInChange::PhoneChanged => "The mobile number of your Sitecard account was changed.",
            }), None),
            (Self::SignInChanged(c), Sv) => email("Inloggningen till ditt Sitecard-konto har ändrats", format!("{} Om det inte var du, byt lösenord nu och kontakta ditt företag, eller besök ett kontrollkontor med ditt pass eller ID-kort.", match c {
                SignInChange::AppAdded => "En autentiseringsapp har lagts till på ditt Sitecard-konto. Inloggningskoder kommer nu från appen.",
                SignInChange::AppRemoved => "Autentiseringsappen har tagits bort från ditt Sitecard-konto. Inloggningskoder kommer nu med sms.",
                SignInChange::PhoneChanged => "Mobilnumret till ditt Sitecard-konto har ändrats.",
            }), None),
            (Self::SignInChanged(c), Pl) => email("Zmieniono logowanie do konta Sitecard", format!("{} Jeśli to nie Ty, zmień teraz hasło i skontaktuj się z firmą albo przyjdź z paszportem lub dowodem osobistym do biura weryfikacji.", match c {
                SignInChange::AppAdded => "Do Twojego konta Sitecard dodano aplikację uwierzytelniającą. Kody logowania pochodzą teraz z aplikacji.",
                SignInChange::AppRemoved => "Z Twojego konta Sitecard usunięto aplikację uwierzytelniającą. Kody logowania przychodzą teraz SMS-em.",
                SignInChange::PhoneChanged => "Zmieniono numer telefonu Twojego konta Sitecard.",
            }), None),
            (Self::SignInChangedSms(c), En) => sms_notice(match c {
                SignInChange::AppAdded => "Sitecard: an authenticator app was added to your account. If this was not you, contact your company at once.",
                SignInChange::AppRemoved => "Sitecard: the authenticator app was removed from your account. If this was not you, contact your company at once.",
                SignInChange::PhoneChanged => "Sitecard: your account now uses another phone number. If this was not you, contact your company at once.",
            }),
            (Self::SignInChangedSms(c), Sv) => sms_notice(match c {
                SignInChange::AppAdded => "Sitecard: en autentiseringsapp har lagts till på ditt konto. Om det inte var du, kontakta ditt företag direkt.",
                SignInChange::AppRemoved => "Sitecard: autentiseringsappen har tagits bort från ditt konto. Om det inte var du, kontakta ditt företag direkt.",
                SignInChange::PhoneChanged => "Sitecard: ditt konto använder nu ett annat telefonnummer. Om det inte var du, kontakta ditt företag direkt.",
            }),
            (Self::SignInChangedSms(c), Pl) => sms_notice(match c {
                SignInChange::AppAdded => "Sitecard: do Twojego konta dodano aplikację uwierzytelniającą. Jeśli to nie Ty, natychmiast skontaktuj się z firmą.",
                SignInChange::AppRemoved => "Sitecard: z Twojego konta usunięto aplikację uwierzytelniającą. Jeśli to nie Ty, natychmiast skontaktuj się z firmą.",
                SignInChange::PhoneChanged => "Sitecard: Twoje konto używa teraz innego numeru telefonu. Jeśli to nie Ty, natychmiast skontaktuj się z firmą.",
            }),
            (Self::PhoneReplaced, En) => sms_notice("Sitecard: this phone number was removed from your account after an in-person identity check. If this was not you, contact your company at once."),
            (Self::PhoneReplaced, Sv) => sms_notice("Sitecard: det här telefonnumret har tagits bort från ditt konto efter en identitetskontroll på plats. Om det inte var du, kontakta ditt företag direkt."),
            (Self::PhoneReplaced, Pl) => sms_notice("Sitecard: ten numer telefonu usunięto z Twojego konta po osobistej weryfikacji tożsamości. Jeśli to nie Ty, natychmiast skontaktuj się z firmą."),
            (Self::SecondFactorLocked, En) => email("Sign-in codes paused on your Sitecard account", "Someone typed wrong sign-in codes for your Sitecard account many times in a row, so codes are refused for one hour. If this was not you, change your password now. If you cannot sign in, visit an identity-verification office with your passport or ID card.".into(), None),
            (Self::SecondFactorLocked, Sv) => email("Inloggningskoder pausade för ditt Sitecard-konto", "Någon skrev fel inloggningskod för ditt Sitecard-konto många gånger i rad, så koder tas inte emot på en timme. Om det inte var du, byt lösenord nu. Om du inte kan logga in, besök ett kontrollkontor med ditt pass eller ID-kort.".into(), None),
            (Self::SecondFactorLocked, Pl) => email("Kody logowania do konta Sitecard wstrzymane", "Ktoś wiele razy z rzędu wpisał błędny kod logowania do Twojego konta Sitecard, więc przez godzinę kody nie są przyjmowane. Jeśli to nie Ty, zmień teraz hasło. Jeśli nie możesz się zalogować, przyjdź z paszportem lub dowodem osobistym do biura weryfikacji.".into(), None),
            (Self::SecondFactorReset, Pl) => email("Zmieniono telefon w koncie Sitecard", "Po osobistej weryfikacji tożsamości zmieniono numer telefonu Twojego konta Sitecard i usunięto aplikację uwierzytelniającą. Wylogowano Cię wszędzie.".into(), None),
        }
    }
}

/// Writes the message to the outbox inside the caller's transaction.
pub async fn queue<C: ConnectionTrait>(conn: &C, to: &str, message: &Message, lang: Language) -> Result<(), DbError> {
    let r = message.render(lang);
    let mut payload = serde_json::Map::new();
    if let Some(code) = r.code {
        payload.insert("code".into(), code.into());
    }
    if let Some(link) = r.link {
        payload.insert("link".into(), link.into());
    }
    outbox::enqueue(
        conn,
        NewMessage {
            channel: r.channel,
            recipient: to.to_owned(),
            subject: r.subject,
            body: r.body,
            payload: (!payload.is_empty()).then_some(serde_json::Value::Object(payload)),
        },
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_every_language_and_carries_its_code_or_link() {
        let messages = [
            Message::RegistrationLink { link: "https://x/register?token=t".into() },
            Message::Invitation { link: "https://x/register?token=t".into() },
            Message::LoginCode { code: "123456".into() },
            Message::PhoneCode { code: "123456".into() },
            Message::PasswordResetLink { link: "https://x/reset-password?token=t".into() },
            Message::PasswordResetCode { code: "123456".into() },
            Message::PasswordChanged,
            Message::SecondFactorReset,
            Message::SecondFactorLocked,
            Message::PhoneReplaced,
            Message::SignInChanged(SignInChange::AppAdded),
            Message::SignInChanged(SignInChange::AppRemoved),
            Message::SignInChanged(SignInChange::PhoneChanged),
            Message::SignInChangedSms(SignInChange::AppAdded),
            Message::SignInChangedSms(SignInChange::AppRemoved),
            Message::SignInChangedSms(SignInChange::PhoneChanged),
            Message::CardOrdered { company: "Demo Bygg AB".into(), link: "https://x/orders/1".into() },
            Message::OrderCorrected { company: "Demo Bygg AB".into(), link: "https://x/orders/1".into() },
            Message::OrderReady { company: "Demo Bygg AB".into(), link: "https://x/orders/1".into() },
            Message::PhotoRejected { worker: "Jan".into(), reason: "blurred".into(), link: "https://x/admin/orders/1".into() },
            Message::OrderNeedsCorrection { worker: "Jan".into(), fields: "surname".into(), link: "https://x/admin/orders/1".into() },
            Message::OrderRejected { worker: "Jan".into(), reason: "not me".into() },
            Message::OrderConfirmed { company: "Demo Bygg AB".into() },
            Message::CardShipped { tracking: "T1".into() },
            Message::ProductionFailed { worker: "Jan".into(), reason: "printer".into() },
            Message::CardActivated { card: "AB******7890".into() },
            Message::CardBlocked { card: "AB******7890".into(), reason: "lost".into() },
            Message::CardUnblocked { card: "AB******7890".into() },
            Message::CardTerminated { card: "AB******7890".into(), reason: "left".into() },
        ];
        for m in &messages {
            let texts: Vec<String> = Language::ALL.iter().map(|l| m.render(*l).body).collect();
            assert_ne!(texts[0], texts[1], "{m:?} sv is not translated");
            assert_ne!(texts[0], texts[2], "{m:?} pl is not translated");
            for l in Language::ALL {
                let r = m.render(l);
                if let Some(code) = &r.code {
                    assert!(r.body.contains(code.as_str()));
                }
                if let Some(link) = &r.link {
                    assert!(r.body.contains(link.as_str()));
                }
            }
        }
    }
}
