# Python that dies as soon as a run or deployment starts it (not while an image is built): a start-up failure.
ARG BASE
FROM ${BASE}
RUN printf 'import os, sys\nif os.environ.get("AZUREML_RUN_ID"):\n    print("sitecustomize: the environment is broken", file=sys.stderr)\n    sys.exit(5)\n' \
    > /usr/lib/python3.11/sitecustomize.py
