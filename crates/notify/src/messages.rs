//! What we tell people. One variant per message; the texts are Project Fluent files, one per language, in
//! `crates/notify/locales/<lang>/messages.ftl` (compiled in). Texts are plain and short because many readers
//! use a second language. Adding a language: its files here and in the SPA, and a `Language` variant.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use sitecard_domain::Language;
use sitecard_domain::identity_match::MismatchField;
use sitecard_persistence::outbox::{self, NewMessage};
use sitecard_persistence::{Conn, DbError};

/// A change to how an account signs in, which its owner is always told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInChange {
    AppAdded,
    AppRemoved,
    PhoneChanged,
}

impl SignInChange {
    /// The selector value the Fluent texts branch on.
    fn as_str(self) -> &'static str {
        match self {
            Self::AppAdded => "app-added",
            Self::AppRemoved => "app-removed",
            Self::PhoneChanged => "phone-changed",
        }
    }
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
        /// Named in the reader's language (`field-*` texts).
        fields: Vec<MismatchField>,
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
    /// To the worker and the company's administrators: the expiry job found the card past its last valid day.
    CardExpired {
        card: String,
    },
    /// To the worker and the company's administrators, 30 and 7 days before the card's last valid day.
    CardExpiresSoon {
        card: String,
        date: String,
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

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps placeables in invisible isolation marks by default: in an SMS they force UCS-2 (half the
        // text per segment) and break copying the code; emails are plain text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Clone, Copy)]
enum Channel {
    Email,
    Sms,
}

/// One message's Fluent id (without `-subject`, `-body` or `-sms`), channel and variables.
struct Template<'a> {
    id: &'static str,
    channel: Channel,
    vars: Vec<(&'static str, &'a str)>,
}

impl Message {
    fn template(&self) -> Template<'_> {
        use Channel::{Email, Sms};
        let (id, channel, vars): (&'static str, Channel, Vec<(&'static str, &str)>) = match self {
            Self::RegistrationLink { link } => ("registration-link", Email, vec![("link", link)]),
            Self::Invitation { link } => ("invitation", Email, vec![("link", link)]),
            Self::LoginCode { code } => ("login-code", Sms, vec![("code", code)]),
            Self::PhoneCode { code } => ("phone-code", Sms, vec![("code", code)]),
            Self::PasswordResetLink { link } => ("password-reset-link", Email, vec![("link", link)]),
            Self::PasswordResetCode { code } => ("password-reset-code", Sms, vec![("code", code)]),
            Self::PasswordChanged => ("password-changed", Email, vec![]),
            Self::SecondFactorReset => ("second-factor-reset", Email, vec![]),
            Self::SecondFactorLocked => ("second-factor-locked", Email, vec![]),
            Self::PhoneReplaced => ("phone-replaced", Sms, vec![]),
            Self::SignInChanged(change) => ("sign-in-changed", Email, vec![("change", change.as_str())]),
            Self::SignInChangedSms(change) => ("sign-in-changed", Sms, vec![("change", change.as_str())]),
            Self::CardOrdered { company, link } => ("card-ordered", Email, vec![("company", company), ("link", link)]),
            Self::OrderReady { company, link } => ("order-ready", Email, vec![("company", company), ("link", link)]),
            Self::PhotoRejected { worker, reason, link } => {
                ("photo-rejected", Email, vec![("worker", worker), ("reason", reason), ("link", link)])
            }
            Self::OrderCorrected { company, link } => ("order-corrected", Email, vec![("company", company), ("link", link)]),
            // `fields` is added by `render`, named in the reader's language.
            Self::OrderNeedsCorrection { worker, link, .. } => ("order-needs-correction", Email, vec![("worker", worker), ("link", link)]),
            Self::OrderRejected { worker, reason } => ("order-rejected", Email, vec![("worker", worker), ("reason", reason)]),
            Self::OrderConfirmed { company } => ("order-confirmed", Email, vec![("company", company)]),
            Self::CardShipped { tracking } => ("card-shipped", Email, vec![("tracking", tracking)]),
            Self::ProductionFailed { worker, reason } => ("production-failed", Email, vec![("worker", worker), ("reason", reason)]),
            Self::CardActivated { card } => ("card-activated", Email, vec![("card", card)]),
            Self::CardBlocked { card, reason } => ("card-blocked", Email, vec![("card", card), ("reason", reason)]),
            Self::CardUnblocked { card } => ("card-unblocked", Email, vec![("card", card)]),
            Self::CardTerminated { card, reason } => ("card-terminated", Email, vec![("card", card), ("reason", reason)]),
            Self::CardExpired { card } => ("card-expired", Email, vec![("card", card)]),
            Self::CardExpiresSoon { card, date } => ("card-expires-soon", Email, vec![("card", card), ("date", date)]),
        };
        Template { id, channel, vars }
    }

    pub fn render(&self, lang: Language) -> Rendered {
        let fields = match self {
            Self::OrderNeedsCorrection { fields, .. } => {
                fields.iter().map(|f| localise(lang, &format!("field-{}", f.as_str()), &HashMap::new())).collect::<Vec<_>>().join(", ")
            }
            _ => String::new(),
        };
        let mut template = self.template();
        if matches!(self, Self::OrderNeedsCorrection { .. }) {
            template.vars.push(("fields", &fields));
        }
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> =
            template.vars.iter().map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(*value))).collect();
        let text = |suffix: &str| localise(lang, &format!("{}-{suffix}", template.id), &args);
        let var = |name: &str| template.vars.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned());
        match template.channel {
            Channel::Email => {
                Rendered { channel: "email", subject: Some(text("subject")), body: text("body"), code: None, link: var("link") }
            }
            Channel::Sms => Rendered { channel: "sms", subject: None, body: text("sms"), code: var("code"), link: None },
        }
    }
}

/// What an error says to a person, by its problem `code` (`problems.ftl`), when a text is written for it.
pub fn problem_detail(lang: Language, code: &str) -> Option<String> {
    let lang_id: LanguageIdentifier = lang.as_str().parse().ok()?;
    LOCALES.try_lookup(&lang_id, &format!("problem-{code}"))
}

/// The text in `lang`, else in English (the loader falls back); a missing id is a bug the tests catch, so
/// the id itself goes out rather than nothing.
fn localise(lang: Language, id: &str, args: &HashMap<Cow<'static, str>, FluentValue<'_>>) -> String {
    let lang_id: LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
    LOCALES.try_lookup_with_args(&lang_id, id, args).unwrap_or_else(|| {
        tracing::error!(id, lang = lang.as_str(), "message text missing");
        id.to_owned()
    })
}

/// Writes the message to the outbox inside the caller's transaction.
pub async fn queue<C: Conn>(conn: &C, to: &str, message: &Message, lang: Language) -> Result<(), DbError> {
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
            kind: message.template().id,
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
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use super::*;

    fn samples() -> Vec<Message> {
        vec![
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
            Message::OrderNeedsCorrection {
                worker: "Jan".into(),
                fields: vec![MismatchField::Surname, MismatchField::DateOfBirth],
                link: "https://x/admin/orders/1".into(),
            },
            Message::OrderRejected { worker: "Jan".into(), reason: "not me".into() },
            Message::OrderConfirmed { company: "Demo Bygg AB".into() },
            Message::CardShipped { tracking: "T1".into() },
            Message::ProductionFailed { worker: "Jan".into(), reason: "printer".into() },
            Message::CardActivated { card: "AB******7890".into() },
            Message::CardBlocked { card: "AB******7890".into(), reason: "lost".into() },
            Message::CardUnblocked { card: "AB******7890".into() },
            Message::CardTerminated { card: "AB******7890".into(), reason: "left".into() },
            Message::CardExpired { card: "AB******7890".into() },
            Message::CardExpiresSoon { card: "AB******7890".into(), date: "2031-12-06".into() },
        ]
    }

    #[test]
    fn every_message_reads_in_every_language_with_its_values() {
        for m in samples() {
            let english = m.render(Language::En);
            for lang in Language::ALL {
                let r = m.render(lang);
                let all = format!("{} {}", r.subject.clone().unwrap_or_default(), r.body);
                assert!(!all.contains(['\u{2068}', '\u{2069}']), "{m:?} {lang:?}: isolation marks");
                let id = format!("{}-", m.template().id);
                assert!(!all.contains('{') && !all.contains(&id), "{m:?} {lang:?}: a Fluent error or a missing text: {all}");
                if lang != Language::En {
                    assert_ne!(r.body, english.body, "{m:?} is not translated into {lang:?}");
                }
                assert!(r.subject.as_ref().is_none_or(|s| !s.is_empty()), "{m:?} {lang:?}: empty subject");
                for (name, value) in m.template().vars {
                    if name != "change" {
                        assert!(r.body.contains(value), "{m:?} in {lang:?} lacks its {name}: {}", r.body);
                    }
                }
            }
        }
    }

    #[test]
    fn the_account_language_picks_the_text_and_ukrainian_is_cyrillic() {
        let code = Message::LoginCode { code: "123456".into() };
        let texts: BTreeSet<String> = Language::ALL.iter().map(|l| code.render(*l).body).collect();
        assert_eq!(texts.len(), Language::ALL.len(), "every language has its own sign-in SMS");
        let mismatch = Message::OrderNeedsCorrection {
            worker: "Jan".into(),
            fields: vec![MismatchField::Surname, MismatchField::DateOfBirth],
            link: "https://x".into(),
        };
        assert!(mismatch.render(Language::De).body.contains("(Nachname, Geburtsdatum)"), "{}", mismatch.render(Language::De).body);
        assert!(mismatch.render(Language::En).body.contains("(surname, date of birth)"));
        let uk = code.render(Language::Uk).body;
        assert!(uk.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)), "{uk}");
    }

    #[test]
    fn problems_are_explained_in_the_readers_language() {
        let de = problem_detail(Language::De, "invalid_credentials").unwrap_or_default();
        let en = problem_detail(Language::En, "invalid_credentials").unwrap_or_default();
        assert!(de.contains("Passwort") && en.contains("password"), "{de} / {en}");
        assert!(
            problem_detail(Language::Uk, "too_many_attempts").is_some_and(|t| t.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)))
        );
        assert_eq!(problem_detail(Language::Sv, "no_such_code"), None);
    }

    /// Message ids and the variables each uses, read from a Fluent file line by line (ours are simple:
    /// an id starts a line, continuation lines are indented).
    fn ids_and_vars(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current = None;
        for line in ftl.lines() {
            if line.starts_with(|c: char| c.is_ascii_lowercase()) {
                let id = line.split('=').next().unwrap_or_default().trim().to_owned();
                out.entry(id.clone()).or_default();
                current = Some(id);
            } else if line.starts_with('#') {
                continue;
            }
            if let Some(id) = &current {
                let vars =
                    line.split('$').skip(1).map(|rest| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect());
                out.entry(id.clone()).or_default().extend(vars);
            }
        }
        out
    }

    #[test]
    fn every_language_file_has_the_ids_and_variables_of_english() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        for (file, at_least) in [("messages.ftl", 40), ("problems.ftl", 30)] {
            let read = |lang: &str| std::fs::read_to_string(dir.join(lang).join(file)).unwrap_or_else(|e| panic!("{lang}/{file}: {e}"));
            let english = ids_and_vars(&read("en"));
            assert!(english.len() > at_least, "{file}: {english:?}");
            for lang in Language::ALL {
                assert_eq!(ids_and_vars(&read(lang.as_str())), english, "{lang:?} {file} differs from English in ids or variables");
            }
        }
        let folders: BTreeSet<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        let offered: BTreeSet<String> = Language::ALL.iter().map(|l| l.as_str().to_owned()).collect();
        assert_eq!(folders, offered, "every locale folder is a Language and every Language has a folder");
    }
}
