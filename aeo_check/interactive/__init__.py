"""The interactive questionnaire (questionary)."""
