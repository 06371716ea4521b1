"""The primer-video workflow (durable, on DBOS) and the inbox daemon that starts it."""
