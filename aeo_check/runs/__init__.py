"""Runs over many files: batch scoring, parallel reports, the portfolio, exit codes."""
