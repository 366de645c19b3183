//! The fact-checker's side: review files read back with positions,
//! verdicts merged across drafts, review counts, the publishing policy and the
//! ClaimReview export. Everything here is pure: text and values in, values out.

pub mod bounded;
pub mod changed;
pub mod claimreview;
pub mod desk;
pub mod file;
pub mod matching;
pub mod merge;
pub mod policy;
#[cfg(test)]
mod recut_tests;
pub mod tally;
#[cfg(test)]
mod test_support;

pub use file::{Entry, LoadError, ReviewFile, load_review};
