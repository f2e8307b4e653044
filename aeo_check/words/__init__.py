"""Every word of the interface, in Simplified Chinese and English, and the interface language."""
