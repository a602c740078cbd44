//! `cloudtriage export`: a results file as XLSX, CSV, DOCX or Markdown,
//! written to a file (the same builders as the widget's Export menu).

use super::commands::ok;
use super::{Outcome, Read, INVALID};
use crate::core::Catalog;
use crate::export::{export_results, Export, ExportError, Format};

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
    build_and_write(catalog, file, format, out, read, write, |bytes| export_results(catalog, bytes, format, lang))
}

/// Reads `file`, builds its document with `build` and writes it to `out`: the one way `export`
/// and `procurement` report an unreadable file, a refused one and a failed write. An unknown
/// language is the caller's mistake (`Err`), not the file's.
pub(super) fn build_and_write(
    catalog: &Catalog,
    file: &str,
    format: Format,
    out: &str,
    read: Read,
    write: Write,
    build: impl FnOnce(&[u8]) -> Result<Export, ExportError>,
) -> Result<Outcome, String> {
    let english = catalog.language("en");
    let fail = |message: String| Outcome { code: INVALID, stdout: String::new(), stderr: message + "\n" };
    let bytes = match read(file) {
        Ok(b) => b,
        Err(e) => return Ok(fail(format!("{file}: cannot be read: {e}"))),
    };
    let export = match build(&bytes) {
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
