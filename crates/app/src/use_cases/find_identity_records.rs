//! The verifier finds the records of the worker standing at the desk without a record id (for a lost-phone reset
//! or an in-person activation): by email or by document number, newest first, at most 50.

use sitecard_domain::{DocumentNumber, Email};
use sitecard_persistence::persons;

use crate::error::AppError;
use crate::state::AppState;
use crate::use_cases::show_identity_record::{VerificationView, view};

pub enum FindIdentityRecords {
    ByEmail(Email),
    ByDocumentNumber(DocumentNumber),
}

pub async fn find_identity_records(state: &AppState, by: FindIdentityRecords) -> Result<Vec<VerificationView>, AppError> {
    let records = match by {
        FindIdentityRecords::ByEmail(email) => persons::verifications_by_email(&state.read, email.as_str()).await?,
        FindIdentityRecords::ByDocumentNumber(number) => {
            // Numbers are stored encrypted: the last three characters narrow it to a few, decrypted and compared.
            let mut found = vec![];
            for v in persons::verifications_by_last3(&state.read, number.last_three()).await? {
                if state.cipher.decrypt(&v.document_number_enc)? == number.as_str() {
                    found.push(v);
                }
            }
            found
        }
    };
    let mut views = Vec::with_capacity(records.len());
    for record in records {
        views.push(view(&state.read, record).await?);
    }
    Ok(views)
}
