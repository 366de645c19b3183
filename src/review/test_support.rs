//! Extractions for the unit tests of this folder, built in one place so that a
//! change to how inputs are read touches one function.

use crate::Grammar;
use crate::ingest::decode;
use crate::pipeline::{Extraction, extract};

/// The extraction of `text` as the document `name`, with the built-in grammar.
pub fn extraction(name: &str, text: &str) -> Extraction {
    let grammar = Grammar::built_in().expect("the built-in grammar loads");
    let input = decode(name, text.as_bytes().to_vec(), false).expect("test text is UTF-8");
    extract(input, &grammar)
}
