//! DOCX of a [`Document`] with docx-rs: real Word heading styles (Heading 1
//! to 3, with outline levels, so the navigation pane and a table of contents
//! work), tables with a shaded header row and bulleted lists, all editable.

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId,
    Paragraph, Run, RunFonts, Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow,
    WidthType,
};

use super::document::{Block, Document};

/// The numbering id of bulleted lists (docx-rs writes a decimal numbering of its own as id 1).
const BULLETS: usize = 2;
/// Text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9638;

fn heading_style(level: u8, size: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .bold()
        .size(size)
        .color("1F3A5F")
        .outline_lvl(usize::from(level - 1))
}

fn paragraph(runs: &[super::document::Run]) -> Paragraph {
    runs.iter().fold(Paragraph::new().style("Normal"), |p, r| {
        let run = Run::new().add_text(&r.text);
        p.add_run(if r.bold { run.bold() } else { run })
    })
}

fn table(t: &super::document::Table) -> Table {
    let columns = t.header.len().max(1);
    let width = TEXT_WIDTH / columns;
    let cell = |text: &str, header: bool| {
        let run = Run::new().add_text(text);
        let cell = TableCell::new()
            .width(width, WidthType::Dxa)
            .add_paragraph(Paragraph::new().style("Normal").add_run(if header { run.bold() } else { run }));
        if header {
            cell.shading(Shading::new().fill("DDE7F0"))
        } else {
            cell
        }
    };
    let mut rows = vec![TableRow::new(t.header.iter().map(|h| cell(h, true)).collect())];
    rows.extend(t.rows.iter().map(|r| TableRow::new(r.iter().map(|c| cell(c, false)).collect()).cant_split()));
    Table::new(rows).set_grid(vec![width; columns]).width(TEXT_WIDTH, WidthType::Dxa)
}

/// The document as DOCX bytes.
pub fn write(doc: &Document, created: &str) -> Result<Vec<u8>, String> {
    let bullet =
        docx_rs::Level::new(0, Start::new(1), NumberFormat::new("bullet"), LevelText::new("•"), LevelJc::new("left"))
            .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None);
    let mut docx = Docx::new()
        .page_size(11906, 16838)
        .page_margin(docx_rs::PageMargin::new().top(1134).bottom(1134).left(1134).right(1134))
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri"))
        .default_size(21)
        .default_line_spacing(LineSpacing::new().after(120))
        .add_style(heading_style(1, 36))
        .add_style(heading_style(2, 28))
        .add_style(heading_style(3, 23))
        .add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(bullet))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .created_at(created)
        .updated_at(created);
    for block in &doc.blocks {
        docx = match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 3);
                docx.add_paragraph(
                    Paragraph::new().style(&format!("Heading{level}")).add_run(Run::new().add_text(text)),
                )
            }
            Block::Paragraph(runs) => docx.add_paragraph(paragraph(runs)),
            Block::List(items) => items.iter().fold(docx, |d, item| {
                d.add_paragraph(
                    Paragraph::new()
                        .style("Normal")
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                        .add_run(Run::new().add_text(item)),
                )
            }),
            Block::Table(t) => docx.add_table(table(t)).add_paragraph(Paragraph::new().style("Normal")),
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
