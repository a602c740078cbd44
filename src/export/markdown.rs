//! Markdown of a [`Document`]: ATX headings, paragraphs, bullet lists and
//! pipe tables (GitHub-flavoured), readable as plain text too.

use super::document::{Block, Document, Table};

/// Table cells cannot hold line breaks or bare pipes.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// Characters that would start Markdown syntax at the start of a paragraph are escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn table(out: &mut String, t: &Table) {
    out.push_str(&format!("| {} |\n", t.header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(t.header.len())));
    for row in &t.rows {
        out.push_str(&format!("| {} |\n", row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")));
    }
    out.push('\n');
}

/// The document as Markdown text.
pub fn write(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                out.push_str(&format!("{} {}\n\n", "#".repeat(usize::from(*level).clamp(1, 6)), inline(text)))
            }
            Block::Paragraph(runs) => {
                for run in runs {
                    let text = inline(run.text.trim_end());
                    let space = if run.text.ends_with(' ') { " " } else { "" };
                    if run.bold {
                        out.push_str(&format!("**{text}**{space}"));
                    } else {
                        out.push_str(&format!("{text}{space}"));
                    }
                }
                out.push_str("\n\n");
            }
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", inline(item)));
                }
                out.push('\n');
            }
            Block::Table(t) => table(&mut out, t),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_emphasis_cannot_break_the_layout() {
        let doc = Document {
            title: "t".into(),
            language: "en".into(),
            blocks: vec![
                Block::heading(2, "A *b*"),
                Block::labelled("Note: ", "x|y"),
                Block::Table(Table { header: vec!["h|1".into()], rows: vec![vec!["a\nb".into()]] }),
            ],
        };
        assert_eq!(write(&doc), "## A \\*b\\*\n\n**Note:** x|y\n\n| h\\|1 |\n| --- |\n| a b |\n\n");
    }
}
