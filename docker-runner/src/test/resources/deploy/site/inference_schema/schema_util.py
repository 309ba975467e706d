"""Like inference-schema's schema_util: a function is decorated when its innermost function is registered."""
__functions_schema__ = {}


def _full_name(func):
    while hasattr(func, "__wrapped__"):
        func = func.__wrapped__
    return func.__module__ + "." + func.__qualname__


def is_schema_decorated(func):
    return _full_name(func) in __functions_schema__
