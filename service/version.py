"""The service's version: what ``meta.version`` and the OpenAPI document report (see the README's changelog)."""

__version__ = "1.3.0"
