//! The card photo: upload (company admins), download (the people involved), review (the partner).

pub mod download;
pub mod review;
pub mod upload;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload::upload_photo).service(download::download_photo).service(review::photo_reviews).service(review::review_photo);
}
