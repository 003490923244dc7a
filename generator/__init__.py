"""Key-account plans as code: load, validate, model, analyse and render plans."""

__version__ = "0.2.0"
