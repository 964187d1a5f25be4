//! OpenID Connect sign-in: the authorization code flow with PKCE (S256).
//!
//! `GET /auth/oidc/{provider}/start?next=/path` stores a random state, nonce and PKCE verifier
//! in the database (so whichever instance receives the callback can finish) and sends the
//! browser to the provider. `GET /auth/oidc/{provider}/callback?code&state` takes that row back
//! (once), exchanges the code, verifies the ID token (signature from the provider's keys,
//! issuer, audience, expiry, nonce) and hands the claims to `backend::identity`, which creates
//! or updates the person and starts the session.
//!
//! Discovery documents are fetched in the background and cached: a provider that is down or
//! misconfigured never stops the server from starting, and the sign-in page says it is
//! unavailable while password sign-in goes on working. When a token is signed with a key the
//! cache does not know (the provider rotated its keys), the document and keys are fetched again
//! once before the token is refused.
//!
//! Nothing secret is logged: not tokens, codes, states, nonces nor the client secret. Every
//! refusal is a log line and a 4xx answer that sends the browser to `/login?error=<code>`.

use crate::config::OidcProvider;
use app::backend::identity::{self, ProviderDirectory, VerifiedSignIn};
use app::backend::identity_store::NewProviderSignIn;
use app::backend::{forms, session, AppState};
use app::domain::claims::PersonClaims;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthenticationFlow, CoreClaimName, CoreClaimType, CoreClient,
    CoreClientAuthMethod, CoreGenderClaim, CoreGrantType, CoreJsonWebKey, CoreJsonWebKeySet,
    CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm, CoreJwsSigningAlgorithm,
    CoreResponseMode, CoreResponseType, CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalClaims, AdditionalProviderMetadata, AuthorizationCode, ClaimsVerificationError,
    ClientId, ClientSecret, CsrfToken, IdToken, IdTokenVerifier, IssuerUrl, Nonce,
    PkceCodeChallenge, PkceCodeVerifier, ProviderMetadata, RedirectUrl, Scope,
    SignatureVerificationError,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// How long a person may take at the provider before the sign-in must start again.
const SIGN_IN_MINUTES: i64 = 10;
/// The longest wait before a provider whose discovery failed is tried again.
const RETRY_SECS: u64 = 60;
/// How often the cached discovery document and keys are refreshed anyway.
const REFRESH_SECS: u64 = 6 * 60 * 60;

/// The one discovery field Deskfront needs beyond the core ones: where RP-initiated logout is.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct LogoutMetadata {
    pub end_session_endpoint: Option<String>,
}
impl AdditionalProviderMetadata for LogoutMetadata {}

pub type Metadata = ProviderMetadata<
    LogoutMetadata,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

/// Every claim of the ID token beyond the standard ones, by name: which one holds the groups,
/// the manager and the store is configuration.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct OtherClaims(pub HashMap<String, serde_json::Value>);
impl AdditionalClaims for OtherClaims {}

type DeskfrontIdToken = IdToken<
    OtherClaims,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

/// The HTTP client for identity providers. Redirects are not followed (a provider that
/// redirects a back-channel request could otherwise point the server at internal addresses),
/// and a provider that hangs costs a sign-in seconds, not a worker for ever.
pub fn http_client() -> reqwest::Client {
    let builder = || {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10))
    };
    builder().build().unwrap_or_else(|e| {
        // A broken system certificate store must not stop the portal: HTTPS providers then
        // fail discovery (and show as unavailable) while everything else works.
        tracing::error!(error = %e, "the system's root certificates could not be loaded: \
            identity providers over HTTPS will be unavailable");
        builder()
            .tls_built_in_root_certs(false)
            .build()
            .unwrap_or_default()
    })
}

/// Reads a provider's discovery document and keys.
pub async fn discover(http: &reqwest::Client, issuer: &str) -> Result<Metadata, String> {
    let issuer = IssuerUrl::new(issuer.trim().to_string()).map_err(|e| e.to_string())?;
    Metadata::discover_async(issuer, http)
        .await
        .map_err(|e| describe_discovery_error(&e))
}

fn describe_discovery_error(e: &dyn std::error::Error) -> String {
    // The chain says what failed (connection refused, an issuer that differs from the URL…).
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// What an ID token must match.
pub struct Expected<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub client_secret: &'a str,
    pub nonce: &'a str,
    /// The signing algorithms the provider says it uses (`id_token_signing_alg_values_supported`);
    /// `none` is never accepted.
    pub algs: &'a [CoreJwsSigningAlgorithm],
}

/// Why an ID token was refused. Its text never includes the token.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TokenRefusal {
    #[error("the ID token is not a well-formed signed JWT")]
    Malformed,
    #[error("no key of the provider matches the token's key id")]
    UnknownKey,
    #[error("the ID token's signature is invalid ({0})")]
    Signature(String),
    #[error("the ID token was issued for another client ({0})")]
    Audience(String),
    #[error("the ID token comes from another issuer ({0})")]
    Issuer(String),
    #[error("the ID token's nonce is not the one this sign-in sent")]
    Nonce,
    #[error("the ID token has expired ({0})")]
    Expired(String),
    #[error("the ID token was refused: {0}")]
    Other(String),
}

/// A verified ID token's subject and the claims Deskfront maps.
#[derive(Clone, Debug, PartialEq)]
pub struct VerifiedToken {
    pub subject: String,
    pub email_verified: Option<bool>,
    pub claims: PersonClaims,
}

/// Verifies `raw` (a compact JWS) against the provider's keys and what this sign-in expects,
/// and reads the claims `provider` maps. Pure apart from the clock: tests call it with real
/// tokens from a real provider.
pub fn verify_id_token(
    raw: &str,
    keys: &CoreJsonWebKeySet,
    expected: &Expected<'_>,
    provider: &OidcProvider,
) -> Result<VerifiedToken, TokenRefusal> {
    let token: DeskfrontIdToken = raw.parse().map_err(|_| TokenRefusal::Malformed)?;
    let issuer = IssuerUrl::new(expected.issuer.to_string())
        .map_err(|e| TokenRefusal::Other(e.to_string()))?;
    let mut verifier = IdTokenVerifier::new_confidential_client(
        ClientId::new(expected.client_id.to_string()),
        ClientSecret::new(expected.client_secret.to_string()),
        issuer,
        keys.clone(),
    );
    // An empty secret would make HMAC-signed tokens forgeable by anyone: asymmetric only then.
    if expected.client_secret.is_empty() {
        verifier = IdTokenVerifier::new_public_client(
            ClientId::new(expected.client_id.to_string()),
            IssuerUrl::new(expected.issuer.to_string())
                .map_err(|e| TokenRefusal::Other(e.to_string()))?,
            keys.clone(),
        );
    }
    // Without this only RS256 would pass, and a provider signing with ES256 would lock
    // everyone out.
    verifier = verifier.set_allowed_algs(
        expected
            .algs
            .iter()
            .filter(|a| **a != CoreJwsSigningAlgorithm::None)
            .cloned(),
    );
    let nonce = Nonce::new(expected.nonce.to_string());
    let claims = token.claims(&verifier, &nonce).map_err(|e| match e {
        ClaimsVerificationError::SignatureVerification(
            SignatureVerificationError::NoMatchingKey,
        ) => TokenRefusal::UnknownKey,
        ClaimsVerificationError::SignatureVerification(s) => TokenRefusal::Signature(s.to_string()),
        ClaimsVerificationError::InvalidAudience(s) => TokenRefusal::Audience(s),
        ClaimsVerificationError::InvalidIssuer(s) => TokenRefusal::Issuer(s),
        ClaimsVerificationError::InvalidNonce(_) => TokenRefusal::Nonce,
        ClaimsVerificationError::Expired(s) => TokenRefusal::Expired(s),
        other => TokenRefusal::Other(other.to_string()),
    })?;
    let other = &claims.additional_claims().0;
    let text = |name: &Option<String>| -> Option<String> {
        match other.get(name.as_deref()?)? {
            serde_json::Value::String(s) => Some(s.clone()),
            _ => None,
        }
    };
    // A provider sends one group as a string, several as an array (or none at all).
    let groups = match other.get(&provider.groups_claim) {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let name = claims
        .name()
        .and_then(|n| n.get(None))
        .map(|n| n.to_string())
        .or_else(|| claims.preferred_username().map(|u| u.as_str().to_string()))
        .unwrap_or_default();
    Ok(VerifiedToken {
        subject: claims.subject().as_str().to_string(),
        email_verified: claims.email_verified(),
        claims: PersonClaims {
            name,
            email: claims
                .email()
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            groups,
            manager_email: text(&provider.manager_claim),
            store: text(&provider.store_claim),
        },
    })
}

/// One configured provider and what discovery last said about it.
struct Provider {
    config: OidcProvider,
    metadata: RwLock<Option<Arc<Metadata>>>,
}

/// The configured providers, their cached discovery documents and the HTTP client.
pub struct Oidc {
    providers: HashMap<String, Arc<Provider>>,
    directory: Arc<ProviderDirectory>,
    http: reqwest::Client,
    /// `public_url` from the configuration: the base of the redirect URI. Unset: the request's
    /// host.
    public_url: Option<String>,
    https: bool,
}

impl Oidc {
    pub fn new(
        providers: &[OidcProvider],
        directory: Arc<ProviderDirectory>,
        public_url: Option<String>,
        https: bool,
    ) -> Self {
        Oidc {
            providers: providers
                .iter()
                .map(|p| {
                    let provider = Provider {
                        config: p.clone(),
                        metadata: RwLock::new(None),
                    };
                    (p.id.clone(), Arc::new(provider))
                })
                .collect(),
            directory,
            http: http_client(),
            public_url: public_url.map(|u| u.trim().trim_end_matches('/').to_string()),
            https,
        }
    }

    /// Fetches `provider`'s discovery document and keys and caches them; on failure, marks it
    /// unavailable on the sign-in page.
    async fn refresh(&self, provider: &Provider) -> Result<Arc<Metadata>, String> {
        let id = &provider.config.id;
        match discover(&self.http, &provider.config.issuer).await {
            Ok(metadata) => {
                let metadata = Arc::new(metadata);
                let end = metadata.additional_metadata().end_session_endpoint.clone();
                if let Ok(mut slot) = provider.metadata.write() {
                    *slot = Some(metadata.clone());
                }
                self.directory.set_status(id, true, end);
                Ok(metadata)
            }
            Err(e) => {
                tracing::warn!(target: "deskfront::sign_in", provider = %id, issuer = %provider.config.issuer,
                    error = %e, "identity provider discovery failed: check the issuer URL and that the provider is reachable from this server");
                // A document fetched before still works for sign-ins until the provider is back.
                let cached = provider.metadata.read().is_ok_and(|m| m.is_some());
                if !cached {
                    self.directory.set_status(id, false, None);
                }
                Err(e)
            }
        }
    }

    /// The cached discovery document, fetched now if there is none yet.
    async fn metadata(&self, provider: &Provider) -> Result<Arc<Metadata>, String> {
        let cached = provider.metadata.read().ok().and_then(|m| m.clone());
        match cached {
            Some(m) => Ok(m),
            None => self.refresh(provider).await,
        }
    }

    /// Discovers every provider now and then keeps them fresh: a failed one is tried again
    /// after 1, 2, 4… seconds up to a minute (a provider started just after the portal is soon
    /// found), a working one refreshed every few hours.
    pub fn spawn_discovery(self: &Arc<Self>) {
        for provider in self.providers.values() {
            let oidc = self.clone();
            let provider = provider.clone();
            tokio::spawn(async move {
                let mut failures = 0u32;
                loop {
                    let wait = match oidc.refresh(&provider).await {
                        Ok(_) => {
                            failures = 0;
                            REFRESH_SECS
                        }
                        Err(_) => {
                            failures += 1;
                            (1u64 << failures.min(6)).min(RETRY_SECS)
                        }
                    };
                    tokio::time::sleep(Duration::from_secs(wait)).await;
                }
            });
        }
    }

    /// `https://desk.example.com/auth/oidc/<id>/callback`, as registered at the provider.
    fn redirect_uri(&self, id: &str, headers: &HeaderMap) -> String {
        let base = self.public_url.clone().unwrap_or_else(|| {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("localhost");
            format!("{}://{host}", if self.https { "https" } else { "http" })
        });
        format!("{base}/auth/oidc/{id}/callback")
    }

    /// Verifies an ID token, fetching the provider's keys once more if it was signed with a
    /// key the cache does not know (the provider rotated its keys since).
    async fn verify(
        &self,
        provider: &Provider,
        metadata: Arc<Metadata>,
        raw: &str,
        nonce: &str,
    ) -> Result<VerifiedToken, TokenRefusal> {
        let check = |m: &Metadata| {
            verify_id_token(
                raw,
                m.jwks(),
                &Expected {
                    issuer: m.issuer().as_str(),
                    client_id: &provider.config.client_id,
                    client_secret: &provider.config.client_secret,
                    nonce,
                    algs: m.id_token_signing_alg_values_supported(),
                },
                &provider.config,
            )
        };
        match check(&metadata) {
            Err(TokenRefusal::UnknownKey) => {
                tracing::info!(target: "deskfront::sign_in", provider = %provider.config.id,
                    "ID token signed with an unknown key: fetching the provider's keys again");
                let fresh = self
                    .refresh(provider)
                    .await
                    .map_err(|_| TokenRefusal::UnknownKey)?;
                check(&fresh)
            }
            other => other,
        }
    }
}

impl Oidc {
    /// Verifies `raw` for the provider `id` as the callback does, key re-fetch included.
    pub async fn verify_for(
        &self,
        id: &str,
        raw: &str,
        nonce: &str,
    ) -> Result<VerifiedToken, TokenRefusal> {
        let provider = self
            .providers
            .get(id)
            .ok_or_else(|| TokenRefusal::Other(format!("no provider {id}")))?;
        let metadata = self.metadata(provider).await.map_err(TokenRefusal::Other)?;
        self.verify(provider, metadata, raw, nonce).await
    }

    /// Empties the cached keys of `id`, as a cache from before the provider rotated its keys
    /// would be (for the test of that rotation).
    #[doc(hidden)]
    pub fn forget_keys(&self, id: &str) {
        let Some(provider) = self.providers.get(id) else {
            return;
        };
        if let Ok(mut slot) = provider.metadata.write() {
            if let Some(m) = slot.as_ref() {
                let stale = (**m).clone().set_jwks(CoreJsonWebKeySet::new(Vec::new()));
                *slot = Some(Arc::new(stale));
            }
        }
    }
}

/// What the routes share: the providers and the app's state (sessions, the store).
#[derive(Clone)]
pub struct OidcRoutes {
    pub oidc: Arc<Oidc>,
    pub app: AppState,
}

pub fn routes(shared: OidcRoutes) -> Router {
    Router::new()
        .route("/auth/oidc/{provider}/start", get(start))
        .route("/auth/oidc/{provider}/callback", get(callback))
        .with_state(shared)
}

/// A refusal: its status, and a page that sends the browser on to the sign-in page, where
/// the notice `code` says what happened. 4xx, never 500: the person or the provider sent
/// something we do not accept.
fn refuse(status: StatusCode, code: &str) -> Response {
    app::backend::metrics::METRICS.sign_in_failures.inc();
    let target = format!("/login?error={code}");
    let text = app::model::notice::notice_text(code, None).unwrap_or_default();
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\
         <title>Not signed in</title></head><body><p>{text}</p>\
         <p><a href=\"{target}\">Back to sign-in</a></p></body></html>"
    );
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8".to_string()),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct StartQuery {
    next: Option<String>,
}

async fn start(
    State(shared): State<OidcRoutes>,
    Path(id): Path<String>,
    Query(query): Query<StartQuery>,
    headers: HeaderMap,
) -> Response {
    let Some(provider) = shared.oidc.providers.get(&id).cloned() else {
        tracing::info!(target: "deskfront::sign_in", provider = %id, "sign-in with an unknown provider refused");
        return refuse(StatusCode::NOT_FOUND, "not_found");
    };
    let metadata = match shared.oidc.metadata(&provider).await {
        Ok(m) => m,
        // Back to the sign-in page, which now shows the provider as unavailable.
        Err(_) => return Redirect::to("/login?error=provider_unavailable").into_response(),
    };
    let redirect_uri = shared.oidc.redirect_uri(&id, &headers);
    let redirect = match RedirectUrl::new(redirect_uri.clone()) {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(target: "deskfront::sign_in", error = %e, "the redirect URI is not a URL: check public_url");
            return refuse(StatusCode::BAD_REQUEST, "provider_unavailable");
        }
    };
    let client = CoreClient::from_provider_metadata(
        (*metadata).clone(),
        ClientId::new(provider.config.client_id.clone()),
        Some(ClientSecret::new(provider.config.client_secret.clone()))
            .filter(|s| !s.secret().is_empty()),
    )
    .set_redirect_uri(redirect);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client.authorize_url(
        CoreAuthenticationFlow::AuthorizationCode,
        CsrfToken::new_random,
        Nonce::new_random,
    );
    // `openid` is always sent; the others as configured.
    for scope in provider.config.scopes.iter().filter(|s| *s != "openid") {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    let (url, state, nonce) = request.set_pkce_challenge(challenge).url();
    let next = forms::safe_next(query.next.as_deref());
    let saved = shared
        .app
        .store
        .save_provider_sign_in(&NewProviderSignIn {
            state_hash: &session::token_hash(state.secret()),
            provider: &id,
            nonce: nonce.secret(),
            pkce_verifier: verifier.secret(),
            redirect_uri: &redirect_uri,
            next_path: &next,
            expires_at: Utc::now() + chrono::Duration::minutes(SIGN_IN_MINUTES),
        })
        .await;
    if let Err(e) = saved {
        tracing::error!(target: "deskfront::sign_in", error = %e, "could not store the sign-in");
        return Redirect::to("/login?error=internal").into_response();
    }
    Redirect::to(url.as_str()).into_response()
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

async fn callback(
    State(shared): State<OidcRoutes>,
    Path(id): Path<String>,
    Query(query): Query<CallbackQuery>,
) -> Response {
    let now = Utc::now();
    let Some(state) = query.state.filter(|s| !s.is_empty() && s.len() <= 512) else {
        tracing::info!(target: "deskfront::sign_in", provider = %id, "callback without a state refused");
        return refuse(StatusCode::BAD_REQUEST, "sign_in_expired");
    };
    let taken = shared
        .app
        .store
        .take_provider_sign_in(&session::token_hash(&state), now)
        .await;
    let sign_in = match taken {
        Ok(Some(s)) => s,
        Ok(None) => {
            tracing::info!(target: "deskfront::sign_in", provider = %id,
                "callback refused: its state is unknown, expired or already used");
            return refuse(StatusCode::BAD_REQUEST, "sign_in_expired");
        }
        Err(e) => {
            tracing::error!(target: "deskfront::sign_in", error = %e, "could not read the sign-in");
            return Redirect::to("/login?error=internal").into_response();
        }
    };
    let (Some(provider), true) = (
        shared.oidc.providers.get(&id).cloned(),
        sign_in.provider == id,
    ) else {
        tracing::warn!(target: "deskfront::sign_in", provider = %id,
            "callback refused: the sign-in was started with another provider");
        return refuse(StatusCode::BAD_REQUEST, "provider_refused");
    };
    if let Some(error) = query.error {
        // The provider's error code only (access_denied, login_required…): its own words
        // could carry anything.
        let error: String = error.chars().take(64).collect();
        tracing::info!(target: "deskfront::sign_in", provider = %id, error = %error,
            "the identity provider refused or the person cancelled");
        return refuse(StatusCode::FORBIDDEN, "provider_cancelled");
    }
    let Some(code) = query.code.filter(|c| !c.is_empty()) else {
        tracing::info!(target: "deskfront::sign_in", provider = %id, "callback without a code refused");
        return refuse(StatusCode::BAD_REQUEST, "provider_refused");
    };
    let metadata = match shared.oidc.metadata(&provider).await {
        Ok(m) => m,
        Err(_) => return Redirect::to("/login?error=provider_unavailable").into_response(),
    };
    let Ok(redirect) = RedirectUrl::new(sign_in.redirect_uri.clone()) else {
        return refuse(StatusCode::BAD_REQUEST, "provider_refused");
    };
    let client = CoreClient::from_provider_metadata(
        (*metadata).clone(),
        ClientId::new(provider.config.client_id.clone()),
        Some(ClientSecret::new(provider.config.client_secret.clone()))
            .filter(|s| !s.secret().is_empty()),
    )
    .set_redirect_uri(redirect);
    let request = match client.exchange_code(AuthorizationCode::new(code)) {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(target: "deskfront::sign_in", provider = %id, error = %e,
                "the provider's discovery document names no token endpoint");
            return refuse(StatusCode::BAD_GATEWAY, "provider_unavailable");
        }
    };
    let response = request
        .set_pkce_verifier(PkceCodeVerifier::new(sign_in.pkce_verifier.clone()))
        .request_async(&shared.oidc.http)
        .await;
    let response = match response {
        Ok(r) => r,
        Err(e) => {
            // The error names the provider's error code or the transport failure; it holds no
            // token (there is none) and no secret.
            tracing::warn!(target: "deskfront::sign_in", provider = %id,
                error = %describe_discovery_error(&e), "the code exchange failed");
            return refuse(StatusCode::FORBIDDEN, "provider_refused");
        }
    };
    let Some(raw) = response.extra_fields().id_token().map(|t| t.to_string()) else {
        tracing::warn!(target: "deskfront::sign_in", provider = %id,
            "the token response has no ID token: is the openid scope allowed for this client?");
        return refuse(StatusCode::FORBIDDEN, "provider_refused");
    };
    let verified = match shared
        .oidc
        .verify(&provider, metadata, &raw, &sign_in.nonce)
        .await
    {
        Ok(v) => v,
        Err(refusal) => {
            tracing::warn!(target: "deskfront::sign_in", provider = %id, reason = %refusal,
                "ID token refused");
            return refuse(StatusCode::FORBIDDEN, "provider_refused");
        }
    };
    if verified.email_verified == Some(false) {
        // An unverified address could be anyone's, and it links to local accounts.
        tracing::warn!(target: "deskfront::sign_in", provider = %id,
            "sign-in refused: the provider says the e-mail address is not verified");
        return refuse(StatusCode::FORBIDDEN, "provider_refused");
    }
    let signed_in = identity::sign_in_with_provider(
        &shared.app,
        VerifiedSignIn {
            provider: &id,
            label: &provider.config.label,
            subject: &verified.subject,
            claims: verified.claims,
            mapping: &provider.config.mapping,
        },
        now,
    )
    .await;
    match signed_in {
        Ok(session) => {
            tracing::debug!(target: "deskfront::sign_in", user_id = session.user_id, "provider session started");
            let mut res = Redirect::to(&forms::safe_next(Some(&sign_in.next_path))).into_response();
            if let Ok(v) = header::HeaderValue::from_str(&session.set_cookie) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            res
        }
        Err(e) => {
            let (code, _) = app::model::notice::notice_for(&e);
            if code == "internal" {
                tracing::error!(target: "deskfront::sign_in", error = %e, "provider sign-in failed");
                return Redirect::to("/login?error=internal").into_response();
            }
            refuse(StatusCode::FORBIDDEN, code)
        }
    }
}
