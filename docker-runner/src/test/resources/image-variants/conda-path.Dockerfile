# Python only under /opt/conda/bin, on the image's PATH, as in conda images (the interpreter itself lives elsewhere).
ARG BASE
FROM ${BASE}
RUN mkdir -p /opt/conda/bin && mv /usr/bin/python3.11 /usr/libexec/python3.11 && rm -f /usr/bin/python /usr/bin/python3 \
 && ln -s /usr/libexec/python3.11 /opt/conda/bin/python && ln -s /usr/libexec/python3.11 /opt/conda/bin/python3
ENV PATH=/opt/conda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
