"""run() decorated the inference-schema way: the server passes its parameters by name."""
from inference_schema.parameter_types.standard_py_parameter_type import StandardPythonParameterType
from inference_schema.schema_decorators import input_schema, output_schema


def init():
    pass


@input_schema("data", StandardPythonParameterType([1, 2]))
@input_schema("factor", StandardPythonParameterType(1))
@output_schema(StandardPythonParameterType({"total": 3}))
def run(data, factor):
    return {"total": sum(data) * factor}
