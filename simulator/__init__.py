"""A local stand-in for the five networks' APIs, written from docs/platform-contracts.md."""
