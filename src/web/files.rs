//! Reading a results file the user picked or dropped. The size is checked
//! before reading, so a huge file is refused at once; the bytes go to the
//! model, which imports them. Nothing changes on failure.

use wasm_bindgen_futures::JsFuture;

use super::notice::Notice;
use super::state::{Dispatch, Msg};
use crate::core::results::{ImportError, MAX_FILE_BYTES};

/// What the file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Replace the current answers (after the user chose to open a file).
    Resume,
    /// Compare the current answers with it.
    Compare,
}

/// Reads a file, then sends its bytes to the model to import.
pub fn read(file: web_sys::File, purpose: Purpose, dispatch: Dispatch) {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        let refused = Err(ImportError::TooLarge { bytes: size as usize });
        dispatch.dispatch(match purpose {
            Purpose::Resume => Msg::Imported(refused),
            Purpose::Compare => Msg::Baseline(refused),
        });
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match bytes(&file).await {
            Some(bytes) => dispatch.dispatch(Msg::Read(purpose, bytes)),
            None => dispatch.dispatch(Msg::Notify(Notice::ReadFailed)),
        }
    });
}

/// The bytes of a file; `None` when the browser cannot read it (moved, deleted, no permission).
async fn bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file of a file list (from a picker or a drop).
pub fn first(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|list| list.get(0))
}
