"""Loopback emulators of outside services (Leap v3, OpenAI-compatible) for tests and demos."""
