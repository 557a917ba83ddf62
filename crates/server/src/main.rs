//! The `sitecard` binary: serve the API and SPA, migrate, seed demo data, administer.

mod admin;
mod config;
mod healthcheck;
mod seed;
mod session_changes;
mod startup;
mod telemetry;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::startup::Application;

// Many small short-lived allocations on two event-loop threads and the database threads: jemalloc's per-thread
// caches beat glibc's arenas there (crates/server/Cargo.toml has the numbers).
#[cfg(feature = "jemalloc")]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(name = "sitecard", version, about = "Sitecard: construction-site ID cards for workers without Swedish BankID")]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database, then serve the API, the web app and the docs until SIGINT/SIGTERM.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create the demo company, users, partner and order (safe to run twice).
    SeedDemo,
    /// Print the OpenAPI document generated from the code (what `make openapi` writes to openapi/).
    Openapi,
    /// Exit 0 when the server's `/readyz` answers 200, else 1 (for Docker's HEALTHCHECK and compose: no shell).
    Healthcheck {
        /// What to ask; default `http://127.0.0.1:{SITECARD_PORT}/readyz`.
        #[arg(long)]
        url: Option<String>,
    },
    /// Operator commands.
    Admin {
        #[command(subcommand)]
        command: admin::AdminCommand,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let config = cli.config;
    match cli.command {
        Command::Openapi => {
            println!("{}", sitecard_api::openapi_document().to_pretty_json()?);
        }
        Command::Admin { command } => admin::run(&config, command).await?,
        Command::Healthcheck { url } => {
            healthcheck::run(&url.unwrap_or_else(|| format!("http://127.0.0.1:{}/readyz", config.port))).await?;
        }
        Command::Migrate => {
            let _log = telemetry::init(&config.log_format);
            let db = startup::open_database(&config).await?;
            sitecard_persistence::migrate(&db).await?;
            println!("migrations applied");
        }
        Command::SeedDemo => {
            let _log = telemetry::init(&config.log_format);
            let state = startup::build_state(&config).await?;
            seed::run(&state).await?;
        }
        Command::Serve => {
            let _log = telemetry::init(&config.log_format);
            for (key, value) in config.describe() {
                tracing::info!(key, value = %value, "config");
            }
            let app = Application::build(config.clone()).await?;
            // Tests and scripts read this line to learn the port when started with port 0.
            if let Some(port) = app.metrics_port() {
                let host = config.metrics_listen.as_deref().and_then(|a| a.rsplit_once(':')).map(|(h, _)| h).unwrap_or("127.0.0.1");
                println!("sitecard metrics on http://{host}:{port}/metrics");
            }
            println!("sitecard listening on http://{}:{}", config.host, app.port());
            app.run_until_stopped().await?;
            tracing::info!("stopped");
        }
    }
    Ok(())
}
