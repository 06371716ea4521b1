"""Adapters to outside services, one package per concern, each with a local default."""
