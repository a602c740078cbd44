//! XLSX of a [`Workbook`] with rust_xlsxwriter: a bold header row that stays
//! in view, column widths that fit their text (long text wraps), an
//! autofilter on single-table sheets, and a drop-down list for columns with
//! fixed choices (the action plan's status).

use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};

use super::document::{Cell, Sheet, Workbook};

/// The width a column needs, in characters: its longest line of text up to its
/// limit (longer text wraps), and never narrower than its header.
fn width(sheet: &Sheet, col: usize) -> f64 {
    let mut widest = 4usize;
    for table in &sheet.tables {
        let Some(column) = table.columns.get(col) else { continue };
        let lines = table
            .rows
            .iter()
            .filter_map(|r| r.get(col))
            .flat_map(|c| c.as_text().lines().map(|l| l.chars().count()).collect::<Vec<_>>());
        let choices = column.choices.iter().map(|c| c.chars().count());
        let content = lines.chain(choices).max().unwrap_or(0).min(usize::from(column.max_width));
        widest = widest.max(content).max(column.title.chars().count());
    }
    (widest + 2) as f64
}

/// The height a row needs for its wrapped text, in points: spreadsheet
/// programs do not grow rows written by a library, so the lines are counted here.
fn height(cells: &[Cell], widths: &[f64]) -> f64 {
    let lines = cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| {
            // About one character per unit of width, less a margin for proportional fonts.
            let per_line = ((width - 2.0) * 1.3).max(1.0) as usize;
            cell.as_text().lines().map(|l| l.chars().count().div_ceil(per_line).max(1)).sum::<usize>().max(1)
        })
        .max()
        .unwrap_or(1);
    15.0 * lines as f64 + 2.0
}

fn sheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("DDE7F0")
        .set_border_bottom(FormatBorder::Thin);
    let title = Format::new().set_bold().set_font_size(13);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let columns = sheet.tables.iter().map(|t| t.columns.len()).max().unwrap_or(0);
    let widths: Vec<f64> = (0..columns).map(|col| width(sheet, col)).collect();
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    // Printed: landscape A4, one page wide, the header row on every page.
    ws.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0).set_print_gridlines(true);
    let mut row: u32 = 0;
    for (n, table) in sheet.tables.iter().enumerate() {
        if n > 0 {
            row += 1;
        }
        if let Some(t) = &table.title {
            ws.write_string_with_format(row, 0, t, &title)?;
            row += 1;
        }
        let header_row = row;
        for (col, column) in table.columns.iter().enumerate() {
            ws.write_string_with_format(row, col as u16, &column.title, &header)?;
        }
        let titles = table.columns.iter().map(|c| Cell::Text(c.title.clone())).collect::<Vec<_>>();
        ws.set_row_height(row, height(&titles, &widths))?;
        row += 1;
        if n == 0 {
            ws.set_freeze_panes(row, 0)?;
            ws.set_repeat_rows(header_row, header_row)?;
        }
        let first = row;
        for cells in &table.rows {
            for (col, cell) in cells.iter().enumerate() {
                let col = col as u16;
                match cell {
                    Cell::Text(t) => ws.write_string_with_format(row, col, t, &text)?,
                    Cell::Number(v) => ws.write_number_with_format(row, col, *v, &text)?,
                    Cell::Empty => ws.write_blank(row, col, &text)?,
                };
            }
            ws.set_row_height(row, height(cells, &widths))?;
            row += 1;
        }
        let last_col = table.columns.len().saturating_sub(1) as u16;
        if sheet.tables.len() == 1 && !table.rows.is_empty() {
            ws.autofilter(header_row, 0, row - 1, last_col)?;
        }
        for (col, column) in table.columns.iter().enumerate() {
            if column.choices.is_empty() || table.rows.is_empty() {
                continue;
            }
            let list = DataValidation::new().allow_list_strings(&column.choices)?;
            ws.add_data_validation(first, col as u16, row - 1, col as u16, &list)?;
        }
    }
    Ok(())
}

/// The workbook as XLSX bytes. The file's creation date is the assessment's, so the same input gives the same bytes.
pub fn write(book: &Workbook) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let mut properties = DocProperties::new().set_title(&book.title).set_author("cloudtriage");
    if let Some(day) = crate::core::time::day_of(&book.created) {
        properties = properties.set_creation_datetime(&ExcelDateTime::parse_from_str(day)?);
    }
    workbook.set_properties(&properties);
    for s in &book.sheets {
        sheet(workbook.add_worksheet(), s)?;
    }
    workbook.save_to_buffer()
}
