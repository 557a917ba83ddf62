//! Liveness, readiness and metrics for load balancers and Prometheus.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use sitecard_domain::Role;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::metrics::Metrics;
use sitecard_app::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` when the process answers.
    #[schema(example = "ok")]
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct Readiness {
    /// `ok` when the database answers.
    #[schema(example = "ok")]
    pub status: String,
    /// `sqlite` or `postgres`.
    #[schema(example = "postgres")]
    pub database: String,
}

/// Liveness: the process is up.
///
/// No sign-in. Touches nothing else, so it answers `ok` even while the database is down; for load balancers' liveness
/// checks.
#[utoipa::path(tag = "operations", responses((status = 200, description = "The process answers", body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health { status: "ok".into() })
}

/// Readiness: the database is reachable.
///
/// No sign-in. Pings the database and names its kind; while the database cannot be reached the answer is 503
/// problem+json (`service_unavailable`, `Retry-After: 5`), so a load balancer stops sending traffic here.
#[utoipa::path(tag = "operations", responses(
    (status = 200, description = "Ready to serve", body = Readiness),
    (status = 503, description = "The database is unreachable"),
))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<web::Json<Readiness>, ApiError> {
    let database = sitecard_app::health::database_ready(&state).await?;
    Ok(web::Json(Readiness { status: "ok".into(), database: database.into() }))
}

/// Prometheus metrics: request counts and latency histograms by route and status.
///
/// Operators only on this address (route names and error rates tell an attacker where to push); for a scraper without
/// an account, serve it on a separate private address with `SITECARD_METRICS_LISTEN`. Read-only.
#[utoipa::path(tag = "operations", security(("bearer" = [])), responses(
    (status = 200, description = "Prometheus text format", body = String, content_type = "text/plain"),
    (status = 403, description = "Not an operator"),
))]
#[get("/metrics")]
pub async fn metrics(registry: web::Data<Metrics>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    user.require(Role::Operator)?;
    Ok(render_metrics(registry).await)
}

/// The exposition itself, also served without sign-in on the private metrics listener.
pub async fn render_metrics(registry: web::Data<Metrics>) -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(registry.render())
}
