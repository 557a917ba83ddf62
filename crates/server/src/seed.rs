//! `sitecard seed-demo`: demo company, people, partner and order, so the flow can be walked at once.
//! Running it twice changes nothing.

use chrono::{Datelike, NaiveDate, Utc};
use sitecard_api::AppState;
use sitecard_app::use_cases::record_identity::PresentedDocument;
use sitecard_domain::account_status::AccountStatus;
use sitecard_domain::country::Nationality;
use sitecard_domain::order_state::OrderStatus;
use sitecard_domain::{DocumentNumber, DocumentType, Role};
use sitecard_persistence::orders::{self, NewOrder};
use sitecard_persistence::persons::{self, VerifiedDocument};
use sitecard_persistence::{accounts, companies, partners};
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "demo-password-1";
pub const DEMO_ORG: &str = "556000-0001";
/// Known secret for the demo partner: only ever printed in dev mode.
pub const DEMO_PARTNER_SECRET: &str = "demo-partner-secret";

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
        return Ok(a.id.into());
    }
    let hash = state.hasher.hash(DEMO_PASSWORD.to_owned()).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let person_id = match person {
        Some(p) => {
            let today = Utc::now().date_naive();
            let doc = PresentedDocument {
                document_type: DocumentType::Passport,
                number: DocumentNumber::parse(p.document_number)?,
                issuing_country: Nationality::parse(p.nationality)?,
                expiry: today.with_year(today.year() + 5).unwrap_or(today),
                given_names: p.given_names.into(),
                surname: p.surname.into(),
                date_of_birth: p.date_of_birth,
                nationality: Nationality::parse(p.nationality)?,
            }
            .sealed(&state.cipher)?;
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
            status: AccountStatus::Active,
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
        persons::record_verification(&txn, pid, verifier.into(), "registration", email, &doc).await?;
    }
    txn.commit().await?;
    accounts::update(&state.db, account.id, accounts::AccountUpdate { status: Some(AccountStatus::Active), ..Default::default() }).await?;
    Ok(account.id.into())
}

pub async fn run(state: &AppState) -> Result<(), Box<dyn std::error::Error>> {
    ensure_account(state, "verifier@demo.test", "+46700000002", &[Role::Verifier], None).await?;
    ensure_account(state, "operator@demo.test", "+46700000004", &[Role::Operator], None).await?;
    let admin = ensure_account(state, "admin@demo.test", "+46700000001", &[Role::CompanyAdmin], None).await?;
    let company = match companies::find_by_org_number(&state.db, DEMO_ORG).await? {
        Some(c) => c,
        None => companies::insert(&state.db, "Demo Bygg AB", DEMO_ORG, "SE").await?,
    };
    companies::add_admin(&state.db, company.id, admin.into()).await?;
    // A partner with a published secret exists only in development mode.
    if state.config.dev_mode && partners::find_by_client_id(&state.db, "demo-partner").await?.is_none() {
        let txn = sitecard_persistence::begin(&state.db).await?;
        let demo = sitecard_app::partner_clients::NewClient {
            client_id: "demo-partner",
            name: "Demo Card Printing",
            webhook_url: None,
            webhook_events: None,
            demo_secret: Some(DEMO_PARTNER_SECRET),
        };
        sitecard_app::partner_clients::create(&txn, state, None, demo).await?;
        txn.commit().await?;
    }
    let worker = ensure_account(
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
    let has_order = !orders::list_for_holder(&state.db, worker.into(), "worker@demo.test").await?.is_empty();
    if !has_order {
        // A generated portrait, reviewed and approved, so the order is ready for the worker's approval.
        let portrait = sitecard_app::photo::process(&sitecard_app::photo::generated_portrait(600, 800, image::ImageFormat::Png))?;
        let key = sitecard_app::photo_store::PhotoStore::key_for(&portrait.sha256);
        state.photos.put(&key, portrait.jpeg).await?;
        let txn = sitecard_persistence::begin(&state.db).await?;
        let order = orders::insert(
            &txn,
            NewOrder {
                company_id: company.id,
                status: OrderStatus::AwaitingPhoto,
                given_names: "Jan Piotr".into(),
                surname: "Kowalski".into(),
                date_of_birth: NaiveDate::from_ymd_opt(1990, 4, 12).ok_or("date")?,
                nationality: Some("POL".into()),
                email: "worker@demo.test".into(),
                phone: Some("+46700000003".into()),
                delivery_recipient: "Demo Bygg AB, site office".into(),
                delivery_address_line1: "Byggvägen 1".into(),
                delivery_address_line2: None,
                delivery_postal_code: "111 22".into(),
                delivery_city: "Stockholm".into(),
                delivery_country: "SE".into(),
                account_id: Some(worker.into()),
                created_by: admin.into(),
            },
        )
        .await?;
        let ch = orders::OrderUpdate { photo: Some((key, portrait.sha256)), ..Default::default() };
        orders::transition(&txn, order.id, 1, OrderStatus::AwaitingPhotoReview, ch).await?;
        orders::transition(&txn, order.id, 2, OrderStatus::AwaitingCardholder, orders::OrderUpdate::default()).await?;
        txn.commit().await?;
    }
    println!("Demo data (password for every account: {DEMO_PASSWORD}; SMS codes in the dev outbox at /api/v1/dev/outbox):");
    println!("  company admin  admin@demo.test     +46700000001");
    println!("  verifier       verifier@demo.test  +46700000002");
    println!("  operator       operator@demo.test  +46700000004");
    println!("  worker         worker@demo.test    +46700000003  (verified passport EA1234567, Jan Piotr Kowalski, 1990-04-12, POL)");
    println!("  company        Demo Bygg AB ({DEMO_ORG}), id {}; one order awaiting the worker's approval", company.id);
    if state.config.dev_mode {
        println!("  partner        client_id demo-partner, client_secret {DEMO_PARTNER_SECRET} (POST /api/v1/oauth/token)");
    }
    Ok(())
}
