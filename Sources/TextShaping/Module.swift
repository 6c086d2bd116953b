// TextShaping: see DESIGN.md. Sources land here.
