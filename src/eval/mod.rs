//! Evaluation against the gold attribution corpus: reading the gold JSONL and scoring predictions.

pub mod gold;
pub mod run;
pub mod score;

pub use run::{Evaluation, evaluate};
