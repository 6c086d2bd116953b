// Typesetting: see DESIGN.md. Sources land here.
