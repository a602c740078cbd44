//! The two shapes every export is written from: a [`Document`] (headings,
//! paragraphs, lists and tables, rendered as DOCX and Markdown) and a
//! [`Workbook`] (sheets of tables, rendered as XLSX and CSV). Builders of new
//! documents (such as a procurement pack) produce these shapes and get every
//! writer for free.

/// A piece of text in a paragraph, bold or plain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// The text itself.
    pub text: String,
    /// Whether it is set in bold (labels such as "Next step:").
    pub bold: bool,
}

/// One block of a document, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading; level 1 is the document's title, 2 a section, 3 a subsection.
    Heading { level: u8, text: String },
    /// A paragraph of runs.
    Paragraph(Vec<Run>),
    /// A bulleted list, one paragraph each.
    List(Vec<String>),
    /// A table with a header row; every row has as many cells as the header.
    Table(Table),
}

impl Block {
    /// A heading of a level.
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading { level, text: text.into() }
    }

    /// A paragraph of plain text.
    pub fn text(text: impl Into<String>) -> Block {
        Block::Paragraph(vec![Run { text: text.into(), bold: false }])
    }

    /// A paragraph that starts with a bold label, given as its language writes a label before its
    /// value (`Language::label`, `PackView::labelled`): "Label: text", "Libellé : texte".
    pub fn labelled(label: impl Into<String>, text: impl Into<String>) -> Block {
        Block::Paragraph(vec![Run { text: label.into(), bold: true }, Run { text: text.into(), bold: false }])
    }
}

/// A table: a header row and rows of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The column titles.
    pub header: Vec<String>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<String>>,
}

/// A report to be written as DOCX or Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The title, also written into the file's properties.
    pub title: String,
    /// The language of the text (ISO 639-1), for spell checking in the editor.
    pub language: String,
    /// The content in reading order.
    pub blocks: Vec<Block>,
}

/// One cell of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number, written as a number so that it sorts and sums.
    Number(f64),
    /// Nothing yet: a column for the user to fill in.
    Empty,
}

impl Cell {
    /// The cell as text (CSV, width estimates).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) if n.fract() == 0.0 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A column of a sheet table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header text.
    pub title: String,
    /// When set, the column offers exactly these values (a drop-down list in a spreadsheet).
    pub choices: Vec<String>,
    /// The widest the column may grow, in characters, before its text wraps.
    pub max_width: u16,
}

impl Column {
    /// A column of free text.
    pub fn new(title: impl Into<String>, max_width: u16) -> Column {
        Column { title: title.into(), choices: Vec::new(), max_width }
    }
}

/// A table on a sheet: an optional title line, a header row and rows.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetTable {
    /// A title written above the header (the summary sheet's sections).
    pub title: Option<String>,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// One sheet: tables written one below the other; the first one's header stays in view.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The sheet's name (at most 31 characters, none of `[]:*?/\`).
    pub name: String,
    /// The tables in order.
    pub tables: Vec<SheetTable>,
}

/// A workbook to be written as XLSX (every sheet) or CSV (its first sheet's first table).
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    /// The title written into the file's properties.
    pub title: String,
    /// When the assessment was made, RFC 3339; the file's creation date, so the same input gives the same file.
    pub created: String,
    /// The sheets in order.
    pub sheets: Vec<Sheet>,
}
