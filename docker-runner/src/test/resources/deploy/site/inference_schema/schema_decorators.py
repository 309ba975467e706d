import functools

from .schema_util import __functions_schema__, _full_name


def _register(kind, name, param_type):
    def decorator(func):
        __functions_schema__.setdefault(_full_name(func), {}).setdefault(kind, {})[name] = param_type

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)

        return wrapper

    return decorator


def input_schema(param_name, param_type, convert_to_provided_type=True):
    return _register("input", param_name, param_type)


def output_schema(output_type):
    return _register("output", "output", output_type)
