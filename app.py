"""Streamlit entry point: wires the pages to the harde package, nothing more."""

from harde.ui.app import main

main()
