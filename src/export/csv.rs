//! CSV (RFC 4180) of a sheet table: comma-separated, CRLF line ends, fields
//! quoted when they hold a comma, a quote or a line break. UTF-8 with a
//! byte-order mark, without which Excel reads umlauts and accents as
//! Windows-1252 and garbles them.

use super::document::SheetTable;

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

fn field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The table as CSV bytes: the header row, then one line per row.
pub fn write(table: &SheetTable) -> Vec<u8> {
    let mut out = String::from(BOM);
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    line(table.columns.iter().map(|c| c.title.clone()).collect());
    for row in &table.rows {
        line(row.iter().map(|c| c.as_text()).collect());
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::document::{Cell, Column};

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let table = SheetTable {
            title: None,
            columns: vec![Column::new("a", 1), Column::new("b, c", 1)],
            rows: vec![
                vec![Cell::Text("say \"hi\"".into()), Cell::Text("line\nbreak".into())],
                vec![Cell::Number(3.0), Cell::Empty],
            ],
        };
        let text = String::from_utf8(write(&table)).unwrap();
        assert_eq!(text, "\u{feff}a,\"b, c\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n3,\r\n");
    }
}
