"""People and organizations for tests (owned by the accounts work; filled in there)."""
