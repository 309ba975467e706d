def init():
    pass


def run(data):
    answer = "scored " + data
    return answer
