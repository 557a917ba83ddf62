//! Access tokens: short-lived EdDSA (Ed25519) JWTs with a `kid`. Keys live in the database, encrypted with
//! the data key, so every instance signs and verifies with the same set; `sitecard admin rotate-signing-key`
//! adds a new key that signs from then on while the old one still verifies until it is retired.

use sitecard_domain::ids::AccountId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Utc;
use ed25519_dalek::SigningKey;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sitecard_persistence::{Db, signing_keys};

use crate::crypto::DataCipher;
use crate::error::AppError;

pub const ISSUER: &str = "sitecard";
pub const AUDIENCE: &str = "sitecard-api";
/// Access tokens live 10 minutes at most (DESIGN.md).
pub const ACCESS_TTL_SECS: i64 = 600;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    /// Account id, or partner client id.
    pub sub: String,
    /// `user` or `partner`.
    pub typ: String,
    /// Session id (users only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
}

/// The JWS `typ` of a digital card.
pub const CARD_CREDENTIAL_TYPE: &str = "sitecard-card+jwt";

/// The claims of a digital card: who holds which card, for which employer, until when.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CardClaims {
    pub iss: String,
    /// The card number.
    pub sub: String,
    /// The holder's name as on the card.
    pub name: String,
    /// The employer's name.
    pub company: String,
    /// The card's last valid day, `YYYY-MM-DD`.
    pub valid_until: String,
    pub iat: i64,
    pub exp: i64,
}

struct LoadedKey {
    kid: String,
    public_x: String,
    /// The same key for detached signatures (audit checkpoints).
    signing: SigningKey,
    encoding: EncodingKey,
    decoding: DecodingKey,
}

#[derive(Clone)]
pub struct KeyStore {
    keys: Arc<RwLock<Vec<LoadedKey>>>,
    /// Tokens whose signature, issuer and audience already checked out, by the SHA-256 of the token, with the
    /// `kid` that verified them. An Ed25519 verify is the largest CPU cost of an authenticated read, and a
    /// client sends the same token for up to ten minutes. Expiry is still checked on every use; a retired key
    /// or a reload of the key set empties the cache. Only exact token bytes hit, so nothing forged can.
    verified: Arc<Mutex<VerifiedTokens>>,
}

/// SHA-256 of a token → the `kid` that verified it and its claims.
type VerifiedTokens = HashMap<[u8; 32], (Arc<str>, Arc<Claims>)>;

/// Bounded memory: at this many entries the cache starts over (a few MiB).
const VERIFIED_CACHE_CAP: usize = 10_000;
const LEEWAY_SECS: i64 = 5;

/// PKCS#8 v1 DER of an Ed25519 private key is a fixed 16-byte prefix and the 32-byte seed.
fn pkcs8_der(seed: &[u8; 32]) -> Vec<u8> {
    let mut der = vec![0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];
    der.extend_from_slice(seed);
    der
}

fn load(seed_b64: &str, kid: &str) -> Result<LoadedKey, AppError> {
    let seed: [u8; 32] = URL_SAFE_NO_PAD
        .decode(seed_b64)
        .ok()
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| AppError::internal("stored signing key is malformed"))?;
    let signing = SigningKey::from_bytes(&seed);
    let public_x = URL_SAFE_NO_PAD.encode(signing.verifying_key().to_bytes());
    Ok(LoadedKey {
        kid: kid.to_owned(),
        signing,
        encoding: EncodingKey::from_ed_der(&pkcs8_der(&seed)),
        decoding: DecodingKey::from_ed_components(&public_x).map_err(AppError::internal)?,
        public_x,
    })
}

/// Checks a detached signature against a published key (`x` of its JWK); any malformed part is `false`.
pub fn verify_detached(public_x: &str, message: &[u8], signature_b64: &str) -> bool {
    use ed25519_dalek::{Signature, VerifyingKey};
    let key = URL_SAFE_NO_PAD.decode(public_x).ok().and_then(|b| <[u8; 32]>::try_from(b).ok());
    let sig = URL_SAFE_NO_PAD.decode(signature_b64).ok().and_then(|b| <[u8; 64]>::try_from(b).ok());
    match (key.and_then(|k| VerifyingKey::from_bytes(&k).ok()), sig) {
        (Some(key), Some(sig)) => key.verify_strict(message, &Signature::from_bytes(&sig)).is_ok(),
        _ => false,
    }
}

/// Creates and stores a new signing key; it signs from the next reload on.
pub async fn create_key(db: &Db, cipher: &DataCipher) -> Result<String, AppError> {
    let mut seed = [0u8; 32];
    rand::rng().fill_bytes(&mut seed);
    let seed_b64 = URL_SAFE_NO_PAD.encode(seed);
    let kid = format!("k{}", Utc::now().format("%Y%m%d%H%M%S%f"));
    let loaded = load(&seed_b64, &kid)?;
    signing_keys::insert(db, &kid, &cipher.encrypt(&seed_b64)?, &loaded.public_x).await?;
    Ok(kid)
}

impl KeyStore {
    /// Loads the keys, creating the first one on a new database.
    pub async fn load(db: &Db, cipher: &DataCipher) -> Result<Self, AppError> {
        let store = Self { keys: Arc::new(RwLock::new(Vec::new())), verified: Arc::new(Mutex::new(HashMap::new())) };
        if signing_keys::active(db).await?.is_empty() {
            create_key(db, cipher).await?;
        }
        store.reload(db, cipher).await?;
        Ok(store)
    }

    /// Re-reads the key set (run periodically so rotations reach every instance).
    pub async fn reload(&self, db: &Db, cipher: &DataCipher) -> Result<(), AppError> {
        let rows = signing_keys::active(db).await?;
        let mut loaded = Vec::with_capacity(rows.len());
        for row in rows {
            loaded.push(load(&cipher.decrypt(&row.private_key_enc)?, &row.kid)?);
        }
        if loaded.is_empty() {
            return Err(AppError::internal("no active signing key"));
        }
        if let Ok(mut keys) = self.keys.write() {
            *keys = loaded;
        }
        if let Ok(mut verified) = self.verified.lock() {
            verified.clear();
        }
        Ok(())
    }

    pub fn sign(&self, claims: &Claims) -> Result<String, AppError> {
        let keys = self.keys.read().map_err(|_| AppError::internal("key store poisoned"))?;
        let key = keys.first().ok_or_else(|| AppError::internal("no signing key"))?;
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(key.kid.clone());
        jsonwebtoken::encode(&header, claims, &key.encoding).map_err(AppError::internal)
    }

    /// A digital card (`GET /me/cards/{id}/credential`): a compact JWS with header `typ: sitecard-card+jwt`, so
    /// that it can never pass for an access token (nor an access token for a card: it has no audience).
    pub fn sign_card(&self, claims: &CardClaims) -> Result<String, AppError> {
        let keys = self.keys.read().map_err(|_| AppError::internal("key store poisoned"))?;
        let key = keys.first().ok_or_else(|| AppError::internal("no signing key"))?;
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(key.kid.clone());
        header.typ = Some(CARD_CREDENTIAL_TYPE.into());
        jsonwebtoken::encode(&header, claims, &key.encoding).map_err(AppError::internal)
    }

    /// A detached Ed25519 signature by the current key: `(kid, base64url signature)`.
    pub fn sign_detached(&self, message: &[u8]) -> Result<(String, String), AppError> {
        use ed25519_dalek::Signer;
        let keys = self.keys.read().map_err(|_| AppError::internal("key store poisoned"))?;
        let key = keys.first().ok_or_else(|| AppError::internal("no signing key"))?;
        Ok((key.kid.clone(), URL_SAFE_NO_PAD.encode(key.signing.sign(message).to_bytes())))
    }

    /// Verifies signature (EdDSA only: `alg: none` and key confusion are refused), `kid`, issuer, audience
    /// and expiry.
    /// Shared: a cache hit costs no copy of the claims.
    pub fn verify(&self, token: &str) -> Option<Arc<Claims>> {
        use sha2::Digest;
        let digest: [u8; 32] = sha2::Sha256::digest(token.as_bytes()).into();
        let now = Utc::now().timestamp();
        let cached = self.verified.lock().ok().and_then(|v| v.get(&digest).cloned());
        if let Some((kid, claims)) = cached {
            let key_live = self.keys.read().ok().is_some_and(|keys| keys.iter().any(|k| *k.kid == *kid));
            return (key_live && claims.exp + LEEWAY_SECS > now).then_some(claims);
        }
        let (kid, claims) = self.verify_signature(token)?;
        let claims = Arc::new(claims);
        if let Ok(mut verified) = self.verified.lock() {
            if verified.len() >= VERIFIED_CACHE_CAP {
                verified.clear();
            }
            verified.insert(digest, (kid.into(), claims.clone()));
        }
        Some(claims)
    }

    fn verify_signature(&self, token: &str) -> Option<(String, Claims)> {
        let header = jsonwebtoken::decode_header(token).ok()?;
        if header.alg != Algorithm::EdDSA {
            return None;
        }
        let kid = header.kid?;
        let keys = self.keys.read().ok()?;
        let key = keys.iter().find(|k| k.kid == kid)?;
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = LEEWAY_SECS as u64;
        let claims = jsonwebtoken::decode::<Claims>(token, &key.decoding, &validation).ok()?.claims;
        Some((kid, claims))
    }

    /// The JWKS document (RFC 7517) of every key that may have signed a live token.
    pub fn jwks(&self) -> serde_json::Value {
        let keys = self.keys.read().map(|k| k.iter().map(|k| serde_json::json!({"kty": "OKP", "crv": "Ed25519", "x": k.public_x, "kid": k.kid, "alg": "EdDSA", "use": "sig"})).collect::<Vec<_>>()).unwrap_or_default();
        serde_json::json!({ "keys": keys })
    }
}

pub fn user_claims(account_id: AccountId, session_id: uuid::Uuid, roles: Vec<String>) -> Claims {
    let now = Utc::now().timestamp();
    Claims {
        iss: ISSUER.into(),
        aud: AUDIENCE.into(),
        sub: account_id.to_string(),
        typ: "user".into(),
        sid: Some(session_id.to_string()),
        roles,
        iat: now,
        exp: now + ACCESS_TTL_SECS,
        jti: uuid::Uuid::new_v4().to_string(),
    }
}

pub fn partner_claims(client_id: &str) -> Claims {
    let now = Utc::now().timestamp();
    Claims {
        iss: ISSUER.into(),
        aud: AUDIENCE.into(),
        sub: client_id.to_owned(),
        typ: "partner".into(),
        sid: None,
        roles: vec!["partner".into()],
        iat: now,
        exp: now + ACCESS_TTL_SECS,
        jti: uuid::Uuid::new_v4().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_with(kids: &[&str]) -> KeyStore {
        let keys = kids.iter().map(|kid| load(&URL_SAFE_NO_PAD.encode([7u8; 32]), kid).unwrap()).collect();
        KeyStore { keys: Arc::new(RwLock::new(keys)), verified: Arc::new(Mutex::new(HashMap::new())) }
    }

    fn claims(exp_in: i64) -> Claims {
        let mut c = user_claims(uuid::Uuid::new_v4().into(), uuid::Uuid::new_v4(), vec!["cardholder".into()]);
        c.exp = Utc::now().timestamp() + exp_in;
        c
    }

    #[test]
    fn verified_tokens_are_remembered_but_expiry_and_key_retirement_still_apply() {
        let store = store_with(&["k1"]);
        let token = store.sign(&claims(600)).unwrap();
        assert_eq!(store.verify(&token).map(|c| c.typ.clone()), Some("user".into()));
        assert_eq!(store.verified.lock().unwrap().len(), 1);
        assert!(store.verify(&token).is_some(), "a cache hit answers the same");

        // A cached token that has since expired is refused.
        let digest: [u8; 32] = {
            use sha2::Digest;
            sha2::Sha256::digest(token.as_bytes()).into()
        };
        Arc::make_mut(&mut store.verified.lock().unwrap().get_mut(&digest).unwrap().1).exp = Utc::now().timestamp() - 60;
        assert!(store.verify(&token).is_none());

        // A cached token whose key was retired is refused.
        let token = store.sign(&claims(600)).unwrap();
        assert!(store.verify(&token).is_some());
        *store.keys.write().unwrap() = vec![load(&URL_SAFE_NO_PAD.encode([8u8; 32]), "k2").unwrap()];
        assert!(store.verify(&token).is_none());
    }

    #[test]
    fn only_exact_verified_bytes_hit_the_cache() {
        let store = store_with(&["k1"]);
        let token = store.sign(&claims(600)).unwrap();
        assert!(store.verify(&token).is_some());
        let mut forged = token.clone();
        let last = forged.pop().unwrap();
        forged.push(if last == 'A' { 'B' } else { 'A' });
        assert!(store.verify(&forged).is_none(), "a changed signature is verified, not looked up");
        assert!(store.verify(&claims_token_without_signature(&token)).is_none());
        assert!(store.verify(&store.sign(&claims(-600)).unwrap()).is_none(), "expired tokens are never cached");
        assert_eq!(store.verified.lock().unwrap().len(), 1);
    }

    fn claims_token_without_signature(token: &str) -> String {
        let (head_payload, _) = token.rsplit_once('.').unwrap();
        format!("{head_payload}.")
    }
}
