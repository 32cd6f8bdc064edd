//! A Cognito-only local server for developing and testing the app: fakecloud's Cognito library
//! (`fakecloud-cognito`) on an axum router with fakecloud-core's dispatcher, answering CORS the
//! way AWS's `cognito-idp` endpoint does, plus the test controls the tests and the seed use.
//!
//!   local-cognito --addr 127.0.0.1:4566
//!
//! It binds loopback only, prints one line when ready and stops cleanly on SIGTERM or Ctrl-C.
//! A development and test tool: it is never part of the app's bundle.

mod controls;
mod cors;
mod mailbox;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::{Extension, Router};
use fakecloud_cognito::triggers::CognitoDeliveryContext;
use fakecloud_cognito::{CognitoService, SharedCognitoState};
use fakecloud_core::delivery::DeliveryBus;
use fakecloud_core::dispatch::{self, DispatchConfig};
use fakecloud_core::multi_account::MultiAccountState;
use fakecloud_core::registry::ServiceRegistry;

const REGION: &str = "us-east-1";
const ACCOUNT_ID: &str = "123456789012";
const DEFAULT_ADDR: &str = "127.0.0.1:4566";
const USAGE: &str = "usage: local-cognito [--addr 127.0.0.1:PORT]";

fn main() {
    let addr = match parse_addr(std::env::args().skip(1)) {
        Ok(addr) => addr,
        Err(message) => {
            eprintln!("local-cognito: {message}\n{USAGE}");
            std::process::exit(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    if let Err(message) = runtime.block_on(serve(addr)) {
        eprintln!("local-cognito: {message}");
        std::process::exit(1);
    }
}

/// `--addr HOST:PORT`, loopback only: this server has no authentication at all.
fn parse_addr(mut args: impl Iterator<Item = String>) -> Result<SocketAddr, String> {
    let mut addr = DEFAULT_ADDR.to_string();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--addr" => addr = args.next().ok_or("--addr needs a value")?,
            other => match other.strip_prefix("--addr=") {
                Some(value) => addr = value.to_string(),
                None => return Err(format!("unknown argument {other:?}")),
            },
        }
    }
    let parsed: SocketAddr = addr
        .parse()
        .map_err(|_| format!("--addr {addr:?} is not an address like 127.0.0.1:4566"))?;
    if !parsed.ip().is_loopback() {
        return Err(format!(
            "--addr {addr:?}: only loopback addresses are served"
        ));
    }
    Ok(parsed)
}

async fn serve(addr: SocketAddr) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let endpoint = format!("http://{addr}");
    let state: SharedCognitoState = Arc::new(parking_lot::RwLock::new(MultiAccountState::new(
        ACCOUNT_ID, REGION, &endpoint,
    )));
    let mailbox = mailbox::Mailbox::default();
    let delivery = CognitoDeliveryContext::new(Arc::new(DeliveryBus::new()))
        .with_email(Arc::new(mailbox.clone()))
        .with_sms(Arc::new(mailbox.clone()));
    let mut registry = ServiceRegistry::new();
    registry.register(Arc::new(
        CognitoService::new(state.clone()).with_delivery(delivery),
    ));

    let app = Router::new()
        .merge(controls::router(state, mailbox))
        .fallback(dispatch::dispatch)
        .layer(Extension(Arc::new(registry)))
        .layer(Extension(Arc::new(DispatchConfig::new(REGION, ACCOUNT_ID))))
        .layer(axum::middleware::from_fn(cors::answer_like_aws));

    println!("local-cognito: ready on {endpoint}/ (Cognito in {REGION})");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stop_signal())
    .await
    .map_err(|e| format!("server error: {e}"))
}

async fn stop_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).expect("a SIGTERM handler");
    tokio::select! {
        _ = term.recv() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}

#[cfg(test)]
mod tests {
    use super::parse_addr;

    fn parse(args: &[&str]) -> Result<std::net::SocketAddr, String> {
        parse_addr(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn addresses_are_loopback_only() {
        assert_eq!(parse(&[]).unwrap().to_string(), "127.0.0.1:4566");
        assert_eq!(parse(&["--addr", "127.0.0.1:9"]).unwrap().port(), 9);
        assert_eq!(parse(&["--addr=[::1]:9"]).unwrap().port(), 9);
        assert!(
            parse(&["--addr", "0.0.0.0:4566"])
                .unwrap_err()
                .contains("loopback")
        );
        assert!(
            parse(&["--addr", "localhost"])
                .unwrap_err()
                .contains("not an address")
        );
        assert!(
            parse(&["--port", "1"])
                .unwrap_err()
                .contains("unknown argument")
        );
        assert!(parse(&["--addr"]).unwrap_err().contains("needs a value"));
    }
}
