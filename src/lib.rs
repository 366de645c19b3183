//! claimtrace traces every claim in a news text to its stated source.
//!
//! The pipeline runs one way, one module per stage, each using only those before
//! it (`tests/architecture.rs` checks): [`grammar`] (the lexicons of `grammar/`) →
//! [`ingest`] (bytes to blocks with roles) → [`segment`] (tokens, sentences,
//! quotes) → [`matcher`] (attribution frames and marker phrases: walks over a
//! sentence's tokens, with nom combinators for phrases) → [`link`] (continued
//! quotes, "X reported:", unattributed claims) → [`assess`] (source types, names
//! and relays, markers, score), run for one document by [`pipeline`]. Then
//! [`record`] (the output contract and claim ids) → [`aggregate`] (statistics
//! that merge) → [`render`] (values to bytes) → [`review`] (verdicts, policy,
//! ClaimReview) → [`batch`] (many inputs on worker threads, in order) → [`eval`]
//! and [`examples`].
//!
//! ```
//! use claimtrace::{Grammar, extract_text};
//!
//! let grammar = Grammar::built_in().unwrap();
//! let text = "The vulnerability led to the deaths of 30 spies, the sources said.";
//! let found = extract_text(text, &grammar);
//! let source = found[0].source.as_ref().unwrap();
//! assert_eq!(source.span.slice(text), "the sources");
//! assert_eq!(found[0].cue.unwrap().slice(text), "said");
//! ```
//!
//! A saved web page goes through [`ingest`] first, as `claimtrace extract page.html`
//! reads it: the markup is projected away, and every span still points into the
//! page's own bytes.
//!
//! ```
//! use claimtrace::ingest::{ReadOptions, read_bytes};
//! use claimtrace::{Extractor, Grammar, Kind};
//!
//! let page = "<!DOCTYPE html><html><head><title>Spies</title></head><body>\
//!     <nav><a href=\"/\">Home</a></nav><article><h1>Spies lost</h1>\
//!     <p>The network was compromised in 2010, officials told <em>Foreign Policy</em>.</p>\
//!     </article></body></html>";
//! let grammar = Grammar::built_in()?;
//! let extractor = Extractor::new(&grammar);
//! let input = read_bytes("page.html", page.as_bytes().to_vec(), ReadOptions::default())?;
//! let extraction = extractor.extract(input);
//! // Records carry offsets into the page itself (attributions: into its text).
//! let records = claimtrace::record::records(&extraction);
//! let found = records
//!     .iter()
//!     .find(|record| record.kind != Kind::Unattributed)
//!     .expect("the attributed claim");
//! assert_eq!(found.claim.text, "The network was compromised in 2010");
//! assert_eq!(&page[found.claim.start..found.claim.end], found.claim.text);
//! let source = found.source.as_ref().unwrap();
//! assert_eq!(&page[source.start..source.end], "officials");
//! # Ok::<(), claimtrace::Error>(())
//! ```

pub mod aggregate;
pub mod assess;
pub mod batch;
pub mod error;
pub mod eval;
pub mod examples;
pub mod grammar;
pub mod ingest;
pub mod link;
pub mod matcher;
pub mod model;
pub mod pipeline;
pub mod record;
pub mod render;
pub mod review;
pub mod segment;
pub mod span;
mod swar;

pub use error::Error;
pub use grammar::Grammar;
pub use model::{
    Attribution, CueKind, Kind, Marker, MarkerKind, Relay, Scope, ScoreBasis, Source, SourceType,
};
pub use pipeline::{Extraction, Extractor, extract, extract_text};
pub use span::Span;
