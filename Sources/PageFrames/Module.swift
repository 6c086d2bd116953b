// PageFrames: see DESIGN.md. Sources land here.
