//! Cognito's SRP-6a (`USER_SRP_AUTH` → `PASSWORD_VERIFIER`), the client side: the password is
//! proven, never sent. The 3072-bit group of RFC 3526 with g = 2, SHA-256, and Cognito's own
//! key derivation and claim signature. Pure: randomness and time come in as values.

use super::bignum::{Modulus, PADDED_BYTES, Power, Uint, limbs, mul_add};
pub use crate::secret::wipe;
use crate::secret::{Password, Secret};
use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use std::fmt;

/// Standard base64 (`+`, `/`), as Cognito writes `SECRET_BLOCK` and reads the signature:
/// written padded, read with or without the padding.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// RFC 3526's 3072-bit MODP prime.
pub const N_HEX: &[u8] = b"\
FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD\
EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED\
EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F\
83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B\
E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510\
15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7\
ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C\
BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

/// The number of random bytes that make the secret exponent `a`.
pub const SECRET_BYTES: usize = 128;

fn n() -> Uint {
    Uint::from_hex(std::str::from_utf8(N_HEX).expect("ASCII"))
        .expect("the group prime is valid hex")
}

/// The big-endian bytes of `x` with a leading zero byte when the top bit is set: the
/// two's-complement form (Java's `toByteArray`) that Cognito hashes.
/// For public values; secrets use [`Uint::write_padded`] into a buffer they then wipe.
fn padded(x: &Uint) -> Vec<u8> {
    let mut out = [0u8; PADDED_BYTES];
    let start = x.write_padded(&mut out);
    out[start..].to_vec()
}

fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
    }
    hash.finalize().into()
}

fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key length");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

fn from_hex(field: &'static str, hex: &str) -> Result<Uint, SrpError> {
    Uint::from_hex(hex).ok_or(SrpError::BadParameter(field))
}

/// What the `PASSWORD_VERIFIER` challenge says.
#[derive(Debug, Clone)]
pub struct VerifierChallenge {
    /// The user's real username (the sign-in name may be an alias).
    pub user_id: String,
    /// The user's salt, from the challenge's `SALT`.
    pub salt_hex: String,
    /// The server's public value B, from the challenge's `SRP_B`.
    pub srp_b_hex: String,
    /// Opaque, base64; signed and sent back as it came.
    pub secret_block: String,
}

/// The answer to [`VerifierChallenge`].
#[derive(Debug, Clone)]
pub struct PasswordClaim {
    /// The `USER_ID_FOR_SRP` to answer with.
    pub user_id: String,
    /// The challenge's `SECRET_BLOCK`, echoed.
    pub secret_block: String,
    /// The time the signature covers, in Cognito's format.
    pub timestamp: String,
    /// The password claim signature (base64).
    pub signature: Secret,
}

/// Why a password claim could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SrpError {
    /// A challenge parameter is missing or not what Cognito sends.
    BadParameter(&'static str),
    /// The server's values would make the proof worthless (B ≡ 0 or u = 0): refuse.
    UnsafeServerValue,
}

impl fmt::Display for SrpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SrpError::BadParameter(field) => write!(f, "the SRP challenge's {field} is not valid"),
            SrpError::UnsafeServerValue => f.write_str("the SRP challenge's values are unsafe"),
        }
    }
}

impl std::error::Error for SrpError {}

/// One SRP sign-in: made with fresh randomness, used for one challenge, then dropped.
pub struct SrpClient {
    a: Uint,
    big_a: Uint,
}

impl fmt::Debug for SrpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SrpClient([redacted])")
    }
}

impl SrpClient {
    /// `random` must come from a cryptographic generator. `None` in the (2^-3000) case that
    /// it gives A ≡ 0; draw again. Awaits `pause` midway, for the page to have a turn.
    pub async fn new<P: Future<Output = ()>>(
        random: &[u8; SECRET_BYTES],
        pause: impl FnMut() -> P,
    ) -> Option<SrpClient> {
        let a = Uint::from_be_bytes(random)?;
        let modulus = Modulus::new(n());
        let big_a = finish(modulus.pow2(&a.0), pause).await;
        (!big_a.is_zero()).then_some(SrpClient { a, big_a })
    }

    /// `SRP_A` for `InitiateAuth`, in hex.
    pub fn srp_a(&self) -> String {
        self.big_a.to_hex()
    }

    /// Proves the password for `challenge`. `pool_name` is the pool id after its `_`;
    /// `timestamp` is [`timestamp`]'s format and must be the one sent. Awaits `pause` between
    /// slices of the math, for the page to have a turn.
    pub async fn claim<P: Future<Output = ()>>(
        &self,
        pool_name: &str,
        challenge: &VerifierChallenge,
        password: &Password,
        timestamp: &str,
        pause: impl FnMut() -> P,
    ) -> Result<PasswordClaim, SrpError> {
        let secret_block = BASE64
            .decode(&challenge.secret_block)
            .map_err(|_| SrpError::BadParameter("SECRET_BLOCK"))?;
        let mut key = self.key(pool_name, challenge, password, pause).await?;
        let signature = hmac_sha256(
            &key,
            &[
                pool_name.as_bytes(),
                challenge.user_id.as_bytes(),
                &secret_block,
                timestamp.as_bytes(),
            ],
        );
        wipe(&mut key);
        Ok(PasswordClaim {
            user_id: challenge.user_id.clone(),
            secret_block: challenge.secret_block.clone(),
            timestamp: timestamp.to_string(),
            signature: Secret::new(BASE64.encode(signature)),
        })
    }

    /// The 16-byte key both sides derive from the shared secret S.
    async fn key<P: Future<Output = ()>>(
        &self,
        pool_name: &str,
        challenge: &VerifierChallenge,
        password: &Password,
        pause: impl FnMut() -> P,
    ) -> Result<[u8; 16], SrpError> {
        let n = n();
        let modulus = Modulus::new(n.clone());
        let b = from_hex("SRP_B", &challenge.srp_b_hex)?;
        let salt = from_hex("SALT", &challenge.salt_hex)?;
        let b_mod_n = modulus.reduce(&b);
        if b_mod_n.is_zero() {
            return Err(SrpError::UnsafeServerValue);
        }
        let u = sha256(&[&padded(&self.big_a), &padded(&b)]);
        if u.iter().all(|&byte| byte == 0) {
            return Err(SrpError::UnsafeServerValue);
        }
        let k = sha256(&[&padded(&n), &padded(&Uint::from_u32(2))]);
        // Every value below that the password or `a` reaches is wiped once used: the hash of
        // the password (`identity`), x, g^x (the verifier), the base, the exponent, S and its
        // bytes, and the HKDF's PRK and output. (A power under way wipes its own copies.)
        let mut identity = sha256(&[
            pool_name.as_bytes(),
            challenge.user_id.as_bytes(),
            b":",
            password.expose().as_bytes(),
        ]);
        let mut x = sha256(&[&padded(&salt), &identity]);
        wipe(&mut identity);
        let mut x_limbs = limbs(&x);
        wipe(&mut x);
        // S = (B - k·g^x)^(a + u·x) mod N, kept non-negative.
        let mut g_x = modulus.pow2(&x_limbs).run();
        let k = Uint::from_be_bytes(&k).expect("a hash fits");
        let mut k_g_x = modulus.mul(&k, &g_x);
        g_x.wipe();
        let mut base = modulus.sub(&b_mod_n, &k_g_x);
        k_g_x.wipe();
        let mut exponent = mul_add(&limbs(&u), &x_limbs, &self.a.0);
        wipe(&mut x_limbs);
        let power = modulus.pow(&base, &exponent);
        base.wipe();
        wipe(&mut exponent);
        let mut s = finish(power, pause).await;
        let u = Uint::from_be_bytes(&u).expect("a hash fits");
        // HKDF-SHA256 to 16 bytes, salt u, info "Caldera Derived Key".
        let mut s_bytes = [0u8; PADDED_BYTES];
        let start = s.write_padded(&mut s_bytes);
        s.wipe();
        let mut prk = hmac_sha256(&padded(&u), &[&s_bytes[start..]]);
        wipe(&mut s_bytes);
        let mut okm = hmac_sha256(&prk, &[b"Caldera Derived Key", &[1]]);
        wipe(&mut prk);
        let mut key = [0u8; 16];
        key.copy_from_slice(&okm[..16]);
        wipe(&mut okm);
        Ok(key)
    }
}

/// Works `power` through to its result, awaiting `pause` between two slices.
async fn finish<P: Future<Output = ()>>(
    mut power: Power<'_>,
    mut pause: impl FnMut() -> P,
) -> Uint {
    loop {
        if let Some(out) = power.step() {
            return out;
        }
        pause().await;
    }
}

impl Drop for SrpClient {
    fn drop(&mut self) {
        self.a.wipe();
    }
}

/// Cognito's `TIMESTAMP`: `Mon Nov 3 09:05:07 UTC 2026` (the day of the month not padded).
pub fn timestamp(unix_ms: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let secs = unix_ms / 1000;
    let days = secs / 86_400;
    let (h, m, s) = (secs % 86_400 / 3600, secs % 3600 / 60, secs % 60);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{} {} {day} {h:02}:{m:02}:{s:02} UTC {year}",
        DAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;

    async fn no_pause() {}

    /// Made by amazon-cognito-identity-js; see tests/fixtures/srp/make-vectors.cjs.
    const VECTORS: &str = include_str!("../../tests/fixtures/srp/vectors.json");

    fn hex_bytes(hex: &str) -> Vec<u8> {
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn matches_amazon_cognito_identity_js() {
        let fixture: serde_json::Value = serde_json::from_str(VECTORS).unwrap();
        let vectors = fixture["vectors"].as_array().unwrap();
        assert!(vectors.len() >= 3);
        for v in vectors {
            let text = |k: &str| v[k].as_str().unwrap().to_string();
            let a: [u8; SECRET_BYTES] = hex_bytes(&text("a")).try_into().unwrap();
            let client = block_on(SrpClient::new(&a, no_pause)).unwrap();
            assert_eq!(client.srp_a(), v["expected"]["srpA"].as_str().unwrap());
            let challenge = VerifierChallenge {
                user_id: text("userId"),
                salt_hex: text("salt"),
                srp_b_hex: text("srpB"),
                secret_block: text("secretBlock"),
            };
            let (pool, password) = (text("poolName"), Password::new(text("password")));
            let key = block_on(client.key(&pool, &challenge, &password, no_pause)).unwrap();
            assert_eq!(
                key.to_vec(),
                hex_bytes(v["expected"]["hkdf"].as_str().unwrap())
            );
            let timestamp = text("timestamp");
            let claim = client.claim(&pool, &challenge, &password, &timestamp, no_pause);
            let claim = block_on(claim).unwrap();
            assert_eq!(
                claim.signature.expose(),
                v["expected"]["signature"].as_str().unwrap()
            );
            assert_eq!(claim.secret_block, challenge.secret_block);
            assert_eq!(claim.user_id, challenge.user_id);
        }
    }

    #[test]
    fn refuses_unsafe_or_garbled_server_values() {
        let client = block_on(SrpClient::new(&[7u8; SECRET_BYTES], no_pause)).unwrap();
        let challenge = |b: &str, salt: &str, block: &str| VerifierChallenge {
            user_id: "u".into(),
            salt_hex: salt.into(),
            srp_b_hex: b.into(),
            secret_block: block.into(),
        };
        let pw = Password::new("p");
        let refusal =
            |c: VerifierChallenge| block_on(client.claim("P", &c, &pw, "t", no_pause)).unwrap_err();
        let n_hex = std::str::from_utf8(N_HEX).unwrap();
        assert_eq!(
            refusal(challenge("0", "ab", "AAAA")),
            SrpError::UnsafeServerValue
        );
        assert_eq!(
            refusal(challenge(n_hex, "ab", "AAAA")),
            SrpError::UnsafeServerValue
        );
        assert_eq!(
            refusal(challenge("xyz", "ab", "AAAA")),
            SrpError::BadParameter("SRP_B")
        );
        assert_eq!(
            refusal(challenge("1234", "zz", "AAAA")),
            SrpError::BadParameter("SALT")
        );
        assert_eq!(
            refusal(challenge("1234", "ab", "!!")),
            SrpError::BadParameter("SECRET_BLOCK")
        );
    }

    #[test]
    fn the_secret_never_prints() {
        let client = block_on(SrpClient::new(&[9u8; SECRET_BYTES], no_pause)).unwrap();
        assert_eq!(format!("{client:?}"), "SrpClient([redacted])");
    }

    #[test]
    fn timestamps_in_cognitos_format() {
        assert_eq!(timestamp(0), "Thu Jan 1 00:00:00 UTC 1970");
        // 2026-11-03T09:05:07Z
        assert_eq!(timestamp(1_793_696_707_000), "Tue Nov 3 09:05:07 UTC 2026");
        // 2024-02-29T23:59:59Z, a leap day
        assert_eq!(timestamp(1_709_251_199_000), "Thu Feb 29 23:59:59 UTC 2024");
        assert_eq!(timestamp(1_767_225_600_000), "Thu Jan 1 00:00:00 UTC 2026");
    }
}
