//! `POST /identity-verifications`: a verifier records a passport or national-ID check done in person.

use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use serde::Deserialize;
use sitecard_domain::birth_date::plausible_birth_date;
use sitecard_domain::country::Nationality;
use sitecard_domain::{DocumentNumber, DocumentType, Email, Language, Role};
use utoipa::ToSchema;

use crate::auth::{ClientInfo, CurrentUser};
use crate::error::{ApiError, Fields};
use sitecard_app::right_to_work::{self, RightToWork};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::record_identity::{PresentedDocument, RecordIdentity, VerificationRecorded, record_identity};

#[derive(Deserialize, ToSchema)]
pub struct RecordVerification {
    #[schema(value_type = sitecard_app::schema_enums::DocumentTypeValue)]
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
    #[schema(value_type = Option<sitecard_app::schema_enums::LanguageValue>)]
    pub language: Option<String>,
    /// The residence or work permit, shown beside the passport: required for nationalities outside the EU/EEA
    /// and Switzerland (422 `right_to_work_required` without it), refused for the others.
    #[serde(default)]
    pub right_to_work: Option<RightToWork>,
}

/// Parses and checks the document's fields and the worker's email, every error at once.
fn parse_document(body: &RecordVerification, f: &mut Fields) -> Option<(PresentedDocument, Email)> {
    let today = Utc::now().date_naive();
    let document_type =
        f.check("document_type", "invalid_value", DocumentType::parse(&body.document_type).ok_or("must be passport or national_id"));
    let number = f.check("document_number", "invalid_format", DocumentNumber::parse(&body.document_number));
    let issuing_country = f.check("issuing_country", "invalid_country", Nationality::parse(&body.issuing_country));
    let nationality = f.check("nationality", "invalid_country", Nationality::parse(&body.nationality));
    let given_names = f.text("given_names", &body.given_names, 200);
    let surname = f.text("surname", &body.surname, 200);
    let email = f.check("email", "invalid_email", Email::parse(&body.email));
    let expiry = f.date("document_expiry", &body.document_expiry);
    if expiry.is_some_and(|d| d < today) {
        f.push("document_expiry", "document_expired", "an expired document cannot prove identity");
    }
    let date_of_birth =
        f.date("date_of_birth", &body.date_of_birth).and_then(|d| f.check("date_of_birth", "invalid_date", plausible_birth_date(d, today)));
    Some((
        PresentedDocument {
            document_type: document_type?,
            number: number?,
            issuing_country: issuing_country?,
            expiry: expiry?,
            given_names: given_names?,
            surname: surname?,
            date_of_birth: date_of_birth?,
            nationality: nationality?,
        },
        email?,
    ))
}

/// Record an in-person passport or ID check (verifiers).
///
/// Verifiers only. Creates or updates the person and the worker's account (which gets the `cardholder` role) and links
/// card orders already placed for `email` to it; when the worker has no password yet, a one-time registration link
/// valid 7 days is emailed (replacing any earlier one). A holder from outside the EU/EEA and Switzerland shows a
/// residence or work permit too: their cards are valid until its end at the latest. Audited; 409 when the document belongs to another account or
/// the email's account was verified as another person.
#[utoipa::path(tag = "identity", security(("bearer" = [])), request_body = RecordVerification, responses(
    (status = 201, description = "Recorded", body = VerificationRecorded),
    (status = 403, description = "Not a verifier"),
    (status = 409, description = "`document_in_use`: this document belongs to another account; `identity_already_verified`: the email's account was verified as another person (names or date of birth differ; a renewed document of the same person is accepted)"),
    (status = 422, description = "`right_to_work_required`: the nationality is outside the EU/EEA and Switzerland and no `right_to_work` permit was given (when other fields are wrong too, it is one of the `errors` of `validation_failed`); `validation_failed`: field errors, including `right_to_work.*` (`permit_expired` for a permit that has ended) and `right_to_work` `not_needed` for an EU/EEA or Swiss nationality"),
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
    let parsed = parse_document(&body, &mut f);
    let language = match body.language.as_deref() {
        Some(l) => f.check("language", "unsupported_language", Language::parse(l).ok_or(format!("use one of {}", Language::CODES))),
        None => Some(client.language),
    };
    let permit = body.right_to_work.as_ref().and_then(|p| right_to_work::parse_permit(&state, p, &mut f));
    match (right_to_work::required_for(&body.nationality), &body.right_to_work) {
        (true, None) => return Err(right_to_work::require_permit(f).into()),
        (false, Some(_)) => right_to_work::refuse_unneeded(&mut f),
        _ => {}
    }
    let ((document, email), language) = f.finish_with(parsed.zip(language))?;
    let recorded = record_identity(&state, RecordIdentity { verifier_id: user.account_id, document, email, language, permit }).await?;
    Ok(HttpResponse::Created().insert_header(("location", format!("/api/v1/identity-verifications/{}", recorded.id))).json(recorded))
}
