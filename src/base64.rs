//! Base64, both alphabets: base64url for JWTs, standard for Cognito's SRP secret block and
//! signature; and lower-case hex. Small enough not to need a crate.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    /// `+` and `/`, padded with `=` (RFC 4648 §4).
    Standard,
    /// `-` and `_`, unpadded (RFC 4648 §5, as in JWTs).
    Url,
}

impl Alphabet {
    fn symbols(self) -> &'static [u8; 64] {
        match self {
            Alphabet::Standard => {
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            }
            Alphabet::Url => b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
        }
    }
}

/// Lower-case hex, two digits a byte (no `format!` machinery: bundle size).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// Decodes, with or without `=` padding; `None` on any character outside the alphabet.
pub fn decode(input: &str, alphabet: Alphabet) -> Option<Vec<u8>> {
    let input = input.trim_end_matches('=');
    if input.len() % 4 == 1 {
        return None;
    }
    let symbols = alphabet.symbols();
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in input.bytes() {
        let value = symbols.iter().position(|&s| s == c)? as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Encodes; the standard alphabet is padded with `=`, the URL one is not.
pub fn encode(bytes: &[u8], alphabet: Alphabet) -> String {
    let symbols = alphabet.symbols();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(symbols[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    if alphabet == Alphabet::Standard {
        while !out.len().is_multiple_of(4) {
            out.push('=');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lower_case_two_digits_a_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(hex(&[]), "");
    }

    #[test]
    fn rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes(), Alphabet::Standard), encoded);
            assert_eq!(
                decode(encoded, Alphabet::Standard).unwrap(),
                plain.as_bytes()
            );
        }
    }

    #[test]
    fn the_two_alphabets_differ_only_in_two_symbols() {
        let bytes = [0xfb, 0xff, 0xbf];
        assert_eq!(encode(&bytes, Alphabet::Standard), "+/+/");
        assert_eq!(encode(&bytes, Alphabet::Url), "-_-_");
        assert_eq!(decode("-_-_", Alphabet::Url).unwrap(), bytes);
        assert!(decode("-_-_", Alphabet::Standard).is_none());
        assert!(decode("+/+/", Alphabet::Url).is_none());
    }

    #[test]
    fn round_trips_every_length() {
        let data: Vec<u8> = (0u8..=255).collect();
        for len in 0..70 {
            for alphabet in [Alphabet::Standard, Alphabet::Url] {
                let slice = &data[180 - len..180];
                assert_eq!(decode(&encode(slice, alphabet), alphabet).unwrap(), slice);
            }
        }
        assert!(
            decode("abcde", Alphabet::Url).is_none(),
            "impossible length"
        );
    }
}
