"""Renderers: text, JSON, Markdown (and, in their own packages, the docx redline and the TUI)."""
