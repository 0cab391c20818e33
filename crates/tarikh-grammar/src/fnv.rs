//! 64-bit FNV-1a: the analysis cache's checksum and file names, and the build script's
//! fingerprints (build.rs includes this file). Stable across Rust releases, unlike `DefaultHasher`.

/// An FNV-1a hasher over bytes.
pub(crate) struct Fnv(u64);

impl Fnv {
    /// A hasher at the FNV offset basis.
    pub(crate) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds `bytes` to the hash.
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash of everything written so far.
    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        Fnv::write(self, bytes);
    }

    fn finish(&self) -> u64 {
        Fnv::finish(self)
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

/// Hash maps keyed by short strings looked up per word of text (the tense cues): FNV-1a costs a
/// few instructions per byte where the standard library's SipHash costs about a hundred per key.
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// The FNV-1a hash of `bytes`.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.write(bytes);
    h.finish()
}
