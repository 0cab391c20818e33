#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Text arrives as UTF-8 (the corpus reader rejects anything else); fuzz the lossy decoding so
    // every byte string still reaches the library.
    let text = String::from_utf8_lossy(data);
    tarikh_fuzz::checks::normalise(&text);
});
