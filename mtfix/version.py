"""The version of mtfix: one place, read by the package, its reports and its build."""

__version__ = "0.1.0"
