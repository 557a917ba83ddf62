//! `sitecard seed-demo`: demo company, people, partner and order, so the flow can be walked at once.
//! Running it twice changes nothing.

use chrono::{Datelike, NaiveDate, Utc};
use sitecard_api::AppState;
use sitecard_domain::{DocumentNumber, Role};
use sitecard_persistence::persons::{self, VerifiedDocument};
use sitecard_persistence::{Set, TransactionTrait, accounts};
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "demo-password-1";

pub struct DemoPerson {
    pub given_names: &'static str,
    pub surname: &'static str,
    pub date_of_birth: NaiveDate,
    pub nationality: &'static str,
    pub document_number: &'static str,
}

/// An active account with the demo password, creating it if missing. Returns its id.
pub async fn ensure_account(
    state: &AppState,
    email: &str,
    phone: &str,
    roles: &[Role],
    person: Option<DemoPerson>,
) -> Result<Uuid, Box<dyn std::error::Error>> {
    if let Some(a) = accounts::find_by_email(&state.db, email).await? {
        return Ok(a.id);
    }
    let hash = state.hasher.hash(DEMO_PASSWORD.to_owned()).await?;
    let txn = state.db.begin().await?;
    let person_id = match person {
        Some(p) => {
            let number = DocumentNumber::parse(p.document_number)?;
            let today = Utc::now().date_naive();
            let doc = VerifiedDocument {
                document_type: "passport".into(),
                document_number_enc: state.cipher.encrypt(number.as_str())?,
                document_index: sitecard_api::routes::identity::record::document_index(state, p.nationality, &number),
                document_last3: number.as_str()[number.as_str().len() - 3..].to_owned(),
                issuing_country: p.nationality.into(),
                document_expiry: today.with_year(today.year() + 5).unwrap_or(today),
                given_names: p.given_names.into(),
                surname: p.surname.into(),
                date_of_birth: p.date_of_birth,
                nationality: p.nationality.into(),
            };
            let person = persons::upsert(&txn, None, &doc).await?;
            Some(person.id)
        }
        None => None,
    };
    let account = accounts::insert(
        &txn,
        accounts::NewAccount {
            email,
            password_hash: Some(hash),
            phone: Some(phone),
            status: "active",
            language: "en",
            roles: sitecard_domain::role::format_roles(roles),
            person_id,
        },
    )
    .await?;
    if let Some(pid) = person_id {
        let verifier = accounts::find_by_email(&txn, "verifier@demo.test").await?.map(|v| v.id).unwrap_or(account.id);
        let p = persons::find(&txn, pid).await?.ok_or("person vanished")?;
        let doc = VerifiedDocument {
            document_type: p.document_type,
            document_number_enc: p.document_number_enc,
            document_index: p.document_index,
            document_last3: p.document_last3,
            issuing_country: p.issuing_country,
            document_expiry: p.document_expiry,
            given_names: p.given_names,
            surname: p.surname,
            date_of_birth: p.date_of_birth,
            nationality: p.nationality,
        };
        persons::record_verification(&txn, pid, verifier, "registration", email, &doc).await?;
    }
    txn.commit().await?;
    let mut c = accounts::changes(account.id);
    c.status = Set("active".into());
    accounts::update(&state.db, c).await?;
    Ok(account.id)
}

pub async fn run(state: &AppState) -> Result<(), Box<dyn std::error::Error>> {
    ensure_account(state, "verifier@demo.test", "+46700000002", &[Role::Verifier], None).await?;
    ensure_account(state, "admin@demo.test", "+46700000001", &[Role::CompanyAdmin], None).await?;
    ensure_account(
        state,
        "worker@demo.test",
        "+46700000003",
        &[Role::Cardholder],
        Some(DemoPerson {
            given_names: "Jan Piotr",
            surname: "Kowalski",
            date_of_birth: NaiveDate::from_ymd_opt(1990, 4, 12).ok_or("date")?,
            nationality: "POL",
            document_number: "EA1234567",
        }),
    )
    .await?;
    println!("Demo data (password for every account: {DEMO_PASSWORD}; SMS codes in the dev outbox at /api/v1/dev/outbox):");
    println!("  company admin  admin@demo.test     +46700000001");
    println!("  verifier       verifier@demo.test  +46700000002");
    println!("  worker         worker@demo.test    +46700000003  (verified passport EA1234567, Jan Piotr Kowalski, 1990-04-12, POL)");
    Ok(())
}
