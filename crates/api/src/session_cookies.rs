//! The web client's refresh cookie (HttpOnly) and its readable session hint, and the token answer that sets
//! them.

use actix_web::HttpResponse;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use sitecard_app::AppState;
use sitecard_app::session_flow::{Issued, REFRESH_COOKIE, SESSION_HINT_COOKIE, SESSION_TTL_DAYS};

pub fn refresh_cookie(state: &AppState, token: &str) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, token.to_owned())
        .path("/api/v1/auth")
        .http_only(true)
        .secure(state.config.secure_cookies)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::days(SESSION_TTL_DAYS))
        .finish()
}

fn session_hint_cookie(state: &AppState) -> Cookie<'static> {
    Cookie::build(SESSION_HINT_COOKIE, "1")
        .path("/")
        .secure(state.config.secure_cookies)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::days(SESSION_TTL_DAYS))
        .finish()
}

/// Removals of the refresh cookie and the session hint.
pub fn clear_cookies(state: &AppState) -> [Cookie<'static>; 2] {
    [refresh_cookie(state, ""), session_hint_cookie(state)].map(|mut c| {
        c.make_removal();
        c
    })
}

/// 200 with the token body; the refresh token is also set as the HttpOnly cookie, beside the session hint.
pub fn respond(state: &AppState, issued: Issued) -> HttpResponse {
    let _ = issued.web;
    HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .cookie(refresh_cookie(state, &issued.refresh_token))
        .cookie(session_hint_cookie(state))
        .json(issued.body)
}
