"""Installs what an image lacks, for images without conda. Run by aml-debug at image build time.

Usage: python ensure_packages.py REQUIREMENT... [--optional REQUIREMENT...]
(for example scikit-learn==1.2 --optional debugpy)
A requirement already installed at a matching version is left alone, so an image that
ships its packages (from Debian, say) needs no network at all. An optional requirement that
cannot be installed (no pip, no index) is reported and skipped: runs work without it.
"""
import importlib
import importlib.metadata as metadata
import subprocess
import sys


def installed_version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        pass
    try:
        module = importlib.import_module(name.replace("-", "_"))
    except ImportError:
        return None
    return getattr(module, "__version__", "unknown")


def satisfied(requirement):
    name, _, wanted = requirement.partition("==")
    have = installed_version(name.strip())
    if have is None:
        return False
    if wanted and have != wanted and not have.startswith(wanted + "."):
        print(f"aml-debug: {name} {have} is installed, {wanted} is wanted")
        return False
    print(f"aml-debug: {name} {have} is already installed")
    return True


def install(missing):
    has_pip = subprocess.call([sys.executable, "-m", "pip", "--version"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0
    if not has_pip:
        print("aml-debug: cannot install " + " ".join(missing) + ": the image has neither conda nor pip."
              " Use a base image with conda or pip, or list only packages the image already has.",
              file=sys.stderr)
        return 1
    print("aml-debug: installing " + " ".join(missing) + " with pip")
    return subprocess.call([sys.executable, "-m", "pip", "install", "--no-cache-dir", *missing])


def main(argv):
    required, _, optional = (argv[:argv.index("--optional")], None, argv[argv.index("--optional") + 1:]) \
        if "--optional" in argv else (argv, None, [])
    missing = [r for r in required if not satisfied(r)]
    if missing and install(missing) != 0:
        return 1
    missing = [r for r in optional if not satisfied(r)]
    if missing and install(missing) != 0:
        print("aml-debug: " + " ".join(missing) + " could not be installed; runs work, but debugging needs it"
              " (add debugpy to the image).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
