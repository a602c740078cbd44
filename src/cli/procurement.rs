//! `cloudtriage procurement`: the procurement pack of a results file as DOCX
//! or Markdown, written to a file (the same builder as the widget's page export).

use super::commands::ok;
use super::export::Write;
use super::{Outcome, Read, INVALID};
use crate::core::Catalog;
use crate::export::procurement::export_pack;
use crate::export::{ExportError, Format};

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
    let english = catalog.language("en");
    let fail = |message: String| Outcome { code: INVALID, stdout: String::new(), stderr: message + "\n" };
    let format = Format::parse(format)
        .filter(|f| FORMATS.contains(&f.as_str()))
        .ok_or_else(|| format!("the procurement pack is written as {}, not {format}", FORMATS.join(" or ")))?;
    let bytes = match read(file) {
        Ok(b) => b,
        Err(e) => return Ok(fail(format!("{file}: cannot be read: {e}"))),
    };
    let export = match export_pack(catalog, &bytes, format, lang) {
        Ok(e) => e,
        Err(e @ ExportError::UnknownLanguage(_)) => return Err(e.message(english)),
        Err(e @ ExportError::Import(_)) => return Ok(fail(format!("{file}: {}", e.message(english)))),
        Err(e) => return Ok(fail(e.message(english))),
    };
    if let Err(e) = write(out, &export.bytes) {
        return Ok(fail(format!("{out}: cannot be written: {e}")));
    }
    Ok(ok(format!("{out}: {} bytes ({})\n", export.bytes.len(), format.as_str())))
}
