# A namespace package like pydevd's own pydevd_plugins: whichever is found first takes in the other's folder.
import pkgutil
__path__ = pkgutil.extend_path(__path__, __name__)
