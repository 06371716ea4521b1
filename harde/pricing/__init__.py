"""Pricing: the catalog, roof, siding, gutter and window take-offs, estimates, margin and markup."""
