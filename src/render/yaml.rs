//! The YAML review document as bytes: its header comment, then the document.

use std::io::Write;

use serde::Serialize;

use crate::error::Error;

/// The header comment: YAML comments do not survive a merge, review fields do.
const HEADER: &str = "\
# claimtrace review file.
# Set each claim's review.status to one of: unreviewed, verified, disputed,
# unverifiable, needs-source, not-checkable (narration or opinion that asserts
# nothing a source could back). Write notes in review.note and your name in
# review.reviewer; other keys you add (a ticket, a second reviewer) are kept.
# For `claimtrace export claimreview`, review.rating names a rating of the desk's
# config and review.summary replaces the claim's words in claimReviewed.
# Comments like this one are not kept when `claimtrace review merge` carries the
# reviews over to a new draft. Claims under `changed` were reworded since their
# review, whose old wording is in `was`: take a second look, then delete `was`.
# Claims under `removed` are no longer in the text; their reviews are kept there.
";

/// Writes a review document (fresh or merged) with its header comment.
pub fn write_review(out: &mut dyn Write, document: &impl Serialize) -> Result<(), Error> {
    out.write_all(HEADER.as_bytes())?;
    serde_yaml::to_writer(&mut *out, document)?;
    Ok(())
}
