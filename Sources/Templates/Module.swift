// Templates: see DESIGN.md. Sources land here.
