# Python only as python3 (Debian's python3 without python-is-python3).
ARG BASE
FROM ${BASE}
RUN rm -f /usr/bin/python
