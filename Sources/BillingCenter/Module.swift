// BillingCenter: see DESIGN.md. Sources land here.
