"""aml-debug: arrays at a glance in the debugger's variables view (a pydevd extension).

A torch tensor, a numpy array, a pandas DataFrame or Series shows as one line:
    Tensor[4096, 4096] float32 cpu     ndarray[4096, 4096] float32     DataFrame[1000 x 3]     Series[1000] int64
and expands to shape, dtype, device (torch), size, min, max, mean and the first elements (a DataFrame: its
shape and its first columns, each a Series). Nothing is computed until the value is expanded. min, max and mean
of more than EXACT_LIMIT elements come from about SAMPLE_SIZE elements evenly spaced along every axis, and say so
("≈ 0.5 (sample of 1,000,000 of 268,435,456)"); so an expansion takes milliseconds whatever the size.

It never imports torch, numpy or pandas: a type is recognised only through a module already in sys.modules
(an object of that type exists, so its module is loaded). The debug console (repl) and "copy value" keep the
object's own repr.

pydevd loads every pydevd_plugin* module of the pydevd_plugins.extensions namespace on sys.path when it is
imported: the shim has this startup/ folder on sys.path then, and every process the program starts has it on
PYTHONPATH. pydevd asks its providers in turn and its own numpy and pandas ones would answer first, so this
module moves its provider to the front once pydevd has loaded its modules. Where pydevd's internals differ,
the values show as pydevd shows them.
"""
import os
import sys

from _pydevd_bundle.pydevd_extension_api import DebuggerEventHandler, StrPresentationProvider, TypeResolveProvider

# From the startup folder, on sys.path as pydevd loads this module: imported now, `p all` finds it by name later.
from aml_debug_fingerprint import steps

__all__ = ["ArrayStrings", "ArrayViews", "ArrayViewsFirst"]

EXACT_LIMIT = 10_000_000
SAMPLE_SIZE = 1_000_000
FIRST = 10
COLUMNS = 100
# The debug console and copy-to-clipboard show the object's own repr.
OWN_REPR_CONTEXTS = ("repl", "clipboard")
KINDS = (("numpy", "ndarray", "array"), ("torch", "Tensor", "tensor"),
         ("pandas", "DataFrame", "frame"), ("pandas", "Series", "series"))


class Shown(str):
    """A value shown as its text, without quotes and without children."""


class Listing:
    """A child with children of its own: a title and (name, value, evaluate-name suffix) entries."""

    def __init__(self, title, entries):
        self.title = title
        self.entries = entries


def kind_of(type_object):
    for module_name, class_name, kind in KINDS:
        cls = getattr(sys.modules.get(module_name), class_name, None)
        if isinstance(cls, type) and issubclass(type_object, cls):
            return kind
    return None


def dims(shape):
    return ", ".join(str(d) for d in shape)


def summary(obj, kind):
    name = type(obj).__name__
    if kind == "array":
        return "%s[%s] %s" % (name, dims(obj.shape), obj.dtype)
    if kind == "tensor":
        return "%s[%s] %s %s" % (name, dims(obj.shape), str(obj.dtype).replace("torch.", ""), obj.device)
    if kind == "frame":
        return "%s[%d x %d]" % ((name,) + tuple(obj.shape))
    return "%s[%d] %s" % (name, len(obj), obj.dtype)


def sample(values, shape, size):
    """values itself when small, else a view of about SAMPLE_SIZE elements evenly spaced along every axis."""
    if size <= EXACT_LIMIT:
        return values, False
    return values[steps(shape, size, SAMPLE_SIZE)], True


def array_stats(a):
    if a.size == 0 or a.dtype.kind not in "biuf":
        return None
    part, sampled = sample(a, a.shape, a.size)
    if sampled:
        # One copy of the strided sample, then three passes over contiguous memory.
        part = part.copy()
    # In float64: a float16 sum would overflow.
    return part.min().item(), part.max().item(), part.mean(dtype="f8").item(), part.size if sampled else None


def series_stats(series):
    if getattr(series.dtype, "kind", "O") not in "biuf":
        return None
    values = series.to_numpy(copy=False)
    return array_stats(values) if values.ndim == 1 else None


def tensor_stats(t):
    t = t.detach()
    if t.numel() == 0 or t.is_complex():
        return None
    part, sampled = sample(t, tuple(t.shape), t.numel())
    if sampled:
        part = part.contiguous()
    mean = (part if part.is_floating_point() else part.double()).mean()
    return part.min().item(), part.max().item(), mean.item(), part.numel() if sampled else None


def stat_entries(compute, values, size):
    """min, max and mean; none when they do not apply or cannot be computed (a tensor on the meta device)."""
    try:
        stats = compute(values)
    except Exception:
        stats = None
    if stats is None:
        return []
    low, high, mean, sampled = stats
    if sampled is None:
        return [("min", low, None), ("max", high, None), ("mean", mean, None)]
    note = " (sample of {:,} of {:,})".format(sampled, size)
    return [(name, Shown("≈ %r%s" % (value, note)), None) for name, value in (("min", low), ("max", high), ("mean", mean))]


def first_entry(compute, values):
    """The first elements; none when they cannot be read (a sparse tensor, one on the meta device)."""
    try:
        return [("first", compute(values), None)]
    except Exception:
        return []


def first_of_tensor(t):
    t = t.detach()
    if t.dim() == 0:
        return [t.item()]
    head = t.view(-1)[:FIRST] if t.is_contiguous() else t[(0,) * (t.dim() - 1)][:FIRST]
    return head.tolist()


def children(obj, kind):
    if kind == "array":
        return ([("shape", obj.shape, ".shape"), ("dtype", Shown(obj.dtype), ".dtype"), ("size", obj.size, ".size")]
                + stat_entries(array_stats, obj, obj.size) + first_entry(lambda a: a.flat[:FIRST].tolist(), obj))
    if kind == "tensor":
        size = obj.numel()
        return ([("shape", tuple(obj.shape), ".shape"), ("dtype", Shown(str(obj.dtype)), ".dtype"),
                 ("device", Shown(obj.device), ".device"), ("size", size, ".numel()")]
                + stat_entries(tensor_stats, obj, size) + first_entry(first_of_tensor, obj))
    if kind == "series":
        return ([("shape", obj.shape, ".shape"), ("dtype", Shown(obj.dtype), ".dtype")]
                + stat_entries(series_stats, obj, len(obj)) + first_entry(lambda s: s.iloc[:FIRST].tolist(), obj))
    columns = [(repr(name), obj.iloc[:, i], None) for i, name in enumerate(obj.columns[:COLUMNS])]
    title = ("%d of %d" % (len(columns), obj.shape[1]) if obj.shape[1] > COLUMNS else str(obj.shape[1])) + " columns"
    return [("shape", obj.shape, ".shape"), ("columns", Listing(Shown(title), columns), None)]


class ArrayStrings(StrPresentationProvider):
    """The one-line values of arrays, tensors and frames, and of this module's own child values."""

    def can_provide(self, type_object, type_name):
        try:
            return issubclass(type_object, (Listing, Shown)) or kind_of(type_object) is not None
        except Exception:
            return False

    def get_str_in_context(self, val, context):
        if context in OWN_REPR_CONTEXTS and not isinstance(val, (Listing, Shown)):
            # pydevd then shows the repr it shows without this module.
            return None
        return self.get_str(val)

    def get_str(self, val):
        if isinstance(val, Listing):
            return val.title
        if isinstance(val, Shown):
            return str.__str__(val)
        return summary(val, kind_of(type(val)))


class ArrayViews(TypeResolveProvider):
    """The children of arrays, tensors, frames and listings (a Shown value, a str, has none)."""

    def can_provide(self, type_object, type_name):
        try:
            return issubclass(type_object, Listing) or kind_of(type_object) is not None
        except Exception:
            return False

    def get_contents_debug_adapter_protocol(self, obj, fmt=None):
        if isinstance(obj, Listing):
            return obj.entries
        try:
            return children(obj, kind_of(type(obj)))
        except Exception as e:
            reason = (str(e).splitlines() or [""])[0]
            return [("error", Shown("%s: %s" % (type(e).__name__, reason)), None)]

    def get_dictionary(self, obj):
        return {name: value for name, value, _ in self.get_contents_debug_adapter_protocol(obj)}

    def resolve(self, obj, attribute):
        return self.get_dictionary(obj).get(attribute)


class ArrayViewsFirst(DebuggerEventHandler):
    """Puts ArrayStrings and ArrayViews before pydevd's own numpy and pandas providers, which would answer first."""

    def on_debugger_modules_loaded(self, **kwargs):
        try:
            from _pydevd_bundle import pydevd_dont_trace_files as dont_trace
            from _pydevd_bundle import pydevd_extension_utils

            dont_trace.DONT_TRACE[os.path.basename(__file__)] = dont_trace.PYDEV_FILE
            for extension_type in (TypeResolveProvider, StrPresentationProvider):
                # The list pydevd keeps and hands to its type handler later: reordered in place.
                providers = pydevd_extension_utils.extensions_of_type(extension_type)
                ours = [p for p in providers if isinstance(p, (ArrayStrings, ArrayViews))]
                providers[:] = ours + [p for p in providers if p not in ours]
        except Exception:
            pass
