//! The `claimtrace` binary: everything lives in the library and `cli`.

mod cli;

/// Extraction makes many small short-lived allocations (tokens, phrases, records);
/// mimalloc serves them much faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
