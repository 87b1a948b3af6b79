"""Scoring rules, one module per SMART dimension; pure functions over models."""
