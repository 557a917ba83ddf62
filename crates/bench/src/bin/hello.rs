//! The bare-framework baseline: actix-web answering `GET /healthz` with a small JSON body, nothing else.
//! Usage: `hello PORT [WORKERS]`.

use actix_web::{App, HttpResponse, HttpServer, web};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let port: u16 = args.next().and_then(|p| p.parse().ok()).unwrap_or(18081);
    let workers: Option<usize> = args.next().and_then(|w| w.parse().ok());
    actix_web::rt::System::new().block_on(async move {
        let mut server = HttpServer::new(|| {
            App::new().route("/healthz", web::get().to(|| async { HttpResponse::Ok().json(serde_json::json!({"status": "ok"})) }))
        })
        .bind(("127.0.0.1", port))?;
        if let Some(w) = workers {
            server = server.workers(w);
        }
        println!("hello listening on http://127.0.0.1:{port}");
        server.run().await
    })
}
