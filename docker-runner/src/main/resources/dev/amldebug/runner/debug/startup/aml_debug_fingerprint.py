"""aml-debug: one comparable line for a value, so that one expression can be compared across the ranks of a run.

The console's `p all EXPR` and the editor's "Evaluate on All Ranks" evaluate, in the top frame of every paused rank,
    __import__('aml_debug_fingerprint').of((EXPR))
and compare the results as text: equal text, equal value. The text is one line:
    Tensor[2, 3] float32 cpu crc=1a2b3c4d        ndarray[4096, 4096] float32 crc=0badf00d
    DataFrame[1000 x 3] crc=5eed1e55             Series[1000] int64 crc=00c0ffee
    Tensor[] float32 cpu value=0.25 crc=dba65afc (a single element also shows its value)
    {'lr': 0.001, 'epoch': 3}                    (anything else: its repr, cut to TEXT_LIMIT characters)
The crc is the CRC-32 of the elements' bytes in row-major order, whatever the strides or the device. Up to EXACT_BYTES
it covers every byte; beyond, about SAMPLE_BYTES of elements evenly spaced along every axis, and says so: `crc~=`.
A cut repr ends with the length and the crc of the whole repr, so reprs that differ only after the cut differ.

It never imports torch, numpy or pandas: a type is recognised only through a module already in sys.modules.
The shim's pydevd extension imports this module while the startup folder is on sys.path, so it is there by name
in every debugged process, the rank's own included.
"""
import math
import sys
import zlib

__all__ = ["of", "steps"]

EXACT_BYTES = 256 * 1024 * 1024
SAMPLE_BYTES = 16 * 1024 * 1024
TEXT_LIMIT = 200


class Fingerprint:
    """A value's comparable text: its repr is the text, without quotes."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text

    __str__ = __repr__


def of(value):
    try:
        return Fingerprint(_text(value))
    except Exception as e:
        return Fingerprint("%s (no fingerprint: %s)" % (type(value).__name__, _reason(e)))


def _text(value):
    for module_name, class_name, describe in _KINDS:
        cls = getattr(sys.modules.get(module_name), class_name, None)
        if isinstance(cls, type) and isinstance(value, cls):
            return describe(value)
    return _cut(_repr(value))


def _reason(e):
    return "%s: %s" % (type(e).__name__, (str(e).splitlines() or [""])[0])


def _repr(value):
    try:
        return repr(value)
    except Exception as e:
        return "<repr failed: %s>" % _reason(e)


def _cut(text):
    line = text.replace("\r", "\\r").replace("\n", "\\n")
    if len(line) <= TEXT_LIMIT:
        return line
    return "%s... (%d characters, crc=%08x)" % (line[:TEXT_LIMIT], len(line), zlib.crc32(line.encode("utf-8", "replace")))


def _dims(shape):
    return ", ".join(str(d) for d in shape)


def steps(shape, count, limit):
    """Slices that keep about `limit` of `count` elements, evenly spaced along every axis (a view: nothing copied)."""
    factor = count / limit
    steps = []
    for dim in shape:
        step = max(1, min(dim, math.ceil(factor)))
        steps.append(slice(None, None, step))
        factor /= step
    return tuple(steps)


def _crc(buffer, sampled):
    return ("crc~=" if sampled else "crc=") + "%08x" % zlib.crc32(buffer)


def _tensor(t):
    t = t.detach()
    head = "Tensor[%s] %s %s" % (_dims(t.shape), str(t.dtype).replace("torch.", ""), t.device)
    if t.is_sparse or t.device.type == "meta":
        return head + " (no data to compare)"
    size = t.element_size()
    sampled = t.numel() * size > EXACT_BYTES
    part = t[steps(tuple(t.shape), t.numel(), SAMPLE_BYTES // size)] if sampled else t
    if hasattr(part, "resolve_neg"):
        # A lazily conjugated or negated view (x.conj()) holds the bytes of the numbers it is not.
        part = part.resolve_conj().resolve_neg()
    # Row-major bytes in this process's memory, whatever the strides or the device.
    part = part.cpu().contiguous()
    return head + _value(t, t.numel()) + " " + _crc(_memory(part.data_ptr(), part.numel() * size), sampled)


def _memory(address, length):
    import ctypes

    return memoryview((ctypes.c_char * length).from_address(address)) if length else b""


def _array(a):
    head = "%s[%s] %s" % (type(a).__name__, _dims(a.shape), a.dtype)
    if a.dtype.hasobject:
        # Bytes of an object array are addresses: its repr stands for it (numpy summarises a big one).
        return head + " repr-crc~=%08x" % zlib.crc32(_repr(a).encode("utf-8", "replace"))
    sampled = a.nbytes > EXACT_BYTES
    part = a[steps(a.shape, a.size, SAMPLE_BYTES // max(1, a.itemsize))] if sampled else a
    return head + _value(a, a.size) + " " + _crc(part.ravel().view("u1"), sampled)


def _value(values, count):
    """A single element's value, beside the crc: a loss reads as a number."""
    return " value=%r" % (values.item(),) if count == 1 else ""


def _pandas_crc(obj, sampled):
    hashed = sys.modules["pandas"].util.hash_pandas_object(obj, index=True).to_numpy()
    # The names and dtypes count too: the row hashes are of the values only.
    dtypes = obj.dtypes.items() if hasattr(obj, "columns") else [(obj.name, obj.dtype)]
    labels = repr([(str(name), str(dtype)) for name, dtype in dtypes])
    return _crc(labels.encode("utf-8", "replace") + hashed.tobytes(), sampled)


def _rows_of(obj, row_bytes):
    rows = len(obj)
    sampled = rows * row_bytes > EXACT_BYTES
    return (obj.iloc[::math.ceil(rows * row_bytes / SAMPLE_BYTES)] if sampled else obj), sampled


def _frame(frame):
    # hash_pandas_object gives 8 bytes a row, the same in every process.
    part, sampled = _rows_of(frame, 8 * max(1, frame.shape[1]))
    return "%s[%d x %d] %s" % (type(frame).__name__, frame.shape[0], frame.shape[1], _pandas_crc(part, sampled))


def _series(series):
    part, sampled = _rows_of(series, 8)
    return "%s[%d] %s %s" % (type(series).__name__, len(series), series.dtype, _pandas_crc(part, sampled))


_KINDS = (("torch", "Tensor", _tensor), ("numpy", "ndarray", _array),
          ("pandas", "DataFrame", _frame), ("pandas", "Series", _series))
