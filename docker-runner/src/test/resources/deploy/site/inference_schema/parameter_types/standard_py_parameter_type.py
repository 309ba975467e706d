class StandardPythonParameterType:
    def __init__(self, sample_input):
        self.sample_input = sample_input
