"""The Trash server package: storage, domain rules, HTTP routes and cleanup behind serve.py."""
