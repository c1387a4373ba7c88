"""safety: domain library (no Django). Built in its own issue."""
