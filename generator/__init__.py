"""Key-account plans as code: load, validate, model, analyse and render plans."""

__version__ = "0.3.0"
