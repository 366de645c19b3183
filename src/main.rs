//! The `claimtrace` binary: everything lives in the library and `cli`.

mod cli;

/// Extraction makes many small short-lived allocations (tokens, phrases, records);
/// mimalloc serves them much faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // With transparent huge pages allowed (the kernel's "always", or "madvise",
    // where mimalloc asks for them), its arenas become resident 2 MB at a time:
    // peak RSS on the bench corpus was 27 MB on one thread and 39-60 MB on two,
    // against 12 and 14-17 MB without, at the same speed. If the kernel refuses,
    // nothing else changes.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    cli::run()
}
