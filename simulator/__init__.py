"""A local stand-in for the five networks' APIs, written from platform-contracts.md."""
