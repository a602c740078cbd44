//! `cloudtriage export`: a results file as XLSX, CSV, DOCX or Markdown,
//! written to a file (the same builders as the widget's Export menu).

use super::commands::ok;
use super::{Outcome, Read, INVALID};
use crate::core::Catalog;
use crate::export::{export_results, ExportError, Format};

/// Writes a file's bytes; the real tool writes the disk, tests may capture them.
pub type Write<'a> = &'a dyn Fn(&str, &[u8]) -> std::io::Result<()>;

/// The export of `file` in `format` (and `lang`, default the file's own) written to `out`.
pub(super) fn export(
    catalog: &Catalog,
    file: &str,
    format: Format,
    lang: Option<&str>,
    out: &str,
    read: Read,
    write: Write,
) -> Result<Outcome, String> {
    let english = catalog.language("en");
    let fail = |message: String| Outcome { code: INVALID, stdout: String::new(), stderr: message + "\n" };
    let bytes = match read(file) {
        Ok(b) => b,
        Err(e) => return Ok(fail(format!("{file}: cannot be read: {e}"))),
    };
    let export = match export_results(catalog, &bytes, format, lang) {
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
