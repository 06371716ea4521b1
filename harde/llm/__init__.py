"""Model providers: openai (any OpenAI-compatible base URL) and offline (deterministic rules)."""
