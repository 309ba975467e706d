from inference_schema.schema_decorators import input_schema


def init():
    pass


def run(data):
    return data
