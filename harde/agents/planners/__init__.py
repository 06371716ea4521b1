"""Offline planners, one module per specialist that needs more than the default plan."""
