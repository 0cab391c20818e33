//! Where each char of a normalised text came from, kept sparsely: [`CharOrigins`] (each char's
//! original code point range) and [`CharIndex`] (which char holds a byte).
//!
//! Normalisation keeps most chars one for one (a letter variant is still one char), so each
//! char's original start is usually the previous char's + 1 and its end its start + 1. Only the
//! exceptions are stored: a few entries per deleted mark, dropped char or inserted `ا`, instead
//! of 8 bytes a char and 4 a byte, which writing cost as much as normalising.

/// Each normalised char's original range, by the char's index: its start is the previous
/// char's + 1 (the first char's is 0) except where a jump says otherwise; its end is its start
/// + 1 except where an end says otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CharOrigins {
    /// `(char, start)`, ascending by char, for each char whose start is not the one before +1.
    jumps: Vec<(u32, u32)>,
    /// `(char, end)`, ascending by char, for each char whose end is not its start + 1.
    ends: Vec<(u32, u32)>,
}

impl CharOrigins {
    /// The original start of char `index`.
    pub(crate) fn start(&self, index: u32) -> u32 {
        let k = self.jumps.partition_point(|&(c, _)| c <= index);
        match k.checked_sub(1) {
            Some(k) => self.jumps[k].1 + (index - self.jumps[k].0),
            None => index,
        }
    }

    /// The original end (exclusive) of char `index`.
    pub(crate) fn end(&self, index: u32) -> u32 {
        match self.ends.binary_search_by_key(&index, |&(c, _)| c) {
            Ok(k) => self.ends[k].1,
            Err(_) => self.start(index) + 1,
        }
    }

    /// The same from each char's start and end written out (for tests against the dense form).
    #[cfg(test)]
    pub(crate) fn from_dense(starts: &[u32], ends: &[u32]) -> CharOrigins {
        let mut b = OriginsBuilder::default();
        for (&s, &e) in starts.iter().zip(ends) {
            b.run(s, 1);
            if e != s + 1 {
                b.origins.ends.push((b.chars - 1, e));
            }
        }
        b.origins
    }
}

/// Builds [`CharOrigins`] as the chars are written, in order.
#[derive(Default)]
pub(crate) struct OriginsBuilder {
    origins: CharOrigins,
    /// Chars written so far.
    chars: u32,
    /// The start the next char has if no jump is noted.
    next: u32,
}

impl OriginsBuilder {
    /// `count` chars written, starting at original `first`, `first + 1`, ….
    #[inline]
    pub(crate) fn run(&mut self, first: u32, count: u32) {
        if count == 0 {
            return;
        }
        if first != self.next {
            self.origins.jumps.push((self.chars, first));
        }
        self.chars += count;
        self.next = first + count;
    }

    /// The last char written ends at original `end` (a deleted mark after it); nothing when no
    /// char has been written.
    #[inline]
    pub(crate) fn attach(&mut self, end: u32) {
        let Some(last) = self.chars.checked_sub(1) else { return };
        match self.origins.ends.last_mut() {
            Some(e) if e.0 == last => e.1 = end,
            _ => self.origins.ends.push((last, end)),
        }
    }

    /// Chars inserted before each char of `before` (ascending indices of chars as written), each
    /// with the empty range at the start of the char it comes before; then the map.
    pub(crate) fn finish_with_inserted(self, before: &[u32]) -> CharOrigins {
        if before.is_empty() {
            return self.origins;
        }
        let old = self.origins;
        // Each place where a char's start or end may differ from the plain rule, in order of the
        // new text: the old jumps and ends (shifted by the chars inserted before them), each
        // inserted char and the char after it; `note` keeps the starts the plain rule does not
        // give.
        // (each inserted char notes at most two starts and one end)
        let mut new = CharOrigins { jumps: Vec::with_capacity(old.jumps.len() + 2 * before.len()), ends: Vec::with_capacity(old.ends.len() + before.len()) };
        let mut jumps = old.jumps.iter().peekable();
        let mut ends = old.ends.iter().peekable();
        for (shift, &at) in (0u32..).zip(before.iter().chain(std::iter::once(&u32::MAX))) {
            while let Some(&(c, s)) = jumps.next_if(|j| j.0 < at) {
                new.note_start(c + shift, s);
            }
            while let Some(&(c, e)) = ends.next_if(|j| j.0 < at) {
                new.ends.push((c + shift, e));
            }
            if at == u32::MAX {
                break;
            }
            let p = old.start(at);
            new.note_start(at + shift, p);
            new.ends.push((at + shift, p));
            new.note_start(at + shift + 1, p);
        }
        new
    }
}

impl CharOrigins {
    /// Char `index` starts at `start`, the chars before it being noted: a jump unless the last
    /// jump implies it.
    fn note_start(&mut self, index: u32, start: u32) {
        if start == self.start(index) {
            return;
        }
        match self.jumps.last_mut() {
            Some(j) if j.0 == index => j.1 = start,
            _ => self.jumps.push((index, start)),
        }
    }
}

/// Which char holds a byte of a text: the number of chars that start before each block of
/// [`CharIndex::BLOCK`] bytes, the rest counted in the block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CharIndex {
    before_block: Vec<u32>,
}

/// Whether `b` starts a char (is no UTF-8 continuation byte).
#[inline]
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// How many bytes of `bytes` (at most [`CharIndex::BLOCK`]) start a char: all but the
/// continuation bytes (`10xxxxxx`), these counted eight bytes at a time, one count per byte
/// lane (at most eight each), the lanes summed by one multiplication.
#[inline]
fn char_starts(bytes: &[u8]) -> u32 {
    debug_assert!(bytes.len() <= CharIndex::BLOCK);
    let mut words = bytes.chunks_exact(8);
    let mut lanes = 0u64;
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // bit 7 set, bit 6 (shifted to bit 7) clear
        lanes += (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
    }
    let continuation = (lanes.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize + words.remainder().iter().filter(|&&b| !starts_char(b)).count();
    (bytes.len() - continuation) as u32
}

impl CharIndex {
    /// Bytes per block.
    const BLOCK: usize = 64;

    /// The index of `text`.
    pub(crate) fn of(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        let mut before_block = Vec::with_capacity(bytes.len().div_ceil(Self::BLOCK));
        let mut before = 0u32;
        // Whole blocks as eight fixed words (unrolled, no slice of a variable length to split),
        // then the last, shorter one.
        let mut blocks = bytes.chunks_exact(Self::BLOCK);
        for block in &mut blocks {
            let block: &[u8; Self::BLOCK] = block.try_into().expect("a whole block");
            before_block.push(before);
            let mut lanes = 0u64;
            for k in 0..Self::BLOCK / 8 {
                let word: [u8; 8] = block[8 * k..8 * k + 8].try_into().expect("eight bytes");
                let x = u64::from_le_bytes(word);
                lanes += (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
            }
            let continuation = (lanes.wrapping_mul(0x0101_0101_0101_0101) >> 56) as u32;
            before += Self::BLOCK as u32 - continuation;
        }
        if !blocks.remainder().is_empty() {
            before_block.push(before);
        }
        CharIndex { before_block }
    }

    /// The index of the char that holds byte `byte` of `text` (`byte < text.len()`).
    pub(crate) fn char_at(&self, text: &str, byte: usize) -> u32 {
        let block = byte / Self::BLOCK;
        let from = block * Self::BLOCK;
        self.before_block[block] + char_starts(&text.as_bytes()[from..=byte]) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The sparse map gives back every start and end it was made from, and inserting chars
        /// gives the map of the dense arrays with those chars inserted.
        #[test]
        fn sparse_origins_give_the_dense_ones(steps in proptest::collection::vec((0u32..3, 0u32..3, proptest::bool::ANY), 0..40), insert in proptest::collection::btree_set(0u32..40, 0..6)) {
            // starts that mostly go up by one, sometimes stay, sometimes jump; some ends longer
            let mut starts = Vec::new();
            let mut ends = Vec::new();
            let mut at = 0u32;
            for (gap, extra, repeat) in steps {
                if !repeat || starts.is_empty() {
                    at += gap;
                }
                starts.push(at);
                ends.push(at + 1 + extra);
                at += 1;
            }
            let origins = CharOrigins::from_dense(&starts, &ends);
            for i in 0..starts.len() {
                proptest::prop_assert_eq!(origins.start(i as u32), starts[i]);
                proptest::prop_assert_eq!(origins.end(i as u32), ends[i]);
            }
            // chars inserted before some of them, as rule 8 does
            let before: Vec<u32> = insert.into_iter().filter(|&k| (k as usize) < starts.len()).collect();
            let mut b = OriginsBuilder::default();
            for (&s, &e) in starts.iter().zip(&ends) {
                b.run(s, 1);
                if e != s + 1 {
                    b.attach(e);
                }
            }
            let (mut new_starts, mut new_ends) = (Vec::new(), Vec::new());
            for i in 0..starts.len() {
                if before.contains(&(i as u32)) {
                    new_starts.push(starts[i]);
                    new_ends.push(starts[i]);
                }
                new_starts.push(starts[i]);
                new_ends.push(ends[i]);
            }
            proptest::prop_assert_eq!(b.finish_with_inserted(&before), CharOrigins::from_dense(&new_starts, &new_ends));
        }

        /// The char that holds each byte, as counting the chars up to it says.
        #[test]
        fn char_index_counts_the_chars(s in "[a\u{627}\u{2014}\u{1F600}]{0,300}") {
            let index = CharIndex::of(&s);
            for (b, _) in s.bytes().enumerate() {
                let expected = s.char_indices().take_while(|&(at, _)| at <= b).count() as u32 - 1;
                proptest::prop_assert_eq!(index.char_at(&s, b), expected);
            }
        }
    }
}
