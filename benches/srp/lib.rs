//! One SRP sign-in's client math, as the app does it: A = g^a, then the password claim
//! (S, the HKDF key, the HMAC signature). Inputs are hex/base64 as Cognito sends them.

use cognito_client::cognito::bignum::{Modulus, Uint};
use cognito_client::cognito::srp::{N_HEX, SECRET_BYTES, SrpClient, VerifierChallenge};
use cognito_client::secret::Password;
use futures::executor::block_on;
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
    // No pauses between slices here: the benchmark times the math alone.
    let client = block_on(SrpClient::new(&random, no_pause)).expect("a usable secret");
    let challenge = VerifierChallenge {
        user_id: user_id.into(),
        salt_hex: salt_hex.into(),
        srp_b_hex: srp_b_hex.into(),
        secret_block: secret_block.into(),
    };
    let password = Password::new(password);
    block_on(client.claim(pool_name, &challenge, &password, timestamp, no_pause))
        .map(|claim| claim.signature.expose().to_string())
        .unwrap_or_default()
}

async fn no_pause() {}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

/// Times the steps of a sign-in's math on the same inputs, in milliseconds: the group's
/// Montgomery constants, A = g^a, g^x (a 256-bit x), S = base^(a + u·x) (a 1025-bit exponent,
/// as a + u·x is), and the whole sign-in's math as `srp_claim` does it.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn srp_steps(
    a_hex: &str,
    pool_name: &str,
    user_id: &str,
    password: &str,
    salt_hex: &str,
    srp_b_hex: &str,
    secret_block: &str,
    timestamp: &str,
) -> Vec<f64> {
    let n = Uint::from_hex(std::str::from_utf8(N_HEX).unwrap_or_default()).unwrap_or(Uint::ZERO);
    let a = Uint::from_hex(a_hex).unwrap_or(Uint::ZERO);
    let b = Uint::from_hex(srp_b_hex).unwrap_or(Uint::ZERO);
    let t0 = now();
    let modulus = Modulus::new(n);
    let t1 = now();
    let _big_a = modulus.pow2(&a.0).run();
    let t2 = now();
    let _g_x = modulus.pow2(&a.0[..8]).run();
    let t3 = now();
    let _s = modulus.pow(&modulus.reduce(&b), &[&a.0[..32], &[1]].concat()).run();
    let t4 = now();
    srp_claim(
        a_hex,
        pool_name,
        user_id,
        password,
        salt_hex,
        srp_b_hex,
        secret_block,
        timestamp,
    );
    let t5 = now();
    vec![t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4]
}
