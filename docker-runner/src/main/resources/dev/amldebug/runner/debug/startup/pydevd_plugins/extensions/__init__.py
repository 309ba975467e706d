# A namespace package like pydevd's own pydevd_plugins.extensions (see ../__init__.py).
import pkgutil
__path__ = pkgutil.extend_path(__path__, __name__)
