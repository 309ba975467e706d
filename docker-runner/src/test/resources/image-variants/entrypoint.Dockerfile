# An ENTRYPOINT that would swallow the command, as many serving images have.
ARG BASE
FROM ${BASE}
ENTRYPOINT ["python3", "-c", "import sys; print('the image entrypoint ran', sys.argv); sys.exit(9)"]
