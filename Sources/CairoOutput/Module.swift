// CairoOutput: see DESIGN.md. Sources land here.
