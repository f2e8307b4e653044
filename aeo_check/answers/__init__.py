"""Answers: the answer file's model, its readers (YAML, JSON, workbook, PDF) and its checks."""
