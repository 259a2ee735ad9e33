use std::io::BufRead;
use std::sync::Arc;

use anyhow::Context;
use clap::Parser;
use tokio::net::TcpListener;

use deskql::app::AppState;
use deskql::cli::{Cli, Command};
use deskql::config::ServerConfig;
use deskql::domain::triage::model;
use deskql::{db, graphql, seed, server, services, telemetry};

// glibc's malloc spent a fifth of the CPU (with arena-lock waits) under load; mimalloc's
// per-thread heaps suit many short-lived allocations across tokio workers.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // A missing .env file is normal; everything has a default.
    let _ = dotenvy::dotenv();
    let cli = Cli::parse();
    telemetry::init(cli.telemetry.log_format);
    let command = match cli.command {
        Some(command) => command,
        None => Command::Serve(Box::new(ServerConfig::from_env()?)),
    };
    match command {
        Command::Serve(config) => serve(&cli.database, *config).await,
        Command::Worker(config) => {
            let app = AppState::start(&cli.database, *config).await?;
            stop_on_signal(&app);
            tracing::info!("deskql worker running");
            server::work(app).await
        }
        Command::Migrate => {
            db::ensure_database(cli.database.url()).await?;
            db::run_migrations(cli.database.url()).await
        }
        Command::Schema => {
            print!("{}", graphql::sdl());
            Ok(())
        }
        Command::CreateAdmin { email, name } => {
            let password = match std::env::var("DESKQL_ADMIN_PASSWORD") {
                Ok(password) => password,
                Err(_) => {
                    let mut line = String::new();
                    std::io::stdin().lock().read_line(&mut line)?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let app = AppState::start(&cli.database, ServerConfig::from_env()?).await?;
            let user = services::accounts::create_admin(&app, &email, &name, password)
                .await
                .map_err(|err| err.into_anyhow())?;
            println!("admin {} ({}) is ready", user.email, user.id);
            Ok(())
        }
        Command::TriageEval {
            file,
            train,
            pipeline,
        } => {
            let tickets = read_labelled(&file)?;
            if let Some(train) = train {
                let examples: Vec<model::Example> = read_labelled(&train)?
                    .iter()
                    .map(model::Example::from)
                    .collect();
                model::activate(0, Arc::new(model::TriageModel::train(&examples)));
            }
            let metrics = services::triage_eval::run(&pipeline, &tickets).await?;
            print!("{}", metrics.report());
            Ok(())
        }
        Command::DuplicatesEval { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let pairs = services::duplicates::parse_pairs(&text)
                .map_err(|err| anyhow::anyhow!("{}: {err}", file.display()))?;
            let metrics = services::duplicates::evaluate(cli.database.url(), &pairs).await?;
            print!("{}", metrics.report());
            Ok(())
        }
        Command::SeedDemo { users, tickets } => {
            let app = AppState::start(&cli.database, ServerConfig::from_env()?).await?;
            let summary = seed::seed_demo(&app, users, tickets).await?;
            println!("{summary}");
            Ok(())
        }
    }
}

async fn serve(
    database: &deskql::config::DatabaseConfig,
    config: ServerConfig,
) -> anyhow::Result<()> {
    let listen = config.listen;
    let app = AppState::start(database, config).await?;
    let listener = TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let local = listener.local_addr()?;
    tracing::info!("deskql listening on http://{local}");
    println!(
        "deskql is serving GraphQL on http://{local}/graphql (GraphiQL: open it in a browser; subscriptions: ws://{local}/graphql/ws)"
    );
    stop_on_signal(&app);
    server::serve(app, listener).await
}

/// SIGINT/SIGTERM: stop taking requests and jobs, let running ones finish, exit.
fn stop_on_signal(app: &AppState) {
    let shutdown = app.shutdown.clone();
    tokio::spawn(async move {
        server::shutdown_signal().await;
        tracing::info!("shutting down");
        shutdown.cancel();
    });
}

fn read_labelled(file: &std::path::Path) -> anyhow::Result<Vec<model::LabelledTicket>> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    model::parse_jsonl(&text).map_err(|err| anyhow::anyhow!("{}: {err}", file.display()))
}
