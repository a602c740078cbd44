//! Reading a results file the user picked or dropped. The size is checked
//! before reading, so a huge file is refused at once; the text is imported
//! by the core; the result is sent as a message. Nothing changes on failure.

use wasm_bindgen_futures::JsFuture;

use super::notice::Notice;
use super::state::{Dispatch, Msg};
use crate::core::results::{self, ImportError, MAX_FILE_BYTES};
use crate::core::Catalog;

/// What the file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Replace the current answers (after the user chose to open a file).
    Resume,
    /// Compare the current answers with it.
    Compare,
}

fn send(dispatch: &Dispatch, purpose: Purpose, result: Result<Box<results::Imported>, ImportError>) {
    dispatch.dispatch(match purpose {
        Purpose::Resume => Msg::Imported(result),
        Purpose::Compare => Msg::Baseline(result),
    });
}

/// Reads and imports a file, then sends the outcome to the model.
pub fn import(file: web_sys::File, purpose: Purpose, dispatch: Dispatch) {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        send(&dispatch, purpose, Err(ImportError::TooLarge { bytes: size as usize }));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match read(&file).await {
            Some(bytes) => send(&dispatch, purpose, results::import(Catalog::embedded(), &bytes).map(Box::new)),
            None => dispatch.dispatch(Msg::Notify(Notice::ReadFailed)),
        }
    });
}

/// The bytes of a file; `None` when the browser cannot read it (moved, deleted, no permission).
async fn read(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file of a file list (from a picker or a drop).
pub fn first(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|list| list.get(0))
}
