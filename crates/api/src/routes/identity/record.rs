//! `POST /identity-verifications`: a verifier records a passport or national-ID check done in person.

use actix_web::{HttpResponse, post, web};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sitecard_domain::country::Nationality;
use sitecard_domain::identity_match::{PersonalData, match_identity};
use sitecard_domain::{DocumentNumber, DocumentType, Email, Language, Role};
use sitecard_notify::Message;
use sitecard_persistence::persons::{self, VerifiedDocument};
use sitecard_persistence::{Set, accounts, audit, tokens};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::{ClientInfo, CurrentUser};
use crate::crypto::{random_token, token_hash};
use crate::error::{ApiError, Fields, Problem};
use crate::state::AppState;

pub const REGISTRATION_TOKEN_TTL: Duration = Duration::days(7);

#[derive(Deserialize, ToSchema)]
pub struct RecordVerification {
    #[schema(value_type = crate::schema_enums::DocumentTypeValue)]
    pub document_type: String,
    /// As printed: 5 to 20 letters and digits (spaces, hyphens and letter case are ignored).
    #[schema(example = "EK7390567")]
    pub document_number: String,
    /// ISO 3166-1 alpha-3 as printed in the document (alpha-2 is accepted and converted).
    #[schema(example = "POL")]
    pub issuing_country: String,
    /// `YYYY-MM-DD`.
    #[schema(value_type = String, format = Date, example = "2031-06-30")]
    pub document_expiry: String,
    #[schema(example = "Anna Maria")]
    pub given_names: String,
    #[schema(example = "Kowalska")]
    pub surname: String,
    /// `YYYY-MM-DD`.
    #[schema(value_type = String, format = Date, example = "1990-04-12")]
    pub date_of_birth: String,
    /// ISO 3166-1 alpha-3 (alpha-2 accepted).
    #[schema(example = "POL")]
    pub nationality: String,
    /// The worker's email: the registration link goes there, and orders placed for it are linked to the account.
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
    /// Language for the worker's emails and SMS (`en`, `sv`, `pl`); default: the request's `Accept-Language`.
    #[serde(default)]
    #[schema(value_type = Option<crate::schema_enums::LanguageValue>)]
    pub language: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct VerificationRecorded {
    #[schema(example = "01a1f873-5370-7063-8277-9b947d2c44b5")]
    pub id: Uuid,
    #[schema(example = "01a1f872-de40-7e67-9fc2-99d33ce0216c")]
    pub person_id: Uuid,
    #[schema(example = "2026-11-20T10:14:30Z")]
    pub verified_at: DateTime<Utc>,
    /// True when the worker had no password yet and a registration link was emailed.
    #[schema(example = true)]
    pub registration_link_sent: bool,
}

pub fn document_index(state: &AppState, issuing_country: &str, number: &DocumentNumber) -> String {
    state.cipher.blind_index(&format!("{issuing_country}:{}", number.as_str()))
}

/// Parses and checks the document fields shared by a first check and a repeat check.
pub(crate) fn parse_document(state: &AppState, body: &RecordVerification, f: &mut Fields) -> Option<(VerifiedDocument, Email)> {
    let today = Utc::now().date_naive();
    let doc_type =
        f.check("document_type", "invalid_value", DocumentType::parse(&body.document_type).ok_or("must be passport or national_id"));
    let number = f.check("document_number", "invalid_format", DocumentNumber::parse(&body.document_number));
    let issuing = f.check("issuing_country", "invalid_country", Nationality::parse(&body.issuing_country));
    let nationality = f.check("nationality", "invalid_country", Nationality::parse(&body.nationality));
    let given = f.text("given_names", &body.given_names, 200);
    let surname = f.text("surname", &body.surname, 200);
    let email = f.check("email", "invalid_email", Email::parse(&body.email));
    let expiry = f.date("document_expiry", &body.document_expiry);
    if expiry.is_some_and(|d| d < today) {
        f.push("document_expiry", "document_expired", "an expired document cannot prove identity");
    }
    let birth = f.date("date_of_birth", &body.date_of_birth);
    if birth.is_some_and(|d| d >= today || d < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(today)) {
        f.push("date_of_birth", "invalid_date", "not a plausible date of birth");
    }
    let (doc_type, number, issuing, nationality, given, surname, email, expiry, birth) =
        (doc_type?, number?, issuing?, nationality?, given?, surname?, email?, expiry?, birth?);
    let enc = state.cipher.encrypt(number.as_str()).ok()?;
    let last3: String = number.as_str().chars().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
    Some((
        VerifiedDocument {
            document_type: doc_type.as_str().into(),
            document_number_enc: enc,
            document_index: document_index(state, issuing.as_str(), &number),
            document_last3: last3,
            issuing_country: issuing.as_str().into(),
            document_expiry: expiry,
            given_names: given,
            surname,
            date_of_birth: birth,
            nationality: nationality.as_str().into(),
        },
        email,
    ))
}

/// Record an in-person passport or ID check (verifiers).
///
/// Verifiers only. Creates or updates the person and the worker's account (which gets the `cardholder` role) and links
/// card orders already placed for `email` to it; when the worker has no password yet, a one-time registration link
/// valid 7 days is emailed (replacing any earlier one). Audited; 409 when the document belongs to another account or
/// the email's account was verified as another person.
#[utoipa::path(tag = "identity", security(("bearer" = [])), request_body = RecordVerification, responses(
    (status = 201, description = "Recorded", body = VerificationRecorded),
    (status = 403, description = "Not a verifier", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "`document_in_use`: this document belongs to another account; `identity_already_verified`: the email's account was verified as another person (names or date of birth differ; a renewed document of the same person is accepted)", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`validation_failed`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/identity-verifications")]
pub async fn record_verification(
    state: web::Data<AppState>,
    user: CurrentUser,
    client: ClientInfo,
    body: web::Json<RecordVerification>,
) -> Result<HttpResponse, ApiError> {
    user.require(Role::Verifier)?;
    let mut f = Fields::new();
    let parsed = parse_document(&state, &body, &mut f);
    let language = match body.language.as_deref() {
        Some(l) => f.check("language", "unsupported_language", Language::parse(l).ok_or(format!("use one of {}", Language::CODES))),
        None => Some(client.language),
    };
    f.finish()?;
    let ((doc, email), language) = parsed.zip(language).ok_or_else(|| ApiError::internal("parse without errors but no value"))?;

    let txn = sitecard_persistence::begin(&state.db).await?;
    let by_document = persons::find_by_document_index(&txn, &doc.document_index).await?;
    let account = accounts::find_by_email(&txn, email.as_str()).await?;
    if let (Some(p), Some(a)) = (&by_document, &account)
        && a.person_id.is_some_and(|id| id != p.id)
    {
        return Err(ApiError::Conflict("document_in_use", "this document is recorded for another account".into()));
    }
    if let Some(p) = &by_document
        && accounts::find_by_person(&txn, p.id).await?.is_some_and(|other| other.email != email.as_str())
    {
        return Err(ApiError::Conflict("document_in_use", "this document is recorded for another account".into()));
    }
    // A new document for an account that is already verified (a renewed passport) is taken only for the same
    // person: it must never silently move the account, its orders and its cards to someone else's identity.
    if by_document.is_none()
        && let Some(a) = &account
        && let Some(current) = match a.person_id {
            Some(id) => persons::find(&txn, id).await?,
            None => None,
        }
    {
        let recorded = PersonalData {
            given_names: &current.given_names,
            surname: &current.surname,
            date_of_birth: current.date_of_birth,
            nationality: Some(&current.nationality),
        };
        let presented =
            PersonalData { given_names: &doc.given_names, surname: &doc.surname, date_of_birth: doc.date_of_birth, nationality: None };
        if !match_identity(&presented, &recorded).is_match() {
            drop(txn);
            audit::record(
                &state.db,
                audit::NewAuditEvent {
                    kind: "identity_relink_refused",
                    actor_id: Some(user.account_id),
                    actor_kind: "account",
                    subject_type: Some("account"),
                    subject_id: Some(a.id),
                    data: serde_json::json!({ "document_type": doc.document_type, "issuing_country": doc.issuing_country }),
                },
            )
            .await?;
            return Err(ApiError::Conflict(
                "identity_already_verified",
                "this email's account was verified with another person's document; check the email address".into(),
            ));
        }
    }
    let person_id = by_document.as_ref().map(|p| p.id).or(account.as_ref().and_then(|a| a.person_id));
    // A concurrent check of the same document can pass the look-up above and lose at the unique index.
    let person = persons::upsert(&txn, person_id, &doc).await.map_err(|e| match e {
        sitecard_persistence::DbError::Conflict(_) => {
            ApiError::Conflict("document_in_use", "this document is recorded for another account".into())
        }
        other => other.into(),
    })?;
    let account = match account {
        Some(a) => {
            let mut roles = sitecard_domain::role::parse_roles(&a.roles);
            roles.push(Role::Cardholder);
            let mut c = accounts::changes(a.id);
            c.person_id = Set(Some(person.id));
            c.roles = Set(sitecard_domain::role::format_roles(&roles));
            accounts::update(&txn, c).await?
        }
        None => {
            accounts::insert(
                &txn,
                accounts::NewAccount {
                    email: email.as_str(),
                    password_hash: None,
                    phone: None,
                    status: "pending",
                    language: language.as_str(),
                    roles: Role::Cardholder.as_str().into(),
                    person_id: Some(person.id),
                },
            )
            .await?
        }
    };
    sitecard_persistence::orders::link_to_account(&txn, email.as_str(), account.id).await?;
    let record = persons::record_verification(&txn, person.id, user.account_id, "registration", email.as_str(), &doc).await?;
    let link_sent = account.status == "pending";
    if link_sent {
        let token = random_token();
        tokens::spend_all_for(&txn, account.id, "registration").await?;
        tokens::insert(&txn, "registration", &token_hash(&token), account.id, Utc::now() + REGISTRATION_TOKEN_TTL).await?;
        let link = state.link(&format!("/register?token={token}"));
        sitecard_notify::queue(
            &txn,
            email.as_str(),
            &Message::RegistrationLink { link },
            Language::parse(&account.language).unwrap_or(language),
        )
        .await?;
    }
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: "identity_verified",
            actor_id: Some(user.account_id),
            actor_kind: "account",
            subject_type: Some("person"),
            subject_id: Some(person.id),
            data: serde_json::json!({ "verification_id": record.id, "document_type": doc.document_type, "issuing_country": doc.issuing_country }),
        },
    )
    .await?;
    txn.commit().await?;
    // The verified person is read with the session: the account it now belongs to, and any account that
    // held it before, are served from the database again.
    state.forget_account(account.id);
    if let Some(linked) = accounts::find_by_person(&state.db, person.id).await? {
        state.forget_account(linked.id);
    }
    Ok(HttpResponse::Created().insert_header(("location", format!("/api/v1/identity-verifications/{}", record.id))).json(
        VerificationRecorded { id: record.id, person_id: person.id, verified_at: record.created_at, registration_link_sent: link_sent },
    ))
}
