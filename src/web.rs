//! The browser shell (placeholder module until the Yew app lands).
