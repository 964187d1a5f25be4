//! Which address a request came from, for sign-in throttling and logs: the connection's peer,
//! or behind a proxy the address the proxy says it saw (the last `X-Forwarded-For` entry, the
//! only one the proxy itself wrote; the others are the client's to invent).

use app::backend::session::ClientAddress;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;

pub async fn remember_client_address(
    State(trust_forwarded_for): State<bool>,
    mut req: Request,
    next: Next,
) -> Response {
    let forwarded = trust_forwarded_for
        .then(|| {
            req.headers()
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .map(str::trim)
                .rfind(|v| !v.is_empty())
                .map(str::to_string)
        })
        .flatten();
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string());
    if let Some(address) = forwarded.or(peer) {
        req.extensions_mut().insert(ClientAddress(address));
    }
    next.run(req).await
}
