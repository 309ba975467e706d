# A non-root USER, by name.
ARG BASE
FROM ${BASE}
RUN useradd --create-home --uid 1234 mluser
USER mluser
WORKDIR /home/mluser
