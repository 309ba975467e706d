# Neither debugpy nor pip (and no package index reachable to get them).
ARG BASE
FROM ${BASE}
RUN rm -rf /usr/lib/python3/dist-packages/debugpy* /usr/lib/python3/dist-packages/pydevd* \
    /usr/lib/python3/dist-packages/_pydev* /usr/lib/python3/dist-packages/pip*
