//! Source types, reliability markers and the sourcing score, all from grammar/ data.

pub mod canonical;
pub mod markers;
pub mod score;
pub mod source_type;

pub use markers::find_markers;
pub use score::score;
pub use source_type::classify;
