"""liaocheng_tui: a keyboard-driven terminal browser for Chinese newspaper archives."""

__version__ = "0.1.0"
