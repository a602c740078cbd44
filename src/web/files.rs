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
pub async fn bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file of a file list (from a picker or a drop).
pub fn first(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|list| list.get(0))
}

#[cfg(feature = "full")]
/// Reads every file of a list for merging; each arrives as its own message.
pub fn read_for_merge(files: Option<web_sys::FileList>, dispatch: Dispatch) {
    let Some(list) = files else { return };
    for file in (0..list.length()).filter_map(|i| list.get(i)) {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            dispatch.dispatch(Msg::Notify(Notice::ImportFailed(ImportError::TooLarge { bytes: file.size() as usize })));
            continue;
        }
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match bytes(&file).await {
                Some(bytes) => dispatch.dispatch(Msg::MergeRead { name, bytes }),
                None => dispatch.dispatch(Msg::Notify(Notice::ReadFailed)),
            }
        });
    }
}

#[cfg(feature = "full")]
/// The SHA-256 of a file the user chose, as 64 hexadecimal digits, computed by
/// the browser (Web Crypto). The bytes are read, hashed and dropped: they are
/// never kept, stored or sent.
pub async fn sha256(file: &web_sys::File) -> Option<String> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let digest =
        JsFuture::from(subtle.digest_with_str_and_buffer_source("SHA-256", &js_sys::Object::from(buffer)).ok()?)
            .await
            .ok()?;
    Some(crate::core::evidence::hex(&js_sys::Uint8Array::new(&digest).to_vec()))
}
