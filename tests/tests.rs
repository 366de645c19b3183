//! One integration-test binary: the CLI on real files, the seeds end to end, the
//! grammar's own examples, and property tests over the parsers.

mod accuracy;
mod architecture;
mod clauses;
mod cli;
mod documents;
mod grammar;
mod inputs;
mod pages;
mod properties;
mod quotes;
mod records;
mod report;
mod review;
mod seeds;
mod sourcing;
mod styles;
mod support;
mod terminal;
