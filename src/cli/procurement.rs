//! `cloudtriage procurement`: the procurement pack of a results file as DOCX
//! or Markdown, written to a file (the same builder as the widget's page export).

use super::export::{build_and_write, Write};
use super::{Outcome, Read};
use crate::core::Catalog;
use crate::export::procurement::export_pack;
use crate::export::Format;

/// The formats the pack is written in, as the command line names them.
pub const FORMATS: [&str; 2] = ["docx", "md"];

/// The pack of `file` in `format` (and `lang`, default the file's own) written to `out`.
pub(super) fn procurement(
    catalog: &Catalog,
    file: &str,
    format: &str,
    lang: Option<&str>,
    out: &str,
    read: Read,
    write: Write,
) -> Result<Outcome, String> {
    let format = Format::parse(format)
        .filter(|f| FORMATS.contains(&f.as_str()))
        .ok_or_else(|| format!("the procurement pack is written as {}, not {format}", FORMATS.join(" or ")))?;
    build_and_write(catalog, file, format, out, read, write, |bytes| export_pack(catalog, bytes, format, lang))
}
