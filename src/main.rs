//! The `claimtrace` binary: everything lives in the library and `cli`.

mod cli;
mod eval_print;

fn main() -> std::process::ExitCode {
    cli::run()
}
