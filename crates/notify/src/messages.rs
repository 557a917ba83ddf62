//! What we tell people, in English, Swedish and Polish. One variant per message; texts are plain and short
//! because many readers use a second language.

use sitecard_domain::Language;
use sitecard_persistence::outbox::{self, NewMessage};
use sitecard_persistence::{ConnectionTrait, DbError};

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
