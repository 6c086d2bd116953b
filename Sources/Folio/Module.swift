// Folio: see DESIGN.md. Sources land here.
