//! Fixed-size 3072-bit arithmetic modulo an odd prime, just what SRP needs: Montgomery
//! products column by column over 28-bit digits with delayed carries (wasm32 has no 64×64→128
//! multiply; in the browser the columns run on 128-bit SIMD), a dedicated squaring, powers of
//! 2 by doubling, a sliding-window exponentiation, modular subtraction. Hand-written:
//! num-bigint cost 8.9 KB brotli more in the bundle and was 1.7× slower (docs/srp.md).
//! Checked against num-bigint in the tests.

use crate::secret::wipe;

/// 32-bit limbs in a 3072-bit number.
pub const LIMBS: usize = 96;
const BYTES: usize = LIMBS * 4;
/// Room for a number's two's-complement big-endian form: its bytes and a leading zero byte.
pub const PADDED_BYTES: usize = BYTES + 1;

/// A number below 2^3072, little-endian limbs.
#[derive(Clone, PartialEq, Eq)]
pub struct Uint(pub [u32; LIMBS]);

impl Uint {
    /// 0.
    pub const ZERO: Uint = Uint([0; LIMBS]);

    /// A small number.
    pub fn from_u32(x: u32) -> Uint {
        let mut n = Uint::ZERO;
        n.0[0] = x;
        n
    }

    /// `None` if the number does not fit in 3072 bits.
    pub fn from_be_bytes(bytes: &[u8]) -> Option<Uint> {
        let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
        let bytes = &bytes[first..];
        if bytes.len() > BYTES {
            return None;
        }
        let mut n = Uint::ZERO;
        for (i, &byte) in bytes.iter().rev().enumerate() {
            n.0[i / 4] |= u32::from(byte) << (8 * (i % 4));
        }
        Some(n)
    }

    /// From hex digits (any case, odd length allowed); `None` on anything else or too long.
    pub fn from_hex(hex: &str) -> Option<Uint> {
        let digits: Option<Vec<u8>> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect();
        let mut digits = digits.filter(|d| !d.is_empty())?;
        if digits.len() % 2 == 1 {
            digits.insert(0, 0);
        }
        let bytes: Vec<u8> = digits.chunks(2).map(|p| (p[0] << 4) | p[1]).collect();
        Uint::from_be_bytes(&bytes)
    }

    /// Big-endian bytes without leading zero bytes (`[0]` for zero).
    pub fn to_be_bytes(&self) -> Vec<u8> {
        let mut out = [0u8; PADDED_BYTES];
        let start = self.write_padded(&mut out);
        // The padded form's leading zero byte, if any, is not part of the plain bytes.
        let start = start + usize::from(out[start] == 0 && start < BYTES);
        out[start..].to_vec()
    }

    /// Lower-case hex without leading zeros.
    pub fn to_hex(&self) -> String {
        let hex = crate::hex::hex(&self.to_be_bytes());
        match hex.strip_prefix('0') {
            Some(rest) if !rest.is_empty() => rest.to_string(),
            _ => hex,
        }
    }

    /// Whether this is 0.
    pub fn is_zero(&self) -> bool {
        self.0.iter().all(|&limb| limb == 0)
    }

    fn at_least(&self, other: &Uint) -> bool {
        for i in (0..LIMBS).rev() {
            if self.0[i] != other.0[i] {
                return self.0[i] > other.0[i];
            }
        }
        true
    }

    /// `self -= other`, wrapping; returns the borrow.
    #[allow(clippy::needless_range_loop)]
    fn sub_assign(&mut self, other: &Uint) -> bool {
        let mut borrow = 0u64;
        for i in 0..LIMBS {
            let v = u64::from(self.0[i])
                .wrapping_sub(u64::from(other.0[i]))
                .wrapping_sub(borrow);
            self.0[i] = v as u32;
            borrow = (v >> 63) & 1;
        }
        borrow == 1
    }

    /// `self <<= 1`; returns the bit shifted out.
    fn double(&mut self) -> bool {
        let mut carry = 0u32;
        for limb in self.0.iter_mut() {
            let next = *limb >> 31;
            *limb = (*limb << 1) | carry;
            carry = next;
        }
        carry == 1
    }

    /// Writes the two's-complement big-endian form (Java's `toByteArray`: no leading zero bytes
    /// but one when the top bit is set; `[0]` for zero) into `out`, where it starts at the
    /// returned index. No heap copy is made, so a secret's form can be wiped with `out`.
    pub fn write_padded(&self, out: &mut [u8; PADDED_BYTES]) -> usize {
        out[0] = 0;
        for (i, limb) in self.0.iter().rev().enumerate() {
            out[1 + 4 * i..5 + 4 * i].copy_from_slice(&limb.to_be_bytes());
        }
        let first = out[1..]
            .iter()
            .position(|&b| b != 0)
            .map_or(BYTES, |p| p + 1);
        if out[first] & 0x80 != 0 {
            first - 1
        } else {
            first
        }
    }

    /// Overwrites the digits in a way the compiler will not drop (secrets).
    pub fn wipe(&mut self) {
        wipe(&mut self.0);
    }
}

/// Bits per digit of the Montgomery arithmetic. 28, not 32: a column of a product sums at most
/// 220 digit products (each below 2^56) and fits in a `u64` as it is, so the inner loop is a plain
/// multiply-add with no carry to propagate (delayed carries), and runs two lanes at a time with
/// wasm's 128-bit SIMD.
const DIGIT_BITS: u32 = 28;
const MASK: u32 = (1 << DIGIT_BITS) - 1;
/// 110 digits: R = 2^3080 > 4N, so Montgomery products of numbers below 2N stay below 2N and
/// need no subtraction until the end (lazy reduction).
const DIGITS: usize = 110;
const _: () = assert!(DIGITS * DIGIT_BITS as usize >= LIMBS * 32 + 3);
const _: () = assert!(2 * DIGITS as u128 * (MASK as u128 * MASK as u128) < (1 << 64) - (1 << 36));

/// A number below 2^3080 in 28-bit digits, little-endian.
type Digits = [u32; DIGITS];

fn to_digits(x: &Uint) -> Digits {
    let mut out = [0u32; DIGITS];
    for (i, digit) in out.iter_mut().enumerate() {
        let bit = i * DIGIT_BITS as usize;
        let limb = |k: usize| u64::from(x.0.get(k).copied().unwrap_or(0));
        let window = limb(bit / 32) | (limb(bit / 32 + 1) << 32);
        *digit = (window >> (bit % 32)) as u32 & MASK;
    }
    out
}

/// For numbers below 2^3072.
fn from_digits(x: &Digits) -> Uint {
    let mut out = Uint::ZERO;
    for (i, &digit) in x.iter().enumerate() {
        let bit = i * DIGIT_BITS as usize;
        let wide = u64::from(digit) << (bit % 32);
        for (k, part) in [(bit / 32, wide as u32), (bit / 32 + 1, (wide >> 32) as u32)] {
            if let Some(limb) = out.0.get_mut(k) {
                *limb |= part;
            }
        }
    }
    out
}

/// Whether x ≥ y.
fn at_least(x: &Digits, y: &Digits) -> bool {
    for i in (0..DIGITS).rev() {
        if x[i] != y[i] {
            return x[i] > y[i];
        }
    }
    true
}

/// x <<= 1, for x < 2^3079.
fn shift_left(x: &mut Digits) {
    let mut carry = 0;
    for digit in x.iter_mut() {
        let v = (*digit << 1) | carry;
        carry = v >> DIGIT_BITS;
        *digit = v & MASK;
    }
}

/// x -= y, for x ≥ y.
fn subtract(x: &mut Digits, y: &Digits) {
    let mut borrow = 0u32;
    for (xi, &yi) in x.iter_mut().zip(y) {
        let v = xi.wrapping_sub(yi).wrapping_sub(borrow);
        borrow = v >> 31;
        *xi = v & MASK;
    }
}

/// Σ x[i]·y[i] over two slices of equal length (at most 220 products of digits: no overflow).
/// In wasm, with its 128-bit SIMD: four products per step, in two 64-bit lanes.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
fn dot(x: &[u32], y: &[u32]) -> u64 {
    #[cfg(target_arch = "wasm32")]
    let (lanes, x, y) = {
        use core::arch::wasm32::{
            u64x2_add, u64x2_extmul_high_u32x4, u64x2_extmul_low_u32x4, u64x2_extract_lane,
            u64x2_splat, v128, v128_load,
        };
        let ((xs, x_tail), (ys, y_tail)) = (x.as_chunks::<4>(), y.as_chunks::<4>());
        let mut lanes = u64x2_splat(0);
        for (a, b) in xs.iter().zip(ys) {
            // SAFETY: 16 readable bytes each; v128_load takes any alignment.
            let (a, b) = unsafe {
                (
                    v128_load(a.as_ptr().cast::<v128>()),
                    v128_load(b.as_ptr().cast::<v128>()),
                )
            };
            lanes = u64x2_add(lanes, u64x2_extmul_low_u32x4(a, b));
            lanes = u64x2_add(lanes, u64x2_extmul_high_u32x4(a, b));
        }
        let sum = u64x2_extract_lane::<0>(lanes) + u64x2_extract_lane::<1>(lanes);
        (sum, x_tail, y_tail)
    };
    #[cfg(not(target_arch = "wasm32"))]
    let lanes = 0;
    lanes
        + x.iter()
            .zip(y)
            .map(|(&a, &b)| u64::from(a) * u64::from(b))
            .sum::<u64>()
}

/// The odd modulus N, 2^3071 < N < 2^3072, and its Montgomery constants (R = 2^3080). Numbers
/// "in the domain" are x·R mod N, kept below 2N; they leave it fully reduced.
pub struct Modulus {
    n: Uint,
    digits: Digits,
    /// N's digits in reverse order: the column sums walk N downwards while they walk the
    /// other factor upwards.
    reversed: Digits,
    /// 2N, the bound numbers in the domain stay under.
    twice: Digits,
    /// -N⁻¹ mod 2^28.
    n_prime: u32,
    /// R mod N: 1 in the domain.
    one: Digits,
    /// R² mod N: multiplying by it brings a number into the domain.
    r2: Digits,
}

impl Modulus {
    /// The constants for `n`. Panics unless `n` is odd and exactly 3072 bits long.
    pub fn new(n: Uint) -> Modulus {
        assert!(
            n.0[0] & 1 == 1 && n.0[LIMBS - 1] >> 31 == 1,
            "N must be odd and 3072 bits"
        );
        let mut inverse = 1u32; // Newton's iteration doubles the correct low bits each time
        for _ in 0..5 {
            inverse = inverse.wrapping_mul(2u32.wrapping_sub(n.0[0].wrapping_mul(inverse)));
        }
        // 2^3072 mod N = 2^3072 − N (as N > 2^3071); doubled 8 times, R mod N; 385 times more,
        // 2^385 in the domain, which three Montgomery squarings take to 2^3080 = R there: R².
        let double = |x: &mut Uint| {
            if x.double() || x.at_least(&n) {
                x.sub_assign(&n);
            }
        };
        let mut x = Uint::ZERO;
        x.sub_assign(&n);
        for _ in 0..DIGITS * DIGIT_BITS as usize - LIMBS * 32 {
            double(&mut x);
        }
        let one = to_digits(&x);
        for _ in 0..DIGITS * DIGIT_BITS as usize / 8 {
            double(&mut x);
        }
        let digits = to_digits(&n);
        let mut reversed = digits;
        reversed.reverse();
        let mut twice = digits;
        shift_left(&mut twice);
        let mut modulus = Modulus {
            n,
            digits,
            reversed,
            twice,
            n_prime: inverse.wrapping_neg() & MASK,
            one,
            r2: to_digits(&x),
        };
        for _ in 0..3 {
            modulus.r2 = modulus.square(&modulus.r2);
        }
        modulus
    }

    /// a·b·R⁻¹ mod N, below 2N, for a, b < 2N (a·a when `b` is `None`). Column by column
    /// (product scanning): column k adds every a[j]·b[k−j] and m[j]·N[k−j], where the digits m
    /// are chosen so the low half vanishes; a square adds each a[j]·a[k−j] pair once, doubled.
    fn product(&self, a: &Digits, b: Option<&Digits>) -> Digits {
        let mut b_reversed = *b.unwrap_or(a);
        b_reversed.reverse();
        let mut m = [0u32; DIGITS];
        let mut out = [0u32; DIGITS];
        let mut acc = 0u64;
        for k in 0..2 * DIGITS - 1 {
            // Digit j of a meets digit k − j of b, which is b_reversed[DIGITS − 1 − k + j].
            let low = k.saturating_sub(DIGITS - 1);
            let at = DIGITS - 1 + low - k;
            let column =
                |x: &[u32], y: &[u32], end: usize| dot(&x[low..end], &y[at..at + end - low]);
            acc += match b {
                Some(_) => column(a, &b_reversed, DIGITS.min(k + 1)),
                None => {
                    let middle = if k % 2 == 0 {
                        u64::from(a[k / 2]).pow(2)
                    } else {
                        0
                    };
                    2 * column(a, &b_reversed, k.div_ceil(2)) + middle
                }
            };
            acc += column(&m, &self.reversed, DIGITS.min(k));
            if k < DIGITS {
                m[k] = (acc as u32).wrapping_mul(self.n_prime) & MASK;
                acc += u64::from(m[k]) * u64::from(self.digits[0]);
            } else {
                out[k - DIGITS] = acc as u32 & MASK;
            }
            acc >>= DIGIT_BITS;
        }
        out[DIGITS - 1] = acc as u32;
        wipe(&mut b_reversed);
        wipe(&mut m);
        out
    }

    fn mont_mul(&self, a: &Digits, b: &Digits) -> Digits {
        self.product(a, Some(b))
    }

    fn square(&self, a: &Digits) -> Digits {
        self.product(a, None)
    }

    /// x·2 in the domain, still below 2N.
    fn double(&self, x: &mut Digits) {
        shift_left(x);
        if at_least(x, &self.twice) {
            subtract(x, &self.twice);
        }
    }

    /// x mod N as a `Uint`, for x < 2N.
    fn reduced(&self, mut x: Digits) -> Uint {
        if at_least(&x, &self.digits) {
            subtract(&mut x, &self.digits);
        }
        let out = from_digits(&x);
        wipe(&mut x);
        out
    }

    /// x out of the domain: x·R⁻¹ mod N.
    fn leave(&self, x: &Digits) -> Uint {
        let mut unit = [0u32; DIGITS];
        unit[0] = 1;
        self.reduced(self.mont_mul(x, &unit))
    }

    /// x mod N for any x below 2^3072.
    pub fn reduce(&self, x: &Uint) -> Uint {
        let mut r = x.clone();
        while r.at_least(&self.n) {
            r.sub_assign(&self.n);
        }
        r
    }

    /// a·b mod N, for a, b < N.
    pub fn mul(&self, a: &Uint, b: &Uint) -> Uint {
        let product = self.mont_mul(&to_digits(a), &to_digits(b));
        self.reduced(self.mont_mul(&product, &self.r2))
    }

    /// (a - b) mod N, for a, b < N.
    #[allow(clippy::needless_range_loop)]
    pub fn sub(&self, a: &Uint, b: &Uint) -> Uint {
        let mut r = a.clone();
        if r.sub_assign(b) {
            let mut carry = 0u64;
            for i in 0..LIMBS {
                let v = u64::from(r.0[i]) + u64::from(self.n.0[i]) + carry;
                r.0[i] = v as u32;
                carry = v >> 32;
            }
        }
        r
    }

    /// 2^exp mod N (the group's generator g = 2), to be worked through with
    /// [`Power::step`]: squarings, and for each set bit of `exp` (little-endian limbs of any
    /// length) a doubling instead of a multiplication.
    pub fn pow2(&self, exp: &[u32]) -> Power<'_> {
        self.power(exp, None)
    }

    /// base^exp mod N, for base < N and `exp` little-endian limbs of any length, to be worked
    /// through with [`Power::step`]. A sliding window of up to 5 bits: one multiplication per
    /// window, by an odd power from the table.
    pub fn pow(&self, base: &Uint, exp: &[u32]) -> Power<'_> {
        // base^1, base^3, …, base^31, in the domain.
        let mut table = [self.one; 1 << (WINDOW - 1)];
        let mut digits = to_digits(base);
        table[0] = self.mont_mul(&digits, &self.r2);
        let mut square = self.square(&table[0]);
        for i in 1..table.len() {
            table[i] = self.mont_mul(&table[i - 1], &square);
        }
        wipe(&mut digits);
        wipe(&mut square);
        self.power(exp, Some(table))
    }

    fn power(&self, exp: &[u32], table: Option<Table>) -> Power<'_> {
        let bits = bit_length(exp);
        Power {
            modulus: self,
            exp: exp[..bits.div_ceil(32)].to_vec(),
            table,
            acc: self.one,
            next: bits,
            bits,
            slices: bits.div_ceil(SLICE_BITS),
            left: bits.div_ceil(SLICE_BITS),
        }
    }
}

/// The sliding window's width in bits (4 and 6 measured the same, docs/srp.md).
const WINDOW: usize = 5;
/// A window's odd powers of the base, in the domain.
type Table = [Digits; 1 << (WINDOW - 1)];

/// At most this many bits of an exponent are worked through by one [`Power::step`]: 512
/// squarings, about 3 ms here and 12 ms at 4× CPU throttling, so that a sign-in's math never
/// makes a main-thread task anywhere near the 50 ms of a "long task".
pub const SLICE_BITS: usize = 512;

/// An exponentiation under way, worked through one slice of the exponent at a time, so the
/// caller can let the page have a turn between two slices. The exponent's bits are taken from
/// the top, in the fewest slices of at most [`SLICE_BITS`], all of about one size (1024 bits:
/// two of 512, not 512 + 511 + 1). Its numbers (its own copy of the exponent too) are wiped
/// when it is dropped, done or not.
pub struct Power<'a> {
    modulus: &'a Modulus,
    exp: Vec<u32>,
    /// `None` for powers of 2, which double instead of multiplying.
    table: Option<Table>,
    acc: Digits,
    /// The bits below this one are still to do.
    next: usize,
    bits: usize,
    /// Slices in all, and still to do.
    slices: usize,
    left: usize,
}

impl Power<'_> {
    /// Works through the next slice; the result once the last one is done.
    pub fn step(&mut self) -> Option<Uint> {
        let m = self.modulus;
        self.left = self.left.saturating_sub(1);
        let until = self.bits * self.left / self.slices.max(1);
        while self.next > until {
            let i = self.next - 1;
            let (exp, acc) = (&self.exp, &mut self.acc);
            let Some(table) = self.table.as_ref().filter(|_| bit(exp, i)) else {
                *acc = m.square(acc);
                if bit(exp, i) {
                    m.double(acc);
                }
                self.next = i;
                continue;
            };
            // The window: bits i down to the lowest set bit at most WINDOW − 1 below.
            let mut low = i.saturating_sub(WINDOW - 1);
            while !bit(exp, low) {
                low += 1;
            }
            let mut window = 0;
            for j in (low..=i).rev() {
                *acc = m.square(acc);
                window = window << 1 | usize::from(bit(exp, j));
            }
            *acc = m.mont_mul(acc, &table[window >> 1]);
            self.next = low;
        }
        (self.left == 0).then(|| m.leave(&self.acc))
    }

    /// Works through every slice at once.
    pub fn run(mut self) -> Uint {
        loop {
            if let Some(out) = self.step() {
                return out;
            }
        }
    }
}

impl Drop for Power<'_> {
    fn drop(&mut self) {
        wipe(&mut self.acc);
        wipe(&mut self.exp);
        for x in self.table.iter_mut().flatten() {
            wipe(x);
        }
    }
}

/// The number of significant bits of `exp` (little-endian limbs).
fn bit_length(exp: &[u32]) -> usize {
    exp.iter()
        .rposition(|&limb| limb != 0)
        .map_or(0, |i| 32 * i + 32 - exp[i].leading_zeros() as usize)
}

/// Bit `i` of `exp`.
fn bit(exp: &[u32], i: usize) -> bool {
    exp[i / 32] >> (i % 32) & 1 == 1
}

/// Little-endian limbs of big-endian bytes, any length (exponents).
pub fn limbs(bytes: &[u8]) -> Vec<u32> {
    bytes
        .rchunks(4)
        .map(|chunk| chunk.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
        .collect()
}

/// a·b + c over little-endian limbs, exactly (for the exponent a + u·x).
pub fn mul_add(a: &[u32], b: &[u32], c: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; (a.len() + b.len()).max(c.len()) + 1];
    out[..c.len()].copy_from_slice(c);
    for (i, &ai) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &bj) in b.iter().enumerate() {
            let v = u64::from(out[i + j]) + u64::from(ai) * u64::from(bj) + carry;
            out[i + j] = v as u32;
            carry = v >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let v = u64::from(out[k]) + carry;
            out[k] = v as u32;
            carry = v >> 32;
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigUint;

    #[test]
    fn the_padded_form_is_javas_to_byte_array() {
        let top = "f".repeat(768);
        for hex in ["0", "1", "7f", "80", "ff00", "0080", top.as_str()] {
            let n = Uint::from_hex(hex).unwrap();
            let mut out = [0u8; PADDED_BYTES];
            let start = n.write_padded(&mut out);
            let mut expected = n.to_be_bytes();
            if expected[0] & 0x80 != 0 {
                expected.insert(0, 0);
            }
            assert_eq!(&out[start..], &expected[..], "{hex}");
        }
    }
    /// Seeded pseudo-random numbers (SplitMix64): the same cases on every run and target.
    struct Cases(u64);

    impl Cases {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        /// `len` random limbs, sometimes with long runs of zero or all-one limbs (carries).
        fn limbs(&mut self, len: usize) -> Vec<u32> {
            let style = self.next() % 4;
            (0..len)
                .map(|_| match (style, self.next() % 3) {
                    (0, 0) => 0,
                    (1, 0) => u32::MAX,
                    _ => self.next() as u32,
                })
                .collect()
        }

        /// A number below N: random, or one of the edge values.
        fn below_n(&mut self, modulus: &Modulus) -> Uint {
            let n = &modulus.n;
            let minus = |k: u32| modulus.sub(&Uint::ZERO, &Uint::from_u32(k));
            match self.next() % 8 {
                0 => [
                    Uint::ZERO,
                    Uint::from_u32(1),
                    Uint::from_u32(2),
                    minus(1),
                    minus(2),
                ][(self.next() % 5) as usize]
                    .clone(),
                1 => {
                    let mut top = Uint::ZERO; // 2^3071, the top bit set
                    top.0[LIMBS - 1] = 1 << 31;
                    top
                }
                _ => {
                    let mut x = Uint(self.limbs(LIMBS).try_into().unwrap());
                    x.0[LIMBS - 1] >>= self.next() % 33 % 32;
                    let r = modulus.reduce(&x);
                    assert!(!r.at_least(n));
                    r
                }
            }
        }
    }

    fn n() -> Uint {
        Uint::from_hex(std::str::from_utf8(super::super::srp::N_HEX).unwrap()).unwrap()
    }

    fn big(x: &Uint) -> BigUint {
        BigUint::from_bytes_be(&x.to_be_bytes())
    }

    fn big_limbs(x: &[u32]) -> BigUint {
        BigUint::from_slice(x)
    }

    /// Runs on the host (plain column sums) and, in `cargo test --target wasm32-unknown-unknown`,
    /// on wasm's SIMD column sums.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn products_differences_and_reductions_agree_with_num_bigint() {
        let modulus = Modulus::new(n());
        let big_n = big(&n());
        let mut cases = Cases(1);
        for case in 0..300 {
            let (a, b) = (cases.below_n(&modulus), cases.below_n(&modulus));
            let (x, y) = (big(&a), big(&b));
            assert_eq!(big(&modulus.mul(&a, &b)), &x * &y % &big_n, "mul {case}");
            assert_eq!(big(&modulus.mul(&a, &a)), &x * &x % &big_n, "square {case}");
            assert_eq!(
                big(&modulus.sub(&a, &b)),
                (&x + &big_n - &y) % &big_n,
                "sub {case}"
            );
            let any = Uint(cases.limbs(LIMBS).try_into().unwrap());
            assert_eq!(
                big(&modulus.reduce(&any)),
                big(&any) % &big_n,
                "reduce {case}"
            );
            assert!(from_digits(&to_digits(&any)) == any, "digits {case}");
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn powers_agree_with_num_bigint() {
        let modulus = Modulus::new(n());
        let big_n = big(&n());
        let two = BigUint::from(2u32);
        let mut cases = Cases(2);
        // Edge exponents (none, 0, 1, one bit, all ones) and random ones up to SRP's sizes.
        let mut exponents: Vec<Vec<u32>> = vec![
            vec![],
            vec![0],
            vec![1],
            vec![0, 0, 1 << 31],
            vec![u32::MAX; 32],
            vec![u32::MAX; 33],
        ];
        // Fewer in wasm's unoptimised test build, where a 1024-bit power takes half a second.
        for case in 0..if cfg!(target_arch = "wasm32") { 5 } else { 15 } {
            let len = [1, 2, 8, 32, 33][case % 5];
            exponents.push(cases.limbs(len));
        }
        for (case, e) in exponents.iter().enumerate() {
            let base = cases.below_n(&modulus);
            let exp = big_limbs(e);
            assert_eq!(
                big(&modulus.pow(&base, e).run()),
                big(&base).modpow(&exp, &big_n),
                "pow {case}"
            );
            assert_eq!(
                big(&modulus.pow2(e).run()),
                two.modpow(&exp, &big_n),
                "pow2 {case}"
            );
        }
    }

    #[test]
    fn mul_add_is_exact() {
        let mut cases = Cases(3);
        for case in 0..50 {
            let (a, b, c) = (cases.limbs(8), cases.limbs(8 + case % 3), cases.limbs(32));
            assert_eq!(
                big_limbs(&mul_add(&a, &b, &c)),
                big_limbs(&a) * big_limbs(&b) + big_limbs(&c),
                "{case}"
            );
        }
    }

    #[test]
    fn conversions() {
        assert_eq!(Uint::from_hex("0").unwrap().to_be_bytes(), vec![0]);
        assert_eq!(Uint::from_hex("abc").unwrap().to_hex(), "abc");
        assert_eq!(
            Uint::from_hex("00ABC").unwrap().to_be_bytes(),
            vec![0x0a, 0xbc]
        );
        assert!(Uint::from_hex("xyz").is_none());
        assert!(Uint::from_hex("").is_none());
        assert!(Uint::from_be_bytes(&[1; 385]).is_none());
        assert!(Uint::from_be_bytes(&[&[0u8; 10][..], &[1; 384][..]].concat()).is_some());
        let one = Modulus::new(n()).pow(&Uint::from_u32(2), &[]).run();
        assert_eq!(one.to_hex(), "1");
    }

    #[test]
    fn long_exponents_are_worked_through_in_slices_of_even_size() {
        let modulus = Modulus::new(n());
        let base = Uint::from_u32(3);
        // Bits → slices: a 256-bit x one, SRP's 1024-bit a two, a + u·x (1025 bits) three.
        for (bits, slices) in [
            (0, 1),
            (1, 1),
            (256, 1),
            (512, 1),
            (513, 2),
            (1024, 2),
            (1025, 3),
        ] {
            let mut exp = vec![0u32; 33];
            if bits > 0 {
                exp[(bits - 1) / 32] = 1 << ((bits - 1) % 32);
                exp[0] |= 1;
            }
            for power in [0, 1] {
                let start = || match power {
                    0 => modulus.pow2(&exp),
                    _ => modulus.pow(&base, &exp),
                };
                let mut sliced = start();
                let mut steps = 1;
                let out = loop {
                    if let Some(out) = sliced.step() {
                        break out;
                    }
                    // Each slice but the last stops at or below its share of the bits.
                    assert!(sliced.next <= bits - bits * steps / slices, "{bits} bits");
                    steps += 1;
                };
                assert_eq!(steps, slices, "{bits} bits, power {power}");
                let expected = BigUint::from([2u32, 3][power]).modpow(&big_limbs(&exp), &big(&n()));
                assert_eq!(big(&out), expected, "{bits} bits, power {power}");
            }
        }
    }
}
