//! The middleware stack in isolation: panics and plain errors become problem+json.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use actix_web::{App, HttpResponse, test, web};
use sitecard_api::middleware::observe;

#[actix_web::test]
async fn a_panicking_handler_answers_500_problem_without_internals() {
    let app = test::init_service(
        App::new()
            .route(
                "/boom",
                web::get().to(|| async {
                    let secret_detail = "database password is hunter2";
                    panic!("{secret_detail}");
                    #[allow(unreachable_code)]
                    HttpResponse::Ok().finish()
                }),
            )
            .wrap(actix_web::middleware::from_fn(observe)),
    )
    .await;
    let res = test::try_call_service(&app, test::TestRequest::get().uri("/boom").to_request()).await;
    let Err(err) = res else { panic!("the panic must surface as an error the dispatcher renders") };
    let res = err.error_response();
    assert_eq!(res.status(), 500);
    assert_eq!(res.headers().get("content-type").unwrap(), "application/problem+json");
    let body = actix_web::body::to_bytes(res.into_body()).await.unwrap();
    let text = String::from_utf8(body.to_vec()).unwrap();
    assert!(text.contains("\"code\":\"internal_error\""));
    assert!(!text.contains("hunter2"));
}

#[actix_web::test]
async fn a_plain_text_error_is_rewritten_as_problem() {
    let app = test::init_service(
        App::new()
            .route("/teapot", web::get().to(|| async { HttpResponse::BadRequest().body("nope") }))
            .wrap(actix_web::middleware::from_fn(observe)),
    )
    .await;
    let res = test::call_service(&app, test::TestRequest::get().uri("/teapot").to_request()).await;
    assert_eq!(res.status(), 400);
    assert_eq!(res.headers().get("content-type").unwrap(), "application/problem+json");
}
