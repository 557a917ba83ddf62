//! `sitecard admin …`: operator commands.

use clap::Subcommand;
use sitecard_app::use_cases::create_company::{CreateCompany, create_company};
use sitecard_app::use_cases::create_partner_client::{CreatePartnerClient, create_partner_client};
use sitecard_app::use_cases::update_partner_client::{UpdatePartnerClient, update_partner_client};
use sitecard_domain::{Language, Role};

use crate::config::Config;
use crate::startup;

#[derive(Subcommand)]
pub enum AdminCommand {
    /// Print the effective configuration with secrets masked.
    ShowConfig,
    /// Invite an identity verifier: they get an email to set a password and register a phone.
    CreateVerifier {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Invite a platform operator.
    CreateOperator {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Create a company and invite its first administrator (they set a password from the emailed link).
    CreateCompany {
        #[arg(long)]
        name: String,
        #[arg(long)]
        org_number: String,
        #[arg(long)]
        admin_email: String,
        #[arg(long, default_value = "sv")]
        language: String,
    },
    /// Create a production-partner API client; prints the client secret once (only its hash is stored).
    CreatePartnerClient {
        #[arg(long)]
        client_id: String,
        #[arg(long)]
        name: String,
        /// Where webhooks (`order.confirmed`, `card.blocked`, ...) are posted.
        #[arg(long)]
        webhook_url: Option<String>,
    },
    /// Choose which webhook event types a partner client receives (every type until this is set).
    SetWebhookEvents {
        #[arg(long)]
        client_id: String,
        /// Comma-separated event types, e.g. `order.confirmed,order.cancelled`; `all` for every type.
        #[arg(long, value_delimiter = ',', required = true)]
        events: Vec<String>,
    },
    /// Verify the audit log's signed checkpoints and the events they seal; exits non-zero if anything was
    /// changed, removed or cut off. Prints the last checkpoint as NUMBER:HASH to publish outside Sitecard.
    VerifyAuditChain {
        /// A checkpoint published earlier (NUMBER:HASH): the log must still hold it, unchanged.
        #[arg(long)]
        published: Option<sitecard_domain::audit_chain::PublishedCheckpoint>,
    },
    /// Create a new JWT signing key (it signs from now on) and retire all but the previous one.
    RotateSigningKey,
}

pub async fn run(config: &Config, command: AdminCommand) -> Result<(), Box<dyn std::error::Error>> {
    match command {
        AdminCommand::ShowConfig => {
            for (key, value) in config.describe() {
                println!("{key}={value}");
            }
        }
        AdminCommand::CreateVerifier { email, language } => invite(config, &email, Role::Verifier, &language).await?,
        AdminCommand::CreateOperator { email, language } => invite(config, &email, Role::Operator, &language).await?,
        AdminCommand::CreateCompany { name, org_number, admin_email, language } => {
            let state = startup::build_state(config).await?;
            let lang = Language::parse(&language).ok_or_else(|| format!("language must be one of {}", Language::CODES))?;
            let cmd = CreateCompany {
                operator_id: None,
                name: name.clone(),
                org_number,
                country: None,
                admin_email: admin_email.clone(),
                language: lang,
            };
            let created = create_company(&state, cmd).await?;
            println!("company {name} ({}) id {}; administrator {admin_email}", created.company.org_number, created.company.id);
            match created.admin.link {
                Some(link) if config.dev => println!("invitation link (dev mode): {link}"),
                Some(_) => println!("an invitation email is queued"),
                None => println!("{admin_email} already had an account; now an administrator"),
            }
        }
        AdminCommand::CreatePartnerClient { client_id, name, webhook_url } => {
            // Checked again (with its DNS answer) at every delivery; refused here so the operator hears it now.
            if let Some(url) = &webhook_url {
                sitecard_notify::adapters::check_webhook_url(url, config.dev || config.webhook_allow_private)
                    .map_err(|e| format!("--webhook-url {url}: {e}"))?;
            }
            let state = startup::build_state(config).await?;
            let cmd = CreatePartnerClient { operator_id: None, client_id, name, webhook_url, webhook_events: None };
            let p = create_partner_client(&state, cmd).await?;
            println!("client_id={}", p.client_id);
            println!("client_secret={}   (shown once; store it now)", p.client_secret);
            println!("webhook_secret={}  (HMAC-SHA256 key of Sitecard-Signature)", p.webhook_secret);
        }
        AdminCommand::SetWebhookEvents { client_id, events } => {
            let events: Option<Vec<String>> = (events != ["all"]).then_some(events);
            let state = startup::build_state(config).await?;
            let cmd = UpdatePartnerClient {
                operator_id: None,
                client_id: client_id.clone(),
                name: None,
                webhook_url: None,
                webhook_events: Some(events),
            };
            let client = update_partner_client(&state, cmd).await?;
            match sitecard_app::partner_clients::subscription(&client) {
                Some(types) => println!("{client_id} receives: {}", types.join(", ")),
                None => println!("{client_id} receives every event type"),
            }
        }
        AdminCommand::VerifyAuditChain { published } => {
            let db = startup::open_database(config).await?;
            let report = sitecard_app::audit_seal::verify_audit_chain(&db, published.as_ref()).await?;
            let last = report.last_checkpoint.as_ref().map(|c| c.published_form.clone()).unwrap_or_else(|| "none yet".into());
            match &report.problem {
                None => println!(
                    "audit chain OK: {} checkpoints, {} events sealed, {} not sealed yet; last checkpoint {last}",
                    report.checkpoints, report.sealed_events, report.unsealed_events
                ),
                Some(problem) => {
                    println!("audit chain BROKEN ({:?}): {}", problem.code, problem.detail);
                    println!(
                        "verified before it: {} checkpoints, {} events; last good checkpoint {last}",
                        report.checkpoints, report.sealed_events
                    );
                    return Err("audit chain broken".into());
                }
            }
        }
        AdminCommand::RotateSigningKey => {
            let state = startup::build_state(config).await?;
            let kid = sitecard_app::keys::create_key(&state.db, &state.cipher).await?;
            let active = sitecard_persistence::signing_keys::active(&state.db).await?;
            let keep: Vec<String> = active.iter().take(2).map(|k| k.kid.clone()).collect();
            let retired = sitecard_persistence::signing_keys::retire_all_but(&state.db, &keep).await?;
            println!("new signing key {kid}; {retired} older key(s) retired; instances pick it up within a minute");
        }
    }
    Ok(())
}

async fn invite(config: &Config, email: &str, role: Role, language: &str) -> Result<(), Box<dyn std::error::Error>> {
    let state = startup::build_state(config).await?;
    let lang = Language::parse(language).ok_or_else(|| format!("language must be one of {}", Language::CODES))?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let invited = sitecard_app::invite::invite(&txn, &state, email, role, lang, None).await?;
    txn.commit().await?;
    match invited.link {
        Some(link) if config.dev => println!("invited {email} as {}; invitation link (dev mode): {link}", role.as_str()),
        Some(_) => println!("invited {email} as {}; an invitation email is queued", role.as_str()),
        None => println!("{email} already has an account; role {} added", role.as_str()),
    }
    Ok(())
}
