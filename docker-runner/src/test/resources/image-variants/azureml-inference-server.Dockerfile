# An image with Azure ML's inference server installed, as Azure ML's inference images have it. The real package
# (azureml-inference-server-http) is not on this machine's package index, so the package copied here is a fixture of
# the same shape: amlserver.run() reads the same arguments and hands a host, port and worker count to
# amlserver_linux.run(), which forks its workers as gunicorn does; server.entry.app is the WSGI app (Flask).
ARG BASE
FROM ${BASE}
COPY azureml_inference_server_http /usr/lib/python3/dist-packages/azureml_inference_server_http
