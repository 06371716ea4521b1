"""SDK function tools, one module per family. Thin: they call domain code and integrations."""
