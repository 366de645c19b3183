//! Values to text: tables (comfy-table), JSON, JSONL and YAML.

pub mod compare;
pub mod record;
pub mod sources;
pub mod table;
pub mod yaml;

use std::io::Write;

use clap::ValueEnum;

use crate::pipeline::Extraction;
use record::records;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Yaml,
    Json,
    Jsonl,
}

/// Writes extractions in `format` to `out`.
pub fn write_extractions(
    out: &mut dyn Write,
    extractions: &[Extraction],
    format: Format,
) -> anyhow::Result<()> {
    match format {
        Format::Jsonl => {
            for extraction in extractions {
                for record in records(extraction) {
                    serde_json::to_writer(&mut *out, &record)?;
                    out.write_all(b"\n")?;
                }
            }
        }
        Format::Json => {
            let all: Vec<_> = extractions.iter().flat_map(records).collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            out.write_all(b"\n")?;
        }
        Format::Yaml => yaml::write_review(out, extractions)?,
        Format::Table => {
            for extraction in extractions {
                writeln!(out, "{}", table::extraction_table(extraction))?;
            }
        }
    }
    Ok(())
}
