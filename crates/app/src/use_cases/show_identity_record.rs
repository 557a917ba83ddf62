//! A verification record as verifiers see it: the document number masked, the person's current permit.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sitecard_domain::document::mask_document_number;
use sitecard_persistence::{Conn, persons, right_to_work};
use uuid::Uuid;

use crate::error::AppError;
use crate::right_to_work::RightToWorkView;
use crate::state::AppState;

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerificationView {
    #[cfg_attr(feature = "openapi", schema(example = "01a1f873-5370-7063-8277-9b947d2c44b5"))]
    pub id: Uuid,
    /// A short reference to read out or note down: the record id's last eight characters, e.g. `7D2C-44B5`.
    #[cfg_attr(feature = "openapi", schema(example = "7D2C-44B5"))]
    pub reference: String,
    #[cfg_attr(feature = "openapi", schema(example = "01a1f872-de40-7e67-9fc2-99d33ce0216c"))]
    pub person_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::DocumentTypeValue))]
    pub document_type: String,
    /// Only the last three characters, e.g. `••••••567`.
    #[cfg_attr(feature = "openapi", schema(example = "••••••567"))]
    pub document_number_masked: String,
    /// ISO 3166-1 alpha-3 (or an ICAO code), as recorded.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{3}$", example = "POL"))]
    pub issuing_country: String,
    #[cfg_attr(feature = "openapi", schema(example = "2031-06-30"))]
    pub document_expiry: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(example = "Anna Maria"))]
    pub given_names: String,
    #[cfg_attr(feature = "openapi", schema(example = "Kowalska"))]
    pub surname: String,
    #[cfg_attr(feature = "openapi", schema(example = "1990-04-12"))]
    pub date_of_birth: NaiveDate,
    /// ISO 3166-1 alpha-3 (or an ICAO code such as `XXA`), as recorded.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{3}$", example = "POL"))]
    pub nationality: String,
    #[cfg_attr(feature = "openapi", schema(example = "anna.kowalska@example.com"))]
    pub email: String,
    /// The verifier's account.
    #[cfg_attr(feature = "openapi", schema(example = "019bc0e2-1280-75ef-800c-395999e90c3b"))]
    pub verified_by: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "2026-11-20T10:14:30Z"))]
    pub verified_at: DateTime<Utc>,
    /// True for a nationality outside the EU/EEA and Switzerland: the holder shows a residence or work permit.
    #[cfg_attr(feature = "openapi", schema(example = false))]
    pub right_to_work_required: bool,
    /// The person's current permit (the newest recorded, possibly at a later visit); `null` when none.
    pub right_to_work: Option<RightToWorkView>,
}

pub async fn show_identity_record(state: &AppState, id: Uuid) -> Result<VerificationView, AppError> {
    let v = persons::find_verification(&state.db, id).await?.ok_or(AppError::NotFound)?;
    view(&state.db, v).await
}

/// A record as verifiers see it, with the person's current permit: the document number masked.
pub(crate) async fn view<C: Conn>(conn: &C, v: persons::Verification) -> Result<VerificationView, AppError> {
    let permit = right_to_work::current(conn, v.person_id).await?;
    let right_to_work_required = crate::right_to_work::required_for(&v.nationality);
    let tail: String = v.id.simple().to_string().to_uppercase().chars().skip(24).collect();
    Ok(VerificationView {
        reference: format!("{}-{}", &tail[..4], &tail[4..]),
        id: v.id,
        person_id: v.person_id,
        document_type: v.document_type,
        document_number_masked: mask_document_number(&format!("000000{}", v.document_last3)),
        issuing_country: v.issuing_country,
        document_expiry: v.document_expiry,
        given_names: v.given_names,
        surname: v.surname,
        date_of_birth: v.date_of_birth,
        nationality: v.nationality,
        email: v.email,
        verified_by: v.verifier_id,
        verified_at: v.created_at,
        right_to_work_required,
        right_to_work: permit.map(RightToWorkView::from),
    })
}
