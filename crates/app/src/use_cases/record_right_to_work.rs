//! A verifier records a renewed residence or work permit they have seen in person. It becomes the person's
//! current permit, and the validity of their live cards follows it (`right_to_work::record_permit`).

use sitecard_domain::ids::AccountId;
use sitecard_persistence::persons;
use uuid::Uuid;

use crate::error::{AppError, Fields};
use crate::right_to_work::{self, RightToWork};
use crate::state::AppState;
use crate::use_cases::show_identity_record::{VerificationView, view};

pub struct RecordRightToWork {
    pub verifier_id: AccountId,
    /// The verification record whose person holds the permit.
    pub verification_id: Uuid,
    /// The permit as printed; checked here, after the record is found (an unknown record is a 404 before any
    /// field error), because whether a permit is wanted at all depends on the recorded nationality.
    pub permit: RightToWork,
}

/// The verification record the permit was recorded for, with the permit now current.
pub async fn record_right_to_work(state: &AppState, cmd: RecordRightToWork) -> Result<VerificationView, AppError> {
    let RecordRightToWork { verifier_id, verification_id, permit } = cmd;
    let record = persons::find_verification(&state.db, verification_id).await?.ok_or(AppError::NotFound)?;
    let mut f = Fields::new();
    let permit = right_to_work::parse_permit(state, &permit, &mut f);
    if !right_to_work::required_for(&record.nationality) {
        right_to_work::refuse_unneeded(&mut f);
    }
    let permit = f.finish_with(permit)?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    right_to_work::record_permit(&txn, record.person_id, record.id, verifier_id.into(), &permit).await?;
    txn.commit().await?;
    view(&state.db, record).await
}
