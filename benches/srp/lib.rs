//! One SRP sign-in's client math, as the app does it: A = g^a, then the password claim
//! (S, the HKDF key, the HMAC signature). Inputs are hex/base64 as Cognito sends them.

use cognito_client::cognito::srp::{SECRET_BYTES, SrpClient, VerifierChallenge};
use cognito_client::secret::Password;
use wasm_bindgen::prelude::*;

/// Returns the signature (base64), so the page can check it against the fixture.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn srp_claim(
    a_hex: &str,
    pool_name: &str,
    user_id: &str,
    password: &str,
    salt_hex: &str,
    srp_b_hex: &str,
    secret_block: &str,
    timestamp: &str,
) -> String {
    let mut random = [0u8; SECRET_BYTES];
    for (i, byte) in random.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&a_hex[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    let client = SrpClient::new(&random).expect("a usable secret");
    let challenge = VerifierChallenge {
        user_id: user_id.into(),
        salt_hex: salt_hex.into(),
        srp_b_hex: srp_b_hex.into(),
        secret_block: secret_block.into(),
    };
    client
        .claim(pool_name, &challenge, &Password::new(password), timestamp)
        .map(|claim| claim.signature.expose().to_string())
        .unwrap_or_default()
}
