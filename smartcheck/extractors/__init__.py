"""Extractors: one module per element kind of the rubric."""
