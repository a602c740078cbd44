//! Renders the welcome screen into pages of ours at build time (see
//! `cloudtriage::web::prerender`); `scripts/postbuild.py` runs it on the host.
//!
//! Usage: `prerender INTEGRITY PAGE HREF [PAGE HREF ...]`: each PAGE is
//! rewritten in place, its mount element holding the welcome screen in the
//! language the page names, with the widget's stylesheet at HREF (relative to
//! that page) checked against INTEGRITY (`sha384-...`).

use std::process::ExitCode;

use cloudtriage::web::prerender::{page, page_language, Stylesheet};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((integrity, pages)) = args.split_first() else {
        eprintln!("usage: prerender INTEGRITY PAGE HREF [PAGE HREF ...]");
        return ExitCode::from(2);
    };
    if pages.is_empty() || pages.len() % 2 != 0 {
        eprintln!("usage: prerender INTEGRITY PAGE HREF [PAGE HREF ...]");
        return ExitCode::from(2);
    }
    for pair in pages.chunks(2) {
        let (path, href) = (&pair[0], &pair[1]);
        let html = match std::fs::read_to_string(path) {
            Ok(html) => html,
            Err(e) => {
                eprintln!("prerender: cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let stylesheet = Stylesheet { href: href.clone(), integrity: integrity.clone() };
        let rendered = page_language(&html).and_then(|language| page(&html, &stylesheet).map(|p| (language, p)));
        match rendered {
            Ok((language, rendered)) => {
                if let Err(e) = std::fs::write(path, rendered) {
                    eprintln!("prerender: cannot write {path}: {e}");
                    return ExitCode::FAILURE;
                }
                println!("prerender: {path}: the welcome screen in {language}");
            }
            Err(e) => {
                eprintln!("prerender: {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
