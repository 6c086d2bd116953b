// DocumentModel: see DESIGN.md. Sources land here.
