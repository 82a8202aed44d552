"""The spreadsheet: the table models over the document's columns and the views that edit them."""
