"""Sub-commands of `harde`, one module each, exposing a click command named `command`."""
