"""Comparisons of two assessment documents: diff and progress."""
